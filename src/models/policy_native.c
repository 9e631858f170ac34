/* The `native` policy: no VMM at all.  The guest kernel (native flavour,
 * kseg0) runs in kernel mode and exceptions go straight to its vectors: the
 * baseline every other policy is compared against.  It has no hooks; the
 * front end sees it and runs the bare machine. */
#include "models/policy.h"

const struct policy_ops policy_native = {
	.name = "native",
	.summary = "no VMM: the kernel in kseg0 in kernel mode, the baseline",
	.is_base = true,
	.flavour = "native",
};

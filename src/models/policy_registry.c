/* The registry of policies and the composition rule (policy.h). */
#include <string.h>

#include "models/policy.h"

extern const struct policy_ops policy_native, policy_trap, policy_l2tlb, policy_idle,
	policy_dedup;

const struct policy_ops *const policy_registry[] = {
	&policy_native,
	&policy_trap,
	&policy_l2tlb,
	&policy_idle,
	&policy_dedup,
	NULL,
};

const struct policy_ops *policy_find(const char *name)
{
	for (unsigned i = 0; policy_registry[i]; i++)
		if (!strcmp(policy_registry[i]->name, name))
			return policy_registry[i];
	return NULL;
}

unsigned policy_parse(const char *spec, const struct policy_ops **ops, char *err, size_t errlen)
{
	const struct policy_ops *base = NULL;
	unsigned n = 0;
	const char *p = spec;
	while (*p) {
		size_t len = strcspn(p, "+");
		char name[32];
		if (len == 0 || len >= sizeof name) {
			snprintf(err, errlen, "--policy: '%s' is not a list of policy names joined by '+'",
			         spec);
			return 0;
		}
		memcpy(name, p, len);
		name[len] = 0;
		const struct policy_ops *o = policy_find(name);
		if (!o) {
			snprintf(err, errlen, "--policy: unknown policy '%s' (see vmmsim list)", name);
			return 0;
		}
		for (unsigned i = 0; i < n; i++)
			if (ops[i] == o) {
				snprintf(err, errlen, "--policy: '%s' named twice", name);
				return 0;
			}
		if (o->is_base) {
			if (base) {
				snprintf(err, errlen, "--policy: '%s' and '%s' both run the guest: name one",
				         base->name, o->name);
				return 0;
			}
			base = o;
		} else if (n == POLICY_MAX_COMPOSED - 1) {
			snprintf(err, errlen, "--policy: more than %d policies", POLICY_MAX_COMPOSED - 1);
			return 0;
		} else
			ops[n++] = o;
		p += len;
		if (*p == '+' && !*++p) {
			snprintf(err, errlen, "--policy: '%s' ends with '+'", spec);
			return 0;
		}
	}
	if (!base)
		base = n ? policy_find("trap") : NULL;
	if (!base) {
		snprintf(err, errlen, "--policy: empty");
		return 0;
	}
	if (!strcmp(base->name, "native") && n) {
		snprintf(err, errlen, "--policy: native runs no VMM: '%s' cannot extend it", ops[0]->name);
		return 0;
	}
	ops[n++] = base; /* the base sees every event last */
	return n;
}

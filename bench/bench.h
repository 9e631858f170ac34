/* Shared definitions of the bench programs (bench/README.md): bare-metal
 * kernels for GXemul's testmips machine and vmmsim alike.  Each program runs
 * a fixed number of iterations, then calls bench_done with a checksum in $a0,
 * which prints it in hex and halts, so both simulators execute exactly the
 * same instructions and must print the same line. */
#ifndef VMMSIM_BENCH_BENCH_H
#define VMMSIM_BENCH_BENCH_H

#include "sim/mmio_map.h"

#define C0_INDEX $0
#define C0_ENTRYLO0 $2
#define C0_ENTRYLO1 $3
#define C0_PAGEMASK $5
#define C0_WIRED $6
#define C0_ENTRYHI $10
#define C0_STATUS $12
#define C0_EPC $14

/* Iterations of each kernel's loop; a build may pass -DBENCH_SCALE=n to
 * divide them (the callgrind runs use --max-insns instead). */
#ifndef BENCH_SCALE
#define BENCH_SCALE 1
#endif

#endif

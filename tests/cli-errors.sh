#!/bin/sh
# Bad input: every case gets one clear error line and exit status 2 (or 3
# for a guest that never halts), never a crash.
. "$top_srcdir/tests/lib.sh"
prog=$top_builddir/tests/cli/hello.eb.elf
[ -f "$prog" ] || fail "missing $prog (make check builds it)"

# the program itself works, in both byte orders, with its exit status
expect_status 0 "$VMMSIM" run --quiet "$prog"
grep -q '^fib 00000a18$' "$scratch/out" || fail "wrong output: $(cat "$scratch/out")"
expect_status 0 "$VMMSIM" run --quiet "$top_builddir/tests/cli/hello.el.elf"
grep -q '^fib 00000a18$' "$scratch/out" || fail "wrong output (el): $(cat "$scratch/out")"
expect_status 1 "$VMMSIM" run --quiet --cmdline status=3 "$prog"
expect_error 3 "max-insns 5000 reached" "$VMMSIM" run --quiet --max-insns 5000 --cmdline spin "$prog"

# files
expect_error 2 "nonexistent.elf: No such file" "$VMMSIM" run "$scratch/nonexistent.elf"
printf 'hello, not an ELF file at all, long enough for a header..........' >"$scratch/text.elf"
expect_error 2 "text.elf: not an ELF file: bad magic" "$VMMSIM" run "$scratch/text.elf"
printf '\177ELF' >"$scratch/short.elf"
expect_error 2 "short.elf: not an ELF file: 4 bytes" "$VMMSIM" run "$scratch/short.elf"
head -c 52 /dev/zero >"$scratch/zeros.elf"
expect_error 2 "zeros.elf: not an ELF file" "$VMMSIM" run "$scratch/zeros.elf"
# a 64-bit ELF header (class 2), and a 32-bit big-endian one for SPARC (2)
{ printf '\177ELF\002\002\001'; head -c 57 /dev/zero; } >"$scratch/elf64.elf"
expect_error 2 "elf64.elf: not a 32-bit ELF" "$VMMSIM" run "$scratch/elf64.elf"
{ printf '\177ELF\001\002\001'; head -c 9 /dev/zero; printf '\000\002\000\002'; head -c 32 /dev/zero; } >"$scratch/sparc.elf"
expect_error 2 "sparc.elf: not a MIPS executable (machine 2" "$VMMSIM" run "$scratch/sparc.elf"
# truncated: the header survives, the segments do not
head -c 200 "$prog" >"$scratch/trunc.elf"
expect_error 2 "trunc.elf: segment 0 .*runs past the end of the file" "$VMMSIM" run "$scratch/trunc.elf"
expect_error 2 "--mem" "$VMMSIM" run --mem 64K "$prog"
expect_error 2 "a directory\|Is a directory" "$VMMSIM" run "$scratch"

# options
expect_error 2 "unknown or incomplete option '--frobnicate'" "$VMMSIM" run --frobnicate "$prog"
expect_error 2 "unknown or incomplete option" "$VMMSIM" run "$prog" --mem
expect_error 2 "no program given" "$VMMSIM" run
expect_error 2 "more than one program" "$VMMSIM" run "$prog" "$prog"
expect_error 2 "--tlb-entries" "$VMMSIM" run --tlb-entries 0 "$prog"
expect_error 2 "--tlb-entries" "$VMMSIM" run --tlb-entries 257 "$prog"
expect_error 2 "--tlb-entries" "$VMMSIM" run --tlb-entries 12x "$prog"
expect_error 2 "--max-insns" "$VMMSIM" run --max-insns -5 "$prog"
expect_error 2 "--mem" "$VMMSIM" run --mem 1T "$prog"
expect_error 2 "unknown command 'frob'" "$VMMSIM" frob
expect_error 2 "unknown workload 'nosuch'" "$VMMSIM" run --workload nosuch
expect_error 2 "need --workload" "$VMMSIM" run --seed 3 "$prog"
printf 'alu = 1\nbogus = 2\n' >"$scratch/cost.txt"
expect_error 2 "cost.txt: line 2: unknown key \"bogus\"" "$VMMSIM" run --cost-model "$scratch/cost.txt" "$prog"
expect_error 2 "missing.txt: No such file" "$VMMSIM" run --cost-model "$scratch/missing.txt" "$prog"

# output that cannot be written: status 4, and no partial file left behind
expect_status 4 "$VMMSIM" run --quiet --out "$scratch/no/such/dir/r.json" "$prog"
[ ! -e "$scratch/no/such/dir/r.json" ] || fail "partial result left behind"
echo "PASS cli-errors"

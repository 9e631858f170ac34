/* The program behind walk.lackey.gz and walk.din.gz (traces/IMPORT.md):
 * touch 64 pages of a static array twice, a word a page, then sum them.
 *   gcc -O1 -static -o walk walk.c
 *   valgrind --tool=lackey --trace-mem=yes ./walk 2> walk.lackey
 * (x86-64, valgrind 3.19; static, so the trace is the program and libc's
 * start-up, not the dynamic loader's). */
static int a[64 * 1024];
int main(void)
{
	int s = 0;
	for (int r = 0; r < 2; r++)
		for (int i = 0; i < 64 * 1024; i += 1024)
			a[i] += i + r;
	for (int i = 0; i < 64 * 1024; i += 512)
		s += a[i];
	return s == 0;
}

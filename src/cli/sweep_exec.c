/* Running a sweep: see sweep_exec.h. */
#include "cli/sweep_exec.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

void sweep_exec_result_path(const char *dir, const struct sweep_run *r, char *buf, size_t len)
{
	snprintf(buf, len, "%s/runs/%s.json", dir, r->name);
}

void sweep_exec_log_path(const char *dir, const struct sweep_run *r, char *buf, size_t len)
{
	snprintf(buf, len, "%s/logs/%s.log", dir, r->name);
}

static bool make_dir(const char *path)
{
	if (mkdir(path, 0777) == 0 || errno == EEXIST)
		return true;
	fprintf(stderr, "vmmsim sweep: %s: %s\n", path, strerror(errno));
	return false;
}

bool sweep_exec_prepare(const char *dir)
{
	char path[4096];
	if (!make_dir(dir))
		return false;
	snprintf(path, sizeof path, "%s/runs", dir);
	if (!make_dir(path))
		return false;
	snprintf(path, sizeof path, "%s/logs", dir);
	return make_dir(path);
}

/* The signal that asks us to stop (the handler only notes it). */
static volatile sig_atomic_t stop_signal;

static void on_signal(int sig)
{
	stop_signal = sig;
}

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void clock_text(double seconds, char *buf, size_t len)
{
	long s = (long)(seconds + 0.5);
	if (s >= 3600)
		snprintf(buf, len, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
	else
		snprintf(buf, len, "%ld:%02ld", s / 60, s % 60);
}

static void progress(const struct sweep_exec_options *o, size_t done, size_t total, size_t ran,
                     size_t running, double start)
{
	if (!o->progress)
		return;
	double elapsed = now() - start;
	char e[32], eta[32] = "?";
	clock_text(elapsed, e, sizeof e);
	/* the runs still to go at the pace of those that ran (skipped ones cost
	 * nothing and say nothing about the pace) */
	if (ran)
		clock_text(elapsed / (double)ran * (double)(total - done), eta, sizeof eta);
	fprintf(stderr, "\rsweep: %zu/%zu done, %zu running, %s elapsed, ETA %s   ", done, total,
	        running, e, eta);
	fflush(stderr);
}

struct child {
	pid_t pid;
	size_t run;
};

static pid_t start(const struct sweep_exec_options *o, const struct sweep_run *r)
{
	char out[4096], log[4096];
	sweep_exec_result_path(o->dir, r, out, sizeof out);
	sweep_exec_log_path(o->dir, r, log, sizeof log);
	char **argv = calloc(r->argc + 7, sizeof *argv);
	if (!argv)
		return -1;
	size_t k = 0;
	argv[k++] = (char *)o->vmmsim;
	argv[k++] = "run";
	argv[k++] = "--quiet";
	for (size_t i = 0; i < r->argc; i++)
		argv[k++] = r->argv[i];
	argv[k++] = "--out";
	argv[k++] = out;
	argv[k] = NULL;
	fflush(NULL);
	pid_t pid = fork();
	if (pid == 0) {
		signal(SIGINT, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
		int fd = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0666);
		int null = open("/dev/null", O_RDONLY);
		if (fd < 0 || null < 0 || dup2(null, 0) < 0 || dup2(fd, 1) < 0 || dup2(fd, 2) < 0)
			_exit(126);
		execv(o->vmmsim, argv);
		fprintf(stderr, "vmmsim sweep: %s: %s\n", o->vmmsim, strerror(errno));
		_exit(127);
	}
	free(argv);
	return pid;
}

/* Stop the running runs and remove their temporaries. */
static void stop_children(const struct sweep_exec_options *o, const struct sweep *s,
                          struct child *kids, size_t nkids)
{
	for (size_t i = 0; i < nkids; i++)
		kill(kids[i].pid, SIGTERM);
	for (size_t i = 0; i < nkids; i++) {
		while (waitpid(kids[i].pid, NULL, 0) < 0 && errno == EINTR)
			;
		char out[4096], tmp[4200];
		sweep_exec_result_path(o->dir, &s->run[kids[i].run], out, sizeof out);
		snprintf(tmp, sizeof tmp, "%s.tmp.%ld", out, (long)kids[i].pid);
		unlink(tmp);
	}
}

bool sweep_exec(const struct sweep *s, const struct sweep_exec_options *o,
                struct sweep_exec_counts *c)
{
	memset(c, 0, sizeof *c);
	struct child *kids = calloc(o->jobs ? o->jobs : 1, sizeof *kids);
	if (!kids) {
		fprintf(stderr, "vmmsim sweep: out of memory\n");
		return false;
	}
	struct sigaction sa = { .sa_handler = on_signal }, old_int, old_term;
	sigemptyset(&sa.sa_mask);
	stop_signal = 0;
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);
	double t0 = now();
	size_t next = 0, nkids = 0, done = 0;
	bool ok = true;
	char path[4096];
	for (;;) {
		while (!stop_signal && nkids < o->jobs && next < s->n) {
			const struct sweep_run *r = &s->run[next];
			sweep_exec_result_path(o->dir, r, path, sizeof path);
			if (access(path, F_OK) == 0) {
				c->skipped++;
				done++;
				next++;
				continue;
			}
			pid_t pid = start(o, r);
			if (pid < 0) {
				fprintf(stderr, "%svmmsim sweep: cannot start a run: %s\n",
				        o->progress ? "\n" : "", strerror(errno));
				ok = false;
				stop_signal = SIGTERM;
				break;
			}
			kids[nkids++] = (struct child){ pid, next++ };
		}
		progress(o, done, s->n, c->ran + c->failed, nkids, t0);
		if (stop_signal || !nkids)
			break;
		int status;
		pid_t pid = waitpid(-1, &status, 0);
		if (pid < 0) {
			if (errno == EINTR)
				continue;
			fprintf(stderr, "\nvmmsim sweep: waitpid: %s\n", strerror(errno));
			ok = false;
			break;
		}
		size_t k = 0;
		while (k < nkids && kids[k].pid != pid)
			k++;
		if (k == nkids)
			continue;
		const struct sweep_run *r = &s->run[kids[k].run];
		kids[k] = kids[--nkids];
		done++;
		sweep_exec_result_path(o->dir, r, path, sizeof path);
		if (WIFEXITED(status) && WEXITSTATUS(status) == 0 && access(path, F_OK) == 0) {
			c->ran++;
		} else {
			/* a guest that failed (or never halted) may still have
			 * written its result: keep it aside, so that it is neither
			 * aggregated nor taken for done when the sweep resumes */
			char log[4096], aside[4200];
			snprintf(aside, sizeof aside, "%s.failed", path);
			if (access(path, F_OK) == 0)
				rename(path, aside);
			sweep_exec_log_path(o->dir, r, log, sizeof log);
			c->failed++;
			fprintf(stderr, "%svmmsim sweep: run %s failed (%s %d), see %s\n",
			        o->progress ? "\n" : "", r->name,
			        WIFEXITED(status) ? "exit status" : "signal",
			        WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status), log);
		}
	}
	if (stop_signal) {
		stop_children(o, s, kids, nkids);
		c->interrupted = stop_signal;
	}
	if (o->progress)
		fputc('\n', stderr);
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	free(kids);
	return ok;
}

/* A word for sh: in single quotes, each ' as '\''. */
static void sh_word(FILE *out, const char *s)
{
	fputc('\'', out);
	for (; *s; s++)
		if (*s == '\'')
			fputs("'\\''", out);
		else
			fputc(*s, out);
	fputc('\'', out);
}

void sweep_exec_command(FILE *out, const struct sweep_exec_options *o, const struct sweep_run *r)
{
	char path[4096], log[4096];
	sweep_exec_result_path(o->dir, r, path, sizeof path);
	sweep_exec_log_path(o->dir, r, log, sizeof log);
	fputs("test -e ", out);
	sh_word(out, path);
	fputs(" || ", out);
	sh_word(out, o->vmmsim);
	fputs(" run --quiet", out);
	for (size_t i = 0; i < r->argc; i++) {
		fputc(' ', out);
		sh_word(out, r->argv[i]);
	}
	fputs(" --out ", out);
	sh_word(out, path);
	fputs(" >", out);
	sh_word(out, log);
	/* as sweep_exec does: a failed run's result is put aside */
	fputs(" 2>&1 </dev/null || { s=$?; ! test -e ", out);
	sh_word(out, path);
	fputs(" || mv ", out);
	sh_word(out, path);
	fputc(' ', out);
	sh_word(out, path);
	fputs(".failed; exit $s; }\n", out);
}

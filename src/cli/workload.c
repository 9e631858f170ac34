/* Guest workloads for the front end (workload.h). */
#include "cli/workload.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct param_info {
	const char *workload, *key, *help;
	uint64_t def, min, max;
};
struct workload_info {
	const char *name, *stands_for, *summary;
};

static const struct workload_info workloads[] = {
#define WORKLOAD(name, stands_for, summary) { #name, stands_for, summary },
#define PARAM(name, key, def, min, max, help)
#include "apps/workloads.def"
#undef WORKLOAD
#undef PARAM
};
static const struct param_info params[] = {
#define WORKLOAD(name, stands_for, summary)
#define PARAM(name, key, def, min, max, help) { #name, #key, help, def, min, max },
#include "apps/workloads.def"
#undef WORKLOAD
#undef PARAM
};
#define NWORKLOADS (sizeof workloads / sizeof workloads[0])
#define NPARAMS (sizeof params / sizeof params[0])

static const struct param_info *find_param(const char *workload, const char *key, size_t keylen)
{
	for (size_t i = 0; i < NPARAMS; i++)
		if (!strcmp(params[i].workload, workload) && strlen(params[i].key) == keylen &&
		    !memcmp(params[i].key, key, keylen))
			return &params[i];
	return NULL;
}

static bool parse_u64(const char *s, uint64_t *out)
{
	char *end;
	if (!*s || *s == '-' || *s == '+')
		return false;
	unsigned long long v = strtoull(s, &end, 0);
	if (*end)
		return false;
	*out = v;
	return true;
}

bool workload_validate(const struct workload_request *w)
{
	bool known = false;
	for (size_t i = 0; i < NWORKLOADS; i++)
		known |= !strcmp(workloads[i].name, w->name);
	if (!known) {
		fprintf(stderr, "vmmsim: --workload: unknown workload '%s' (see vmmsim list)\n",
		        w->name);
		return false;
	}
	if (w->seed > UINT32_MAX) {
		fprintf(stderr, "vmmsim: --seed: %" PRIu64 " is above %u\n", w->seed, UINT32_MAX);
		return false;
	}
	for (unsigned i = 0; i < w->nargs; i++) {
		const char *a = w->args[i], *eq = strchr(a, '=');
		const struct param_info *p = eq ? find_param(w->name, a, (size_t)(eq - a)) : NULL;
		uint64_t v;
		if (!eq) {
			fprintf(stderr, "vmmsim: --arg: '%s' is not KEY=VALUE\n", a);
			return false;
		}
		if (!p) {
			fprintf(stderr, "vmmsim: --arg: workload %s has no parameter '%.*s' (see vmmsim list)\n",
			        w->name, (int)(eq - a), a);
			return false;
		}
		if (!strcmp(p->key, "seed")) {
			fprintf(stderr, "vmmsim: --arg: give the seed with --seed\n");
			return false;
		}
		if (!parse_u64(eq + 1, &v) || v < p->min || v > p->max) {
			fprintf(stderr, "vmmsim: --arg: %s must be an integer %" PRIu64 "..%" PRIu64 "\n",
			        p->key, p->min, p->max);
			return false;
		}
	}
	return true;
}

bool workload_cmdline(const struct workload_request *w, char *buf, size_t len)
{
	int n = snprintf(buf, len, "%s seed=%" PRIu64, w->name, w->seed);
	for (unsigned i = 0; i < w->nargs && n >= 0 && (size_t)n < len; i++)
		n += snprintf(buf + n, len - (size_t)n, " %s", w->args[i]);
	if (n < 0 || (size_t)n >= len) {
		fprintf(stderr, "vmmsim: the workload's command line is longer than %zu bytes\n",
		        len - 1);
		return false;
	}
	return true;
}

/* DIR/kernel/FILE (the build tree's layout) or DIR/FILE (installed). */
static bool try_dir(const char *dir, const char *file, char *buf, size_t len)
{
	if (!dir || !*dir)
		return false;
	snprintf(buf, len, "%s/kernel/%s", dir, file);
	if (access(buf, R_OK) == 0)
		return true;
	snprintf(buf, len, "%s/%s", dir, file);
	return access(buf, R_OK) == 0;
}

bool workload_kernel_path(const struct workload_request *w, const char *flavour, char *buf,
                          size_t len)
{
	char file[64];
	snprintf(file, sizeof file, "vmunix-%s.%s.elf", flavour, w->big_endian ? "eb" : "el");
	if (w->guest_dir) {
		if (try_dir(w->guest_dir, file, buf, len))
			return true;
		fprintf(stderr, "vmmsim: --guest-dir %s: no %s in it (or in its kernel/)\n",
		        w->guest_dir, file);
		return false;
	}
	const char *env = getenv("VMMSIM_GUEST_DIR");
	if (env && *env) {
		if (try_dir(env, file, buf, len))
			return true;
		fprintf(stderr, "vmmsim: VMMSIM_GUEST_DIR=%s: no %s in it (or in its kernel/)\n",
		        env, file);
		return false;
	}
	if (try_dir(VMMSIM_BUILD_GUEST_DIR, file, buf, len) ||
	    try_dir(VMMSIM_INSTALLED_GUEST_DIR, file, buf, len))
		return true;
	fprintf(stderr, "vmmsim: guest kernel %s not found in %s or %s (build it with make, or set VMMSIM_GUEST_DIR)\n",
	        file, VMMSIM_BUILD_GUEST_DIR, VMMSIM_INSTALLED_GUEST_DIR);
	return false;
}

void workload_print_list(FILE *out)
{
	fprintf(out, "Workloads (vmmsim run --workload NAME [--seed N] [--arg KEY=VALUE ...]):\n");
	for (size_t i = 0; i < NWORKLOADS; i++) {
		fprintf(out, "\n  %-12s %s (%s)\n", workloads[i].name, workloads[i].summary,
		        workloads[i].stands_for);
		for (size_t j = 0; j < NPARAMS; j++)
			if (!strcmp(params[j].workload, workloads[i].name))
				fprintf(out, "      %-10s default %-8" PRIu64 " %" PRIu64 "..%-10" PRIu64 " %s\n",
				        params[j].key, params[j].def, params[j].min, params[j].max,
				        params[j].help);
	}
}

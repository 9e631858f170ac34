/* The front end's subcommands: one file cmd_NAME.c each, defining one
 * const struct cmd_entry, listed in the table in main.c (tmux's pattern). */
#ifndef VMMSIM_CMD_H
#define VMMSIM_CMD_H

/* Exit statuses, documented in the README and doc/vmmsim.1. */
enum {
	EXIT_OK = 0,          /* the guest halted with status 0 */
	EXIT_GUEST_FAILED = 1, /* the guest halted with a non-zero status */
	EXIT_BAD_INPUT = 2,   /* bad command line, unreadable or invalid input */
	EXIT_NO_HALT = 3,     /* the guest did not halt: --max-insns, deadlock, double fault */
	EXIT_IO_ERROR = 4,    /* results could not be written */
};

struct cmd_entry {
	const char *name;
	const char *summary; /* one line for `vmmsim --help` */
	int (*exec)(int argc, char **argv);
};

extern const struct cmd_entry cmd_run_entry;
extern const struct cmd_entry cmd_list_entry;
extern const struct cmd_entry cmd_costmodel_entry;
extern const struct cmd_entry cmd_trace_info_entry;
extern const struct cmd_entry cmd_record_entry;
extern const struct cmd_entry cmd_import_entry;
extern const struct cmd_entry cmd_replay_entry;
extern const struct cmd_entry cmd_stats_entry;
extern const struct cmd_entry cmd_compare_entry;
extern const struct cmd_entry cmd_plot_entry;
extern const struct cmd_entry cmd_sweep_entry;

#endif

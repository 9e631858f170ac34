/* The status word that wait() stores (guest/ABI.md): exit code << 8 for a
 * process that exited, the signal number for one the kernel killed; and
 * the signals the kernel kills with.  Shared by the guest kernel and libc. */
#ifndef GUEST_ABI_WAITSTATUS_H
#define GUEST_ABI_WAITSTATUS_H

#define W_EXITCODE(code) (((code) & 0xff) << 8)
#define W_SIGNALLED(sig) ((sig) & 0x7f)

#define SIGILL 4
#define SIGTRAP 5
#define SIGFPE 8
#define SIGBUS 10
#define SIGSEGV 11

#endif

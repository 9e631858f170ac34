/* A second thread for the trace reader (inflating) and writer
 * (compressing): its lifecycle, shared.  The thread and its owner share
 * state under `lock`, signal each other on `cond`, and the thread leaves
 * its loop when `stop` is set (stop is read and written under lock). */
#ifndef VMMSIM_TRACE_WORKER_H
#define VMMSIM_TRACE_WORKER_H

#include <pthread.h>
#include <stdbool.h>

struct worker {
	bool running, stop;
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t cond;
};

/* Start fn(arg); false (nothing to stop) if the thread cannot be had: the
 * owner then does the work itself. */
static inline bool worker_start(struct worker *w, void *(*fn)(void *), void *arg)
{
	w->running = w->stop = false;
	if (pthread_mutex_init(&w->lock, NULL) != 0)
		return false;
	if (pthread_cond_init(&w->cond, NULL) != 0) {
		pthread_mutex_destroy(&w->lock);
		return false;
	}
	if (pthread_create(&w->thread, NULL, fn, arg) != 0) {
		pthread_cond_destroy(&w->cond);
		pthread_mutex_destroy(&w->lock);
		return false;
	}
	return w->running = true;
}

/* Ask it to stop, and wait until it has. */
static inline void worker_stop(struct worker *w)
{
	if (!w->running)
		return;
	pthread_mutex_lock(&w->lock);
	w->stop = true;
	pthread_cond_broadcast(&w->cond);
	pthread_mutex_unlock(&w->lock);
	pthread_join(w->thread, NULL);
	pthread_cond_destroy(&w->cond);
	pthread_mutex_destroy(&w->lock);
	w->running = false;
}

#endif

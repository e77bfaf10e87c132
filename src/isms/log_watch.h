/*
 * Continuous monitoring (8.16): logs followed the way `tail -F` follows
 * them, each new whole line scanned against the org's indicators (reloaded
 * every minute) and the built-in rules, the hits and alerts recorded as
 * events together with the offset read to, in one transaction: a restart
 * resumes at the saved offset and never reads a line twice. A file that is
 * truncated is read again from its start; one that is rotated (its path
 * now names another file) is read to its end before the new one is opened.
 */
#ifndef ISMS_ISMS_LOG_WATCH_H
#define ISMS_ISMS_LOG_WATCH_H

#include <stddef.h>
#include <stdint.h>

struct isms_store;
struct isms_log_watch;

struct isms_log_watch_spec {
    int64_t org_id;
    const char *path;
};

/* Starts one thread that follows every file of `specs` (copied) every
 * `interval_ms` milliseconds, writing through `store` (which must outlive
 * the watch). */
int isms_log_watch_start(struct isms_log_watch **out, struct isms_store *store,
                         const struct isms_log_watch_spec *specs, size_t count,
                         unsigned interval_ms);

/* Stops the thread (after the file it is reading) and frees the watch. */
void isms_log_watch_stop(struct isms_log_watch *watch);

#endif

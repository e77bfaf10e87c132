/*
 * SQL of the events (rules in isms/event.c). Every statement filters by
 * org_id.
 */
#ifndef ISMS_STORE_EVENTS_H
#define ISMS_STORE_EVENTS_H

#include "engines/ioc/baseline.h"
#include "model/incident.h"

struct isms_store;
struct isms_actor;

/* What one scan records. */
struct isms_event_batch {
    const struct isms_event_burst *bursts;
    size_t count;
    int64_t window; /* a burst merges into an event this near */
    const char *origin;
    const struct isms_log_offset *offset; /* NULL: no watched log */
    const struct isms_log_hourly *hourly; /* NULL: no counts */
};

/* Records every burst, adds the hourly counts to the org's and saves the
 * log's offset, in one transaction journaled "event.record" naming the
 * origin (when it recorded an event). */
int isms_store_events_record(struct isms_event_record_counts *out, struct isms_store *store,
                             int64_t org_id, const struct isms_event_batch *batch,
                             const struct isms_actor *actor);

/* Adds the org's hourly counts from `since` (epoch seconds) on to `out`. */
int isms_store_log_counts_load(struct isms_log_hourly *out, struct isms_store *store,
                               int64_t org_id, int64_t since);

/* The events, latest first. *out: free(); *total (may be NULL) gets the
 * count of all that match the filter. */
int isms_store_events_list(struct isms_event **out, size_t *count, int64_t *total,
                           struct isms_store *store, int64_t org_id,
                           const struct isms_event_filter *filter);

int isms_store_event_get(struct isms_event *out, struct isms_store *store, int64_t org_id,
                         int64_t id);

/* The saved offset of a watched log; *found false when there is none. */
int isms_store_log_offset_get(struct isms_log_offset *out, bool *found, struct isms_store *store,
                              int64_t org_id, const char *path);

#endif

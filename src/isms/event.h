/*
 * Events from monitoring (capability A14, 8.16): the hits and alerts of a
 * log scan gathered into bursts (the same indicator from the same source,
 * or the same rule for the same key, while they keep coming within the
 * window) and recorded as events, each merged into the org's latest event
 * of the same kind when it is near enough.
 */
#ifndef ISMS_ISMS_EVENT_H
#define ISMS_ISMS_EVENT_H

#include <stdio.h>
#include "engines/ioc/baseline.h"
#include "engines/ioc/log_format.h"
#include "engines/ioc/rules.h"
#include "engines/ioc/scan.h"
#include "model/incident.h"

struct isms_store;
struct isms_actor;
struct isms_event_sink;

/* window: seconds (0: ISMS_EVENT_WINDOW_DEFAULT). NULL when memory is out. */
struct isms_event_sink *isms_event_sink_new(int64_t window);
void isms_event_sink_free(struct isms_event_sink *sink);

/* One hit at time `t` (epoch seconds: the line's, or the scan's). */
int isms_event_sink_hit(struct isms_event_sink *sink, const struct isms_ioc_hit *hit, int64_t t);
/* One alert; `line` is the log line where it fired. */
int isms_event_sink_alert(struct isms_event_sink *sink, const struct isms_log_alert *alert,
                          const char *line, size_t len);
/* One line a rule matched (before its threshold), for the hourly counts
 * of the baseline (engines/ioc/baseline.h); `t` < 0: no time, not counted. */
int isms_event_sink_count(struct isms_event_sink *sink, const struct isms_log_rule *rule,
                          const char *source, size_t source_len, int64_t t);
size_t isms_event_sink_bursts(const struct isms_event_sink *sink);

/* Records the bursts, the hourly counts (added to the org's) and `offset`
 * when not NULL, in one transaction: a watched log's lines are counted
 * once. */
int isms_event_sink_record(struct isms_event_record_counts *out, struct isms_event_sink *sink,
                           struct isms_store *store, int64_t org_id, const char *origin,
                           const struct isms_log_offset *offset, const struct isms_actor *actor);

/* A log scanned into events: the set (NULL: the org's indicators active
 * today, loaded here), the rules (NULL: none), the format for line times. */
struct isms_event_scan_options {
    const char *origin; /* what the events name as their log */
    const struct isms_ioc_set *set;
    const struct isms_log_rule *rules;
    size_t rule_count;
    enum isms_log_format format;
    int local_offset; /* seconds east of UTC of zone-less (syslog) times */
    int64_t window;
    const struct isms_log_offset *offset; /* saved with the events (a watched log) */
    /* A log followed in pieces (log_watch.h): the rules' counts carry over
     * from piece to piece, and lines are numbered from `first_line`. */
    struct isms_log_rules_state *rules_state;
    int64_t first_line;
};

struct isms_event_scan_result {
    struct isms_ioc_scan_stats stats;
    struct isms_event_record_counts recorded;
};

int isms_event_scan(struct isms_event_scan_result *out, struct isms_store *store, int64_t org_id,
                    FILE *in, const struct isms_event_scan_options *options,
                    const struct isms_actor *actor);

/* What a log uploaded to be scanned comes with. */
struct isms_event_upload {
    const char *data;
    size_t len;
    const char *origin;
    bool builtin_rules;
    const char *format; /* NULL or "": auto */
    const char *zone;   /* the IANA zone of syslog's zone-less times; NULL: UTC */
};

/* An uploaded log scanned into events against the org's indicators active
 * today, with the built-in rules when asked. */
int isms_event_scan_upload(struct isms_event_scan_result *out, struct isms_store *store,
                           int64_t org_id, const struct isms_event_upload *upload,
                           const struct isms_actor *actor);

/* The org's events (store/events.h), validated filter. */
int isms_events_list(struct isms_event **out, size_t *count, int64_t *total,
                     struct isms_store *store, int64_t org_id,
                     const struct isms_event_filter *filter);
int isms_event_get(struct isms_event *out, struct isms_store *store, int64_t org_id, int64_t id);

/* Adds the org's recorded hourly counts (the baseline) from `since` (epoch
 * seconds) on to `out`. */
int isms_event_counts_load(struct isms_log_hourly *out, struct isms_store *store, int64_t org_id,
                           int64_t since);

#endif

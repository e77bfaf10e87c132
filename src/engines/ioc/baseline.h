/*
 * Baselines of what the rules match (8.16 monitoring, 竹/松: abnormal
 * behaviour is told from a baseline of normal behaviour): the lines each
 * rule matches are counted by hour, per source and in total; an hour is a
 * deviation when its count lies far above what the hours before it held;
 * the trend is the daily totals and this week against the week before.
 *
 * A rule's threshold alerts (rules.h) catch bursts of a fixed size; the
 * baseline catches what is unusual for this system: a source that starts
 * failing logins at three times its usual rate never reaches 8 in 120 s.
 */
#ifndef ISMS_ENGINES_IOC_BASELINE_H
#define ISMS_ENGINES_IOC_BASELINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ISMS_LOG_HOUR 3600
#define ISMS_LOG_SOURCE_MAX 63 /* bytes of a source kept; longer ones are cut */
/* Hourly counts (of a rule, a source, an hour) kept at most; past them a
 * line is counted under the source "*", and past four times as many the
 * counts are refused (ISMS_ETOOBIG). */
#define ISMS_LOG_HOURLY_MAX 262144

struct isms_log_hourly;

struct isms_log_hour_count {
    const char *rule;
    const char *source; /* "" for the rule's total */
    int64_t hour;       /* epoch seconds at the start of the hour (UTC) */
    int64_t count;
};

struct isms_log_hourly *isms_log_hourly_new(void);
void isms_log_hourly_free(struct isms_log_hourly *h);

/* One line of `rule` from `source` at epoch `t`: counted in its hour, for
 * the source and for the rule's total. */
int isms_log_hourly_add(struct isms_log_hourly *h, const char *rule, const char *source,
                        size_t source_len, int64_t t);

/* Adds a count as stored (a source's or a total, source ""): the way a
 * saved baseline is read back. */
int isms_log_hourly_put(struct isms_log_hourly *h, const struct isms_log_hour_count *c);

/* Every count, by rule, source and hour. Returns fn's nonzero value. */
int isms_log_hourly_each(const struct isms_log_hourly *h,
                         int (*fn)(const struct isms_log_hour_count *c, void *ctx), void *ctx);

struct isms_log_baseline_options {
    int learn_hours;   /* the hours before an hour its baseline is learned from (168) */
    int min_history;   /* hours of data before the first hour judged (24) */
    double sigmas;     /* how far above the mean, in standard deviations (3) */
    int64_t min_count; /* an hour below this is never a deviation (5) */
};

/* The defaults above. */
void isms_log_baseline_defaults(struct isms_log_baseline_options *o);

struct isms_log_deviation {
    const char *rule, *source; /* source "" for the rule's total */
    int64_t hour, count;
    double mean, stddev; /* of the hours learned from; an hour without lines counts 0 */
};

/* Each hour of each series whose count exceeds mean + sigmas * max(stddev,
 * 1) of the learned hours before it, by rule, source and hour; the texts
 * of a deviation (and of a trend below) are valid during the call only. */
int isms_log_baseline_deviations(const struct isms_log_hourly *h,
                                 const struct isms_log_baseline_options *o,
                                 int (*fn)(const struct isms_log_deviation *d, void *ctx),
                                 void *ctx);

struct isms_log_trend {
    const char *rule;
    int64_t day;         /* epoch seconds of the day's local midnight */
    int64_t count;       /* the rule's lines that day */
    int64_t last_week;   /* the rule's lines in the 7 days up to the last day */
    int64_t week_before; /* and in the 7 days before them */
    bool last;           /* the rule's last day: the weeks are set */
};

/* Each rule's daily totals, in the zone `local_offset` seconds east of
 * UTC, by rule and day; on the last day of a rule, its weeks. */
int isms_log_trend_each(const struct isms_log_hourly *h, int local_offset,
                        int (*fn)(const struct isms_log_trend *t, void *ctx), void *ctx);

#endif

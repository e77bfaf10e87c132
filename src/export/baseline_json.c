#include "isms_setup.h"
#include <math.h>
#include "export/baseline_json.h"
#include "export/json_util.h"
#include "util/time.h"

struct building {
    json_t *deviations, *days, *weeks;
    int local_offset;
    bool ok;
};

static double rounded(double x)
{
    return round(x * 100) / 100;
}

static int add_deviation(const struct isms_log_deviation *d, void *ctx)
{
    struct building *b = ctx;
    char hour[ISMS_TIMESTAMP_SIZE];

    isms_time_from_epoch(hour, d->hour);
    b->ok = b->ok &&
            isms_json_append(b->deviations,
                             json_pack("{s:s, s:s, s:s, s:I, s:f, s:f}", "rule", d->rule, "source",
                                       d->source, "hour", hour, "count", (json_int_t)d->count,
                                       "mean", rounded(d->mean), "stddev", rounded(d->stddev)));
    return 0;
}

static int add_day(const struct isms_log_trend *t, void *ctx)
{
    struct building *b = ctx;
    char day[ISMS_TIMESTAMP_SIZE];

    /* The day's local midnight, read in its zone: the date. */
    isms_time_from_epoch(day, t->day + b->local_offset);
    day[10] = '\0';
    b->ok = b->ok && isms_json_append(b->days, json_pack("{s:s, s:s, s:I}", "rule", t->rule, "day",
                                                         day, "count", (json_int_t)t->count));
    if (t->last)
        b->ok = b->ok &&
                isms_json_append(b->weeks, json_pack("{s:s, s:I, s:I}", "rule", t->rule,
                                                     "last_week", (json_int_t)t->last_week,
                                                     "week_before", (json_int_t)t->week_before));
    return 0;
}

json_t *isms_json_baseline(const struct isms_log_hourly *h,
                           const struct isms_log_baseline_options *o, int local_offset)
{
    struct building b = {json_array(), json_array(), json_array(), local_offset, true};

    b.ok = b.deviations && b.days && b.weeks &&
           isms_log_baseline_deviations(h, o, add_deviation, &b) == 0 &&
           isms_log_trend_each(h, local_offset, add_day, &b) == 0 && b.ok;
    if (!b.ok) {
        json_decref(b.deviations);
        json_decref(b.days);
        json_decref(b.weeks);
        return NULL;
    }
    return json_pack("{s:o, s:o, s:o}", "deviations", b.deviations, "days", b.days, "weeks",
                     b.weeks);
}

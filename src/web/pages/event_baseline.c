#include "isms_setup.h"
#include <pthread.h>
#include <time.h>
#include "isms/event.h"
#include "util/error.h"
#include "util/time.h"
#include "util/timezone.h"
#include "web/http/request.h"
#include "web/pages/event_baseline.h"
#include "web/pages/incident_labels.h"

#define BASELINE_DAYS 30

/* The built-in rules, parsed once for their names (kept for the process). */
static struct isms_log_rule *builtin;
static size_t builtin_count;

static void parse_builtin(void)
{
    const char *text = isms_log_rules_builtin();

    if (isms_log_rules_parse(&builtin, &builtin_count, text, strlen(text)) < 0)
        builtin_count = 0;
}

/* The counts name a rule by its id: a built-in rule by its name. */
static const char *rule_name(const struct isms_page *page, const char *id)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;

    pthread_once(&once, parse_builtin);
    for (size_t i = 0; i < builtin_count; i++)
        if (strcmp(builtin[i].id, id) == 0)
            return isms_page_rule_name(page, id, builtin[i].name);
    return id;
}
#define DEVIATIONS_SHOWN 20

struct section {
    const struct isms_page *page;
    json_t *deviations, *weeks;
    size_t found;
};

static int add_deviation(const struct isms_log_deviation *d, void *ctx)
{
    struct section *s = ctx;
    char hour[ISMS_TIMESTAMP_SIZE], baseline[64];

    isms_time_from_epoch(hour, d->hour);
    snprintf(baseline, sizeof(baseline), "%.1f ± %.1f", d->mean, d->stddev);
    json_array_append_new(
        s->deviations, json_pack("{s:I, s:o, s:s, s:s, s:b, s:I, s:s}", "at", (json_int_t)d->hour,
                                 "hour", isms_page_time(s->page, hour), "rule",
                                 rule_name(s->page, d->rule), "source", d->source, "all",
                                 !*d->source, "count", (json_int_t)d->count, "baseline", baseline));
    return 0;
}

static int latest_first(const void *a, const void *b)
{
    json_int_t x = json_integer_value(json_object_get(*(json_t *const *)a, "at"));
    json_int_t y = json_integer_value(json_object_get(*(json_t *const *)b, "at"));

    return (x < y) - (x > y);
}

/* The deviations come by rule and source: the latest DEVIATIONS_SHOWN. */
static json_t *latest(json_t *deviations)
{
    size_t n = json_array_size(deviations);
    json_t **rows = malloc((n ? n : 1) * sizeof(*rows)), *shown = json_array();

    if (!rows || !shown) {
        free(rows);
        json_decref(shown);
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        rows[i] = json_array_get(deviations, i);
    qsort(rows, n, sizeof(*rows), latest_first);
    for (size_t i = 0; i < n && i < DEVIATIONS_SHOWN; i++)
        json_array_append(shown, rows[i]);
    free(rows);
    return shown;
}

static int add_week(const struct isms_log_trend *t, void *ctx)
{
    struct section *s = ctx;
    char change[16] = "";

    if (!t->last)
        return 0;
    if (t->week_before)
        snprintf(change, sizeof(change), "%+.0f%%",
                 100.0 * (double)(t->last_week - t->week_before) / (double)t->week_before);
    json_array_append_new(s->weeks, json_pack("{s:s, s:I, s:I, s:s, s:b}", "rule",
                                              rule_name(s->page, t->rule), "last_week",
                                              (json_int_t)t->last_week, "week_before",
                                              (json_int_t)t->week_before, "change", change, "up",
                                              t->last_week > t->week_before));
    return 0;
}

int isms_page_add_baseline(struct isms_page *page)
{
    struct isms_log_baseline_options o;
    struct isms_log_hourly *h = isms_log_hourly_new();
    struct section s = {page, json_array(), json_array(), 0};
    char zone[ISMS_TZ_NAME_MAX + 1];
    json_t *shown = NULL;
    int error;

    isms_page_reader_zone(zone, page->req);
    isms_log_baseline_defaults(&o);
    if (!h || !s.deviations || !s.weeks)
        error = isms_error_set(ISMS_ENOMEM, "out of memory");
    else if ((error = isms_event_counts_load(h, page->req->store, page->req->org.id,
                                             (int64_t)time(NULL) - BASELINE_DAYS * 86400)) == 0 &&
             (error = isms_log_baseline_deviations(h, &o, add_deviation, &s)) == 0)
        error = isms_log_trend_each(h, isms_tz_offset_now(zone), add_week, &s);
    isms_log_hourly_free(h);
    if (error == 0 && !(shown = latest(s.deviations)))
        error = isms_error_set(ISMS_ENOMEM, "out of memory");
    json_decref(s.deviations);
    if (error < 0) {
        json_decref(s.weeks);
        return error;
    }
    return isms_page_set(page, "baseline",
                         json_pack("{s:o, s:o, s:b, s:I}", "deviations", shown, "weeks", s.weeks,
                                   "empty", json_array_size(s.weeks) == 0, "days",
                                   (json_int_t)BASELINE_DAYS));
}

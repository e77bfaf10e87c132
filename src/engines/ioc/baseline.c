#include "isms_setup.h"
#include <math.h>
#include "engines/ioc/baseline.h"
#include "util/error.h"

struct entry {
    char rule[40];
    char source[ISMS_LOG_SOURCE_MAX + 1];
    int64_t hour, count;
};

/* Entries in the order they came, and an open-addressing index over them
 * (rule, source, hour); reports sort a copy. */
struct isms_log_hourly {
    struct entry *entries;
    size_t count, room;
    uint32_t *index; /* entry number + 1; 0 empty */
    size_t cap;
};

struct isms_log_hourly *isms_log_hourly_new(void)
{
    return calloc(1, sizeof(struct isms_log_hourly));
}

void isms_log_hourly_free(struct isms_log_hourly *h)
{
    if (!h)
        return;
    free(h->entries);
    free(h->index);
    free(h);
}

static uint64_t hash_of(const char *rule, const char *source, int64_t hour)
{
    uint64_t x = 0xcbf29ce484222325u ^ (uint64_t)hour;

    for (const char *p = rule; *p; p++)
        x = (x ^ (unsigned char)*p) * 0x100000001b3u;
    x = (x ^ 0xff) * 0x100000001b3u;
    for (const char *p = source; *p; p++)
        x = (x ^ (unsigned char)*p) * 0x100000001b3u;
    return x ^ (x >> 29);
}

static int reindex(struct isms_log_hourly *h)
{
    size_t cap = h->cap ? h->cap * 2 : 1024;
    uint32_t *index = calloc(cap, sizeof(*index));

    if (!index)
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    for (size_t i = 0; i < h->count; i++) {
        const struct entry *e = &h->entries[i];
        size_t j = hash_of(e->rule, e->source, e->hour) & (cap - 1);
        while (index[j])
            j = (j + 1) & (cap - 1);
        index[j] = (uint32_t)(i + 1);
    }
    free(h->index);
    h->index = index;
    h->cap = cap;
    return 0;
}

/* The entry of (rule, source, hour), made when it is new. */
static struct entry *entry_of(struct isms_log_hourly *h, const char *rule, const char *source,
                              int64_t hour)
{
    size_t j;

    if ((h->count + 1) * 2 > h->cap && reindex(h) < 0)
        return NULL;
    for (j = hash_of(rule, source, hour) & (h->cap - 1); h->index[j]; j = (j + 1) & (h->cap - 1)) {
        struct entry *e = &h->entries[h->index[j] - 1];
        if (e->hour == hour && strcmp(e->rule, rule) == 0 && strcmp(e->source, source) == 0)
            return e;
    }
    if (h->count == h->room) {
        size_t room = h->room ? h->room * 2 : 256;
        struct entry *grown = realloc(h->entries, room * sizeof(*grown));
        if (!grown)
            return NULL;
        h->entries = grown;
        h->room = room;
    }
    struct entry *e = &h->entries[h->count];
    memset(e, 0, sizeof(*e));
    snprintf(e->rule, sizeof(e->rule), "%s", rule);
    snprintf(e->source, sizeof(e->source), "%s", source);
    e->hour = hour;
    h->index[j] = (uint32_t)++h->count;
    return e;
}

static int64_t hour_of(int64_t t)
{
    return t - ((t % ISMS_LOG_HOUR) + ISMS_LOG_HOUR) % ISMS_LOG_HOUR;
}

int isms_log_hourly_put(struct isms_log_hourly *h, const struct isms_log_hour_count *c)
{
    struct entry *e;

    if (h->count >= ISMS_LOG_HOURLY_MAX * 4) /* hours of series: a hard cap on memory */
        return isms_error_set(ISMS_ETOOBIG, "more than %d hourly counts", ISMS_LOG_HOURLY_MAX * 4);
    if (!(e = entry_of(h, c->rule, c->source, hour_of(c->hour))))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    e->count += c->count;
    return 0;
}

int isms_log_hourly_add(struct isms_log_hourly *h, const char *rule, const char *source,
                        size_t source_len, int64_t t)
{
    char cut[ISMS_LOG_SOURCE_MAX + 1];
    struct isms_log_hour_count c = {rule, cut, t, 1};
    int error;

    snprintf(cut, sizeof(cut), "%.*s", (int)source_len, source);
    if (h->count >= ISMS_LOG_HOURLY_MAX)
        snprintf(cut, sizeof(cut), "*");
    if ((error = isms_log_hourly_put(h, &c)) < 0)
        return error;
    c.source = "";
    return isms_log_hourly_put(h, &c);
}

static int by_series(const void *a, const void *b)
{
    const struct entry *x = a, *y = b;
    int c = strcmp(x->rule, y->rule);

    if (!c)
        c = strcmp(x->source, y->source);
    return c ? c : (x->hour > y->hour) - (x->hour < y->hour);
}

/* A sorted copy: free() it. */
static struct entry *sorted(const struct isms_log_hourly *h)
{
    struct entry *copy = malloc((h->count ? h->count : 1) * sizeof(*copy));

    if (!copy)
        return NULL;
    memcpy(copy, h->entries, h->count * sizeof(*copy));
    qsort(copy, h->count, sizeof(*copy), by_series);
    return copy;
}

int isms_log_hourly_each(const struct isms_log_hourly *h,
                         int (*fn)(const struct isms_log_hour_count *c, void *ctx), void *ctx)
{
    struct entry *s = sorted(h);
    int stop = 0;

    if (!s)
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    for (size_t i = 0; !stop && i < h->count; i++) {
        struct isms_log_hour_count c = {s[i].rule, s[i].source, s[i].hour, s[i].count};
        stop = fn(&c, ctx);
    }
    free(s);
    return stop;
}

void isms_log_baseline_defaults(struct isms_log_baseline_options *o)
{
    *o = (struct isms_log_baseline_options){168, 24, 3.0, 5};
}

static bool same_series(const struct entry *a, const struct entry *b)
{
    return strcmp(a->rule, b->rule) == 0 && strcmp(a->source, b->source) == 0;
}

/* One series, entries [from, to) by hour: each hour against the sums of
 * the learned hours before it (a window sliding over the entries; the
 * hours without an entry add nothing but count in the mean). */
static int judge_series(const struct entry *e, size_t from, size_t to, int64_t data_start,
                        const struct isms_log_baseline_options *o,
                        int (*fn)(const struct isms_log_deviation *d, void *ctx), void *ctx)
{
    double sum = 0, squares = 0;
    size_t left = from;
    int stop = 0;

    for (size_t i = from; !stop && i < to; i++) {
        int64_t start = e[i].hour - (int64_t)o->learn_hours * ISMS_LOG_HOUR;
        if (start < data_start)
            start = data_start;
        while (left < i && e[left].hour < start) {
            sum -= (double)e[left].count;
            squares -= (double)e[left].count * (double)e[left].count;
            left++;
        }
        int64_t hours = (e[i].hour - start) / ISMS_LOG_HOUR;
        if (hours > 0 && hours >= o->min_history && e[i].count >= o->min_count) {
            double mean = sum / (double)hours;
            double variance = squares / (double)hours - mean * mean;
            double sd = variance > 0 ? sqrt(variance) : 0;
            if ((double)e[i].count > mean + o->sigmas * (sd > 1 ? sd : 1)) {
                struct isms_log_deviation d = {e[i].rule,  e[i].source, e[i].hour,
                                               e[i].count, mean,        sd};
                stop = fn(&d, ctx);
            }
        }
        sum += (double)e[i].count;
        squares += (double)e[i].count * (double)e[i].count;
    }
    return stop;
}

int isms_log_baseline_deviations(const struct isms_log_hourly *h,
                                 const struct isms_log_baseline_options *o,
                                 int (*fn)(const struct isms_log_deviation *d, void *ctx),
                                 void *ctx)
{
    struct entry *s = sorted(h);
    int64_t data_start = INT64_MAX;
    int stop = 0;

    if (!s)
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    for (size_t i = 0; i < h->count; i++)
        if (s[i].hour < data_start)
            data_start = s[i].hour;
    for (size_t from = 0, to; !stop && from < h->count; from = to) {
        for (to = from + 1; to < h->count && same_series(&s[from], &s[to]); to++)
            ;
        stop = judge_series(s, from, to, data_start, o, fn, ctx);
    }
    free(s);
    return stop;
}

static int64_t day_of(int64_t hour, int local_offset)
{
    int64_t local = hour + local_offset;

    return local - ((local % 86400) + 86400) % 86400 - local_offset;
}

/* One rule's total series [from, to): each day from its first to its last,
 * the days without lines too. */
static int trend_of(const struct entry *e, size_t from, size_t to, int local_offset,
                    int (*fn)(const struct isms_log_trend *t, void *ctx), void *ctx)
{
    int64_t first = day_of(e[from].hour, local_offset), last = day_of(e[to - 1].hour, local_offset);
    int64_t week = 0, before = 0;
    size_t i = from;
    int stop = 0;

    for (size_t k = from; k < to; k++) {
        int64_t day = day_of(e[k].hour, local_offset);
        if (day > last - 7 * 86400)
            week += e[k].count;
        else if (day > last - 14 * 86400)
            before += e[k].count;
    }
    for (int64_t day = first; !stop && day <= last; day += 86400) {
        struct isms_log_trend t = {e[from].rule, day, 0, week, before, day == last};
        while (i < to && day_of(e[i].hour, local_offset) == day)
            t.count += e[i++].count;
        stop = fn(&t, ctx);
    }
    return stop;
}

int isms_log_trend_each(const struct isms_log_hourly *h, int local_offset,
                        int (*fn)(const struct isms_log_trend *t, void *ctx), void *ctx)
{
    struct entry *s = sorted(h);
    int stop = 0;

    if (!s)
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    for (size_t from = 0, to; !stop && from < h->count; from = to) {
        for (to = from + 1; to < h->count && same_series(&s[from], &s[to]); to++)
            ;
        if (!s[from].source[0])
            stop = trend_of(s, from, to, local_offset, fn, ctx);
    }
    free(s);
    return stop;
}

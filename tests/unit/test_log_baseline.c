/* Hourly counts, deviations from the learned baseline and the trend
 * (engines/ioc/baseline.h). */
#include "isms_setup.h"
#include <setjmp.h>
#include <cmocka.h>
#include "engines/ioc/baseline.h"

#define T0 1764547200 /* 2025-12-01T00:00:00Z, a Monday */

struct found {
    struct isms_log_deviation d[8];
    char source[8][64]; /* the texts are the call's: kept here */
    int count;
};

static int keep(const struct isms_log_deviation *d, void *ctx)
{
    struct found *f = ctx;

    if (f->count < 8) {
        snprintf(f->source[f->count], sizeof(f->source[0]), "%s", d->source);
        f->d[f->count] = *d;
        f->d[f->count].source = f->source[f->count];
        f->d[f->count].rule = NULL;
        f->count++;
    }
    return 0;
}

static void add_lines(struct isms_log_hourly *h, const char *source, int64_t t, int n)
{
    for (int i = 0; i < n; i++)
        assert_int_equal(isms_log_hourly_add(h, "r", source, strlen(source), t + i), 0);
}

static void an_hour_far_above_its_learned_hours_deviates(void **state)
{
    struct isms_log_hourly *h = isms_log_hourly_new();
    struct isms_log_baseline_options o;
    struct found f = {0};

    (void)state;
    isms_log_baseline_defaults(&o);
    /* Two lines every other hour for two days, then 12 in one hour. */
    for (int hour = 0; hour < 48; hour += 2)
        add_lines(h, "a", T0 + hour * 3600, 2);
    add_lines(h, "a", T0 + 50 * 3600, 12);
    assert_int_equal(isms_log_baseline_deviations(h, &o, keep, &f), 0);
    /* The source and the rule's total: mean 1 (zeros count), sd 1. */
    assert_int_equal(f.count, 2);
    assert_string_equal(f.d[0].source, "");
    assert_string_equal(f.d[1].source, "a");
    assert_int_equal(f.d[1].hour, T0 + 50 * 3600);
    assert_int_equal(f.d[1].count, 12);
    assert_true(f.d[1].mean > 0.95 && f.d[1].mean < 1.05);
    assert_true(f.d[1].stddev > 0.95 && f.d[1].stddev < 1.05);
    /* Below the minimum count, or within mean + 3 sd: no deviation. */
    o.min_count = 13;
    f.count = 0;
    assert_int_equal(isms_log_baseline_deviations(h, &o, keep, &f), 0);
    assert_int_equal(f.count, 0);
    isms_log_hourly_free(h);
}

static void the_first_day_only_teaches(void **state)
{
    struct isms_log_hourly *h = isms_log_hourly_new();
    struct isms_log_baseline_options o;
    struct found f = {0};

    (void)state;
    isms_log_baseline_defaults(&o);
    add_lines(h, "a", T0, 1);
    add_lines(h, "a", T0 + 10 * 3600, 50); /* 10 hours of history: too few */
    add_lines(h, "b", T0 + 30 * 3600, 6);  /* a new source after a day: 0 so far */
    assert_int_equal(isms_log_baseline_deviations(h, &o, keep, &f), 0);
    assert_int_equal(f.count, 1);
    assert_string_equal(f.d[0].source, "b");
    assert_true(f.d[0].mean == 0);
    isms_log_hourly_free(h);
}

static void stored_counts_read_back_the_same(void **state)
{
    struct isms_log_hourly *back = isms_log_hourly_new();
    const struct isms_log_hour_count start = {"r", "a", T0, 0};
    const struct isms_log_hour_count c = {"r", "a", T0 + 7200 + 59, 4};
    struct isms_log_baseline_options o;
    struct found f = {0};

    (void)state;
    assert_int_equal(isms_log_hourly_put(back, &start), 0);
    assert_int_equal(isms_log_hourly_put(back, &c), 0); /* a time inside the hour */
    assert_int_equal(isms_log_hourly_put(back, &c), 0); /* counts add */
    isms_log_baseline_defaults(&o);
    o.min_history = 0;
    o.min_count = 1;
    assert_int_equal(isms_log_baseline_deviations(back, &o, keep, &f), 0);
    assert_int_equal(f.count, 1);
    assert_int_equal(f.d[0].hour, T0 + 7200);
    assert_int_equal(f.d[0].count, 8);
    isms_log_hourly_free(back);
}

struct days {
    int64_t count[32];
    int n;
    struct isms_log_trend last;
};

static int keep_day(const struct isms_log_trend *t, void *ctx)
{
    struct days *d = ctx;

    if (d->n < 32)
        d->count[d->n++] = t->count;
    if (t->last)
        d->last = *t;
    return 0;
}

static void the_trend_has_every_day_and_two_weeks(void **state)
{
    struct isms_log_hourly *h = isms_log_hourly_new();
    struct days d = {0};

    (void)state;
    add_lines(h, "a", T0, 3);                  /* day 0 */
    add_lines(h, "a", T0 + 9 * 86400, 5);      /* day 9 */
    add_lines(h, "b", T0 + 13 * 86400 + 1, 2); /* day 13 */
    assert_int_equal(isms_log_trend_each(h, 0, keep_day, &d), 0);
    assert_int_equal(d.n, 14);
    assert_int_equal(d.count[0], 3);
    assert_int_equal(d.count[1], 0);
    assert_int_equal(d.count[13], 2);
    assert_int_equal(d.last.last_week, 7);   /* days 7-13 */
    assert_int_equal(d.last.week_before, 3); /* days 0-6 */
    /* Nine hours east, the last line of day 0 (00:02 UTC) is still day 0. */
    d = (struct days){0};
    assert_int_equal(isms_log_trend_each(h, 9 * 3600, keep_day, &d), 0);
    assert_int_equal(d.count[0], 3);
    isms_log_hourly_free(h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(an_hour_far_above_its_learned_hours_deviates),
        cmocka_unit_test(the_first_day_only_teaches),
        cmocka_unit_test(stored_counts_read_back_the_same),
        cmocka_unit_test(the_trend_has_every_day_and_two_weeks),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* Threshold rules over a log (engines/ioc/rules.h) and line times (log_time.h). */
#include "isms_setup.h"
#include <setjmp.h>
#include <cmocka.h>
#include "engines/ioc/log_time.h"
#include "engines/ioc/rules.h"
#include "util/error.h"

#define NOW 1796300000 /* 2026-12-03 12:13:20 UTC */

struct alerts {
    int count;
    char key[64];
    size_t line;
};

static int keep(const struct isms_log_alert *a, void *ctx)
{
    struct alerts *s = ctx;

    s->count++;
    snprintf(s->key, sizeof(s->key), "%.*s", (int)a->key_len, a->key);
    s->line = a->line;
    return 0;
}

static void feed(struct isms_log_rules_state *st, struct alerts *a, size_t line, const char *text)
{
    assert_int_equal(isms_log_rules_feed(st, text, strlen(text), line,
                                         isms_log_time(ISMS_LOG_AUTO, text, strlen(text), NOW),
                                         NULL, keep, a),
                     0);
}

static void times_of_the_formats(void **state)
{
    (void)state;
    assert_int_equal(isms_log_time(ISMS_LOG_AUTO, "Dec  3 10:00:01 h x", 19, NOW), 1796292001);
    assert_int_equal(isms_log_time(ISMS_LOG_AUTO, "2026-12-03T19:00:01+09:00 x", 27, NOW),
                     1796292001);
    assert_int_equal(
        isms_log_time(ISMS_LOG_AUTO, "1.2.3.4 - - [03/Dec/2026:19:00:01 +0900] \"GET", 45, NOW),
        1796292001);
    assert_int_equal(isms_log_time(ISMS_LOG_AUTO, "no time", 7, NOW), -1);
    /* A December line read in early January is of the year before. */
    assert_true(isms_log_time(ISMS_LOG_AUTO, "Dec 31 23:00:00 h x", 19, 1798761600 + 3600) <
                1798761600 + 3600);
}

static void a_burst_raises_one_alert_then_silence(void **state)
{
    struct isms_log_rule *rules = NULL;
    struct isms_log_rules_state *st;
    struct alerts a = {0};
    size_t n = 0;
    char line[160];

    (void)state;
    assert_int_equal(isms_log_rules_parse(&rules, &n, isms_log_rules_builtin(),
                                          strlen(isms_log_rules_builtin())),
                     0);
    assert_int_equal(n, 4);
    assert_string_equal(rules[0].id, "sshd-brute-force");
    assert_int_equal(rules[0].threshold, 8);
    assert_int_equal(rules[0].window, 120);
    assert_non_null(st = isms_log_rules_state_new(rules, n));
    /* Seven failures are no alert; the eighth within 120 s is; the ninth is silent. */
    for (int i = 1; i <= 9; i++) {
        snprintf(line, sizeof(line),
                 "Dec  3 10:00:%02d h sshd[1]: Failed password for root from 203.0.113.5 port 22",
                 i * 10);
        if (i == 60 / 10)
            feed(st, &a, 100, "Dec  3 10:01:00 h sshd[1]: Failed password for x from 198.51.100.1");
        feed(st, &a, (size_t)i, line);
        assert_int_equal(a.count, i >= 8 ? 1 : 0);
    }
    assert_string_equal(a.key, "203.0.113.5");
    assert_int_equal(a.line, 8);
    isms_log_rules_state_free(st);
    /* Spread over more than the window: no alert. */
    assert_non_null(st = isms_log_rules_state_new(rules, n));
    memset(&a, 0, sizeof(a));
    for (int i = 0; i < 8; i++) {
        snprintf(line, sizeof(line),
                 "Dec  3 1%d:00:00 h sshd[1]: Failed password for r from 203.0.113.9", i);
        feed(st, &a, (size_t)i, line);
    }
    assert_int_equal(a.count, 0);
    /* sudo failures are counted by the user who typed them. */
    for (int i = 0; i < 3; i++)
        feed(st, &a, 50 + (size_t)i,
             "Dec  3 10:00:00 h sudo: pam_unix(sudo:auth): authentication failure; logname=alice "
             "uid=1000");
    assert_int_equal(a.count, 1);
    assert_string_equal(a.key, "alice");
    isms_log_rules_state_free(st);
    free(rules);
}

static void rule_files_are_checked(void **state)
{
    struct isms_log_rule *rules = NULL;
    size_t n = 0;
    static const char good[] = "# mine\nmy-rule\t3\t60\t0\tfield:user\tdenied\tDenied 3 times\n";
    static const char bad[] = "ok\t3\t60\t0\tip\tx\tX\nbad\tmany\t60\t0\tip\tx\tX\n";

    (void)state;
    assert_int_equal(isms_log_rules_parse(&rules, &n, good, sizeof(good) - 1), 0);
    assert_int_equal(n, 1);
    assert_string_equal(rules[0].key, "field:user");
    free(rules);
    assert_int_equal(isms_log_rules_parse(&rules, &n, bad, sizeof(bad) - 1), ISMS_EINVALID);
    assert_non_null(strstr(isms_error_last(), "rule line 2"));
    assert_null(rules);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(times_of_the_formats),
        cmocka_unit_test(a_burst_raises_one_alert_then_silence),
        cmocka_unit_test(rule_files_are_checked),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

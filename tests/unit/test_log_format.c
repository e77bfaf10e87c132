/* The timestamp of a log line by its format (engines/ioc/log_format.h). */
#include "isms_setup.h"
#include <setjmp.h>
#include <cmocka.h>
#include "engines/ioc/log_format.h"

static const char *stamp(enum isms_log_format f, const char *line)
{
    static char out[64];
    const char *at;
    size_t n;

    if (!isms_log_timestamp(f, line, strlen(line), &at, &n))
        return NULL;
    snprintf(out, sizeof(out), "%.*s", (int)n, at);
    return out;
}

static void stamps_as_the_log_wrote_them(void **state)
{
    (void)state;
    assert_string_equal(stamp(ISMS_LOG_AUTO, "Dec  3 10:00:01 host sshd[1]: Failed password"),
                        "Dec  3 10:00:01");
    assert_string_equal(stamp(ISMS_LOG_SSHD, "Nov 30 23:59:59 h sshd[2]: Invalid user x"),
                        "Nov 30 23:59:59");
    assert_string_equal(stamp(ISMS_LOG_AUTO, "<34>1 2026-12-03T10:00:01.123+09:00 host app - -"),
                        "2026-12-03T10:00:01.123+09:00");
    assert_string_equal(stamp(ISMS_LOG_AUTO, "2026-12-03 10:00:01 INFO started"),
                        "2026-12-03 10:00:01");
    assert_string_equal(
        stamp(ISMS_LOG_AUTO, "192.0.2.1 - - [03/Dec/2026:10:00:03 +0900] \"GET /\""),
        "03/Dec/2026:10:00:03 +0900");
    assert_string_equal(
        stamp(ISMS_LOG_JSONL, "{\"src\":\"1.2.3.4\", \"@timestamp\": \"2026-12-03T01:02:03Z\"}"),
        "2026-12-03T01:02:03Z");
    assert_string_equal(stamp(ISMS_LOG_AUTO, "{\"time\":\"1701561600\"}"), "1701561600");
    assert_null(stamp(ISMS_LOG_AUTO, "no time here 1.2.3.4"));
    assert_null(stamp(ISMS_LOG_COMBINED, "no bracket"));
    assert_int_equal(isms_log_format_of("{\"a\":1}", 7), ISMS_LOG_JSONL);
    assert_int_equal(isms_log_format_of("x", 1), ISMS_LOG_PLAIN);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(stamps_as_the_log_wrote_them)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}

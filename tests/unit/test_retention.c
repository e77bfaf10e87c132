#include "isms_setup.h"
#include <setjmp.h>
#include <cmocka.h>
#include "model/retention.h"
#include "util/error.h"

static void due(const char *period, const char *basis, const char *date, const char *expected)
{
    struct isms_retention r;
    struct isms_date d;
    char text[ISMS_DATE_SIZE];

    assert_int_equal(isms_retention_parse(&r, period, basis, date), 0);
    assert_int_equal(isms_retention_due(&d, &r, NULL), expected != NULL);
    isms_date_format(text, &d);
    assert_string_equal(text, expected ? expected : "");
}

static void ten_years_from_contract_end(void **state)
{
    due("10y", "contract_end", "2024-03-31", "2034-03-31");
    due("10年", "契約終了日", "2024-03-31", "2034-03-31");
    due("5年間", "退職日", "2023-06-30", "2028-06-30");
    due("90d", "last_use", "2024-12-15", "2025-03-15");
    due("1年6ヶ月", "fixed_date", "2024-01-15", "2025-07-15");
    due("１０年", "created", "2020-04-01", "2030-04-01");
}

static void end_of_month_is_clamped(void **state)
{
    due("1m", "created", "2024-01-31", "2024-02-29");
    due("1m", "created", "2023-01-31", "2023-02-28");
    due("1y", "created", "2024-02-29", "2025-02-28");
    due("4y", "created", "2024-02-29", "2028-02-29");
    due("3m", "created", "2024-11-30", "2025-02-28");
    due("1m1d", "created", "2024-01-31", "2024-03-01");
}

static void unknown_start_or_permanent_has_no_due_date(void **state)
{
    struct isms_retention r;
    struct isms_date d, created = {2024, 5, 1};

    due("10y", "contract_end", NULL, NULL);
    due("permanent", NULL, NULL, NULL);
    due("永年", "created", "2024-01-01", NULL);
    /* Counted from creation without a date: the registration day stands in. */
    assert_int_equal(isms_retention_parse(&r, "3y", "created", NULL), 0);
    assert_true(isms_retention_due(&d, &r, &created));
    assert_int_equal(d.year, 2027);
    /* No rule at all. */
    assert_int_equal(isms_retention_parse(&r, NULL, "", NULL), 0);
    assert_false(isms_retention_due(&d, &r, &created));
}

static void bad_rules_are_rejected_with_the_field(void **state)
{
    struct isms_retention r;

    assert_int_equal(isms_retention_parse(&r, "10y", NULL, NULL), ISMS_EINVALID);
    assert_non_null(strstr(isms_error_last(), "retention basis"));
    assert_int_equal(isms_retention_parse(&r, NULL, "contract_end", NULL), ISMS_EINVALID);
    assert_int_equal(isms_retention_parse(&r, "ten years", "created", NULL), ISMS_EINVALID);
    assert_int_equal(isms_retention_parse(&r, "0y", "created", NULL), ISMS_EINVALID);
    assert_int_equal(isms_retention_parse(&r, "1y1y", "created", NULL), ISMS_EINVALID);
    assert_int_equal(isms_retention_parse(&r, "10y", "tomorrow", NULL), ISMS_EINVALID);
    assert_int_equal(isms_retention_parse(&r, "10y", "fixed_date", NULL), ISMS_EINVALID);
    assert_int_equal(isms_retention_parse(&r, "10y", "created", "2023-02-29"), ISMS_EINVALID);
    assert_non_null(strstr(isms_error_last(), "basis date"));
}

static void dates_parse_and_format(void **state)
{
    struct isms_date d;
    struct isms_retention_period p;
    char text[ISMS_RETENTION_PERIOD_SIZE];

    assert_int_equal(isms_date_parse(&d, "2024/3/5"), 0);
    assert_int_equal(d.month, 3);
    assert_int_equal(isms_date_parse(&d, "2024-13-01"), ISMS_EINVALID);
    assert_int_equal(isms_date_parse(&d, "2024-03-05x"), ISMS_EINVALID);
    assert_int_equal(isms_date_parse(&d, "24-03-05"), ISMS_EINVALID);
    assert_int_equal(isms_retention_period_parse(&p, "1 year 6 months"), 0);
    isms_retention_period_format(text, &p);
    assert_string_equal(text, "1y6m");
    assert_int_equal(isms_retention_period_parse(&p, "Permanent"), 0);
    isms_retention_period_format(text, &p);
    assert_string_equal(text, "permanent");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(ten_years_from_contract_end),
        cmocka_unit_test(end_of_month_is_clamped),
        cmocka_unit_test(unknown_start_or_permanent_has_no_due_date),
        cmocka_unit_test(bad_rules_are_rejected_with_the_field),
        cmocka_unit_test(dates_parse_and_format),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

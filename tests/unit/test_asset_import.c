#include "isms_setup.h"
#include <setjmp.h>
#include <cmocka.h>
#include "isms/asset.h"
#include "isms/asset_import.h"
#include "isms/cloud_service.h"
#include "isms/org.h"
#include "model/actor.h"
#include "test_helpers.h"
#include "util/error.h"

#define JA_HEADER                                                                                                                     \
    "資産名,種別,管理責任者,機密区分,機密性,完全性,可用性,保管場所,クラウドサービス,保存期間," \
    "起算日,起算日付\r\n"

static int64_t make_org(struct test_db *t)
{
    struct isms_org org;
    struct isms_cloud_service s;
    struct isms_cloud_service_input box = {
        .name = "Box",
        .model = ISMS_CLOUD_SAAS,
        .managed_by = ISMS_CLOUD_MANAGED_IT,
        .risk_assessment = ISMS_CLOUD_RISK_DONE,
        .purpose = ISMS_CLOUD_PURPOSE_WITHIN,
        .cost_bearer = ISMS_CLOUD_COST_COMPANY,
    };

    assert_int_equal(
        isms_org_create(&org, t->store, "acme", "acme", ISMS_ORG_CSC, isms_actor_cli()), 0);
    assert_int_equal(isms_cloud_service_create(&s, t->store, org.id, &box, isms_actor_cli()), 0);
    return org.id;
}

static int64_t count_assets(struct test_db *t, int64_t org)
{
    struct isms_asset_filter f = {0};
    struct isms_asset_page page;

    assert_int_equal(isms_asset_list(&page, t->store, org, &f), 0);
    isms_asset_page_release(&page);
    return page.total;
}

static void japanese_headers_with_bom_and_quoted_newlines(void **state)
{
    struct test_db *t = *state;
    int64_t org = make_org(t);
    static const char csv[] =
        "\xEF\xBB\xBF資産名,種別,管理責任者,機密区分,機密性,完全性,可用性,保管場所,"
        "クラウドサービス,保存期間,起算日,起算日付,備考\r\n"
        "契約書,紙,総務部長,秘,3,2,1,書庫,,10年,契約終了日,2024-03-31,\r\n"
        "\"顧客リスト, \"\"営業\"\"\",電子データ,営業部長,社外秘,高,中,低,本社,box,5y,"
        "2023-04-01,,\"複数\n"
        "行\"\r\n"
        ",,,,,,,,,,,,\r\n"
        "last,情報,me,公開,1,1,1,,,,,,\r\n";
    struct isms_asset_import import;
    struct isms_asset a;
    char due[ISMS_DATE_SIZE];

    assert_int_equal(
        isms_asset_import(&import, t->store, org, csv, sizeof(csv) - 1, isms_actor_cli()), 0);
    assert_int_equal(import.count, 3);
    assert_int_equal(import.lines[1], 3);
    assert_int_equal(import.lines[2], 6); /* after a two-line cell and a blank row */
    assert_int_equal(isms_asset_get(&a, t->store, org, import.first_id + 1), 0);
    assert_string_equal(a.name, "顧客リスト, \"営業\"");
    assert_string_equal(a.notes, "複数\n行");
    assert_int_equal(a.confidentiality, 3);
    assert_int_equal(a.availability, 1);
    assert_string_equal(a.cloud_service_name, "Box");
    /* A date in the basis column is a fixed start date. */
    assert_int_equal(a.retention.basis, ISMS_RETENTION_FIXED_DATE);
    isms_date_format(due, &a.deletion_due);
    assert_string_equal(due, "2028-04-01");
    isms_asset_release(&a);
    isms_asset_import_release(&import);
}

static void english_and_export_headers(void **state)
{
    struct test_db *t = *state;
    int64_t org = make_org(t);
    static const char csv[] =
        "ID,資産名 / Name,種別 / Type,管理責任者 / Owner,機密区分 / Classification,"
        "機密性 / C,完全性 / I,可用性 / A,削除期限 / Deletion due,Department\n"
        "7,Payroll,情報 / information,HR,極秘 / secret,3,3,2,2030-01-01,HR\n"
        "8,Website,service,Marketing,public,1,2,3,,PR";
    struct isms_asset_import import;

    assert_int_equal(
        isms_asset_import(&import, t->store, org, csv, sizeof(csv) - 1, isms_actor_cli()), 0);
    assert_int_equal(import.count, 2);
    assert_string_equal(import.ignored_columns, "Department");
    isms_asset_import_release(&import);
}

/* Every bad cell is reported with its line and column, and nothing is stored. */
static void malformed_rows_store_nothing(void **state)
{
    struct test_db *t = *state;
    int64_t org = make_org(t);
    static const char csv[] = JA_HEADER
        "ok,情報,me,公開,1,1,1,,,,,\r\n"
        "bad type,spaceship,me,公開,1,1,1,,,,,\r\n"
        "two bad,情報,,公開,4,1,1,,,,,\r\n"
        "bad rule,情報,me,公開,1,1,1,,,10y,,\r\n"
        "bad date,情報,me,公開,1,1,1,,,10y,契約終了日,2023-02-30\r\n";
    struct isms_asset_import import;

    assert_int_equal(
        isms_asset_import(&import, t->store, org, csv, sizeof(csv) - 1, isms_actor_cli()),
        ISMS_EINVALID);
    assert_string_equal(isms_error_last(), "4 rows have errors; nothing was imported");
    assert_int_equal(import.errors.count, 5);
    assert_int_equal(import.errors.list[0].line, 3);
    assert_int_equal(import.errors.list[0].column, 2);
    assert_string_equal(import.errors.list[0].header, "種別");
    assert_int_equal(import.errors.list[1].line, 4);
    assert_string_equal(import.errors.list[1].header, "管理責任者");
    assert_int_equal(import.errors.list[2].line, 4);
    assert_int_equal(import.errors.list[2].column, 5);
    assert_int_equal(import.errors.list[3].line, 5);
    assert_string_equal(import.errors.list[3].header, "保存期間");
    assert_int_equal(import.errors.list[4].line, 6);
    assert_string_equal(import.errors.list[4].header, "起算日付");
    isms_asset_import_release(&import);
    assert_int_equal(count_assets(t, org), 0);
}

static void unknown_cloud_service_stores_nothing(void **state)
{
    struct test_db *t = *state;
    int64_t org = make_org(t);
    static const char csv[] = JA_HEADER "a,情報,me,公開,1,1,1,,Box,,,\n"
                                        "b,情報,me,公開,1,1,1,,Dropbox,,,\n";
    struct isms_asset_import import;

    assert_int_equal(
        isms_asset_import(&import, t->store, org, csv, sizeof(csv) - 1, isms_actor_cli()),
        ISMS_EINVALID);
    assert_int_equal(import.errors.count, 1);
    assert_int_equal(import.errors.list[0].line, 3);
    assert_int_equal(import.errors.list[0].column, 9);
    assert_non_null(strstr(import.errors.list[0].message, "'Dropbox'"));
    isms_asset_import_release(&import);
    assert_int_equal(count_assets(t, org), 0);
}

static void broken_files_say_why(void **state)
{
    static const struct {
        const char *csv;
        const char *message;
        size_t line;
    } cases[] = {
        {"", "the file is empty", 1},
        {"name,type\n", "lacks the required column(s) '管理責任者'", 1},
        {JA_HEADER "a,情報,me,公開,1,1,1,,,\"x\"y,,\n", "malformed CSV", 2},
        {JA_HEADER "\"a,情報,me,公開,1,1,1,,,,,\n", "never closed", 2},
        {"\x8e\x91\x8e\x59\x96\xbc,type\n", "not UTF-8", 1},
        {"資産名,資産名,種別\n", "appears twice", 1},
    };

    for (size_t i = 0; i < ISMS_ARRAY_SIZE(cases); i++) {
        struct isms_asset_import import;
        assert_int_not_equal(isms_asset_import_parse(&import, cases[i].csv, strlen(cases[i].csv)),
                             0);
        assert_true(import.errors.count >= 1);
        assert_non_null(strstr(import.errors.list[0].message, cases[i].message));
        assert_int_equal(import.errors.list[0].line, cases[i].line);
        assert_int_equal(import.count, 0);
        isms_asset_import_release(&import);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(japanese_headers_with_bom_and_quoted_newlines,
                                        test_db_setup, test_db_teardown),
        cmocka_unit_test_setup_teardown(english_and_export_headers, test_db_setup,
                                        test_db_teardown),
        cmocka_unit_test_setup_teardown(malformed_rows_store_nothing, test_db_setup,
                                        test_db_teardown),
        cmocka_unit_test_setup_teardown(unknown_cloud_service_stores_nothing, test_db_setup,
                                        test_db_teardown),
        cmocka_unit_test(broken_files_say_why),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

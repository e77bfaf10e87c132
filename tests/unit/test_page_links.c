/* The helpers the register and administration pages share (links.c),
 * which pages are answered with HTML errors (error.c), and their
 * Japanese terms (po/ja.po). */
#include "isms_setup.h"
#include <setjmp.h>
#include <cmocka.h>
#include "util/buf.h"
#include "util/error.h"
#include "web/http/i18n.h"
#include "web/pages/pages.h"

static void query_values_are_percent_encoded_and_empty_ones_left_out(void **state)
{
    struct isms_buf query = ISMS_BUF_INIT(1024);

    (void)state;
    assert_int_equal(isms_page_query_add(&query, "q", "顧客 a&b=c/d"), 0);
    assert_int_equal(isms_page_query_add(&query, "type", ""), 0);
    assert_int_equal(isms_page_query_add(&query, "cloud_service", NULL), 0);
    assert_int_equal(isms_page_query_add(&query, "deletion_due_before", "2025-01-01"), 0);
    assert_string_equal(isms_buf_cstr(&query),
                        "q=%E9%A1%A7%E5%AE%A2%20a%26b%3Dc%2Fd&deletion_due_before=2025-01-01");
    isms_buf_release(&query);
}

static void query_past_its_cap_fails(void **state)
{
    struct isms_buf query = ISMS_BUF_INIT(16);

    (void)state;
    assert_int_equal(isms_page_query_add(&query, "q", "ああああああ"), ISMS_ETOOBIG);
    isms_buf_release(&query);
}

static void ids_are_positive_decimal_integers(void **state)
{
    int64_t id;

    (void)state;
    assert_int_equal(isms_page_parse_id(&id, "42", "asset"), 0);
    assert_int_equal(id, 42);
    assert_int_equal(isms_page_parse_id(&id, "0", "asset"), ISMS_ENOTFOUND);
    assert_int_equal(isms_page_parse_id(&id, "-1", "asset"), ISMS_ENOTFOUND);
    assert_int_equal(isms_page_parse_id(&id, "12x", "asset"), ISMS_ENOTFOUND);
    assert_int_equal(isms_page_parse_id(&id, " 1", "asset"), ISMS_ENOTFOUND);
    assert_int_equal(isms_page_parse_id(&id, "99999999999999999999", "asset"), ISMS_ENOTFOUND);
    assert_int_equal(isms_page_parse_id(&id, NULL, "asset"), ISMS_ENOTFOUND);
    assert_int_equal(id, 0);
    assert_non_null(strstr(isms_error_last(), "asset"));
}

static void only_paths_outside_the_api_get_html_errors(void **state)
{
    (void)state;
    assert_true(isms_page_path("/orgs/acme/assets"));
    assert_true(isms_page_path("/nope"));
    assert_true(isms_page_path("/apis"));
    assert_false(isms_page_path("/api"));
    assert_false(isms_page_path("/api/orgs"));
    assert_false(isms_page_path("/healthz"));
}

static void roles_and_registers_use_jis_friendly_japanese(void **state)
{
    (void)state;
    assert_int_equal(isms_i18n_load(), 0);
    assert_string_equal(isms_i18n_text(ISMS_LANG_JA, "Administrator"), "管理者");
    assert_string_equal(isms_i18n_text(ISMS_LANG_JA, "ISMS manager"), "ISMS管理責任者");
    assert_string_equal(isms_i18n_text(ISMS_LANG_JA, "Risk owner"), "リスク所有者");
    assert_string_equal(isms_i18n_text(ISMS_LANG_JA, "Auditor (read only)"), "監査員（閲覧のみ）");
    assert_string_equal(isms_i18n_text(ISMS_LANG_JA, "Information asset register"), "情報資産台帳");
    assert_string_equal(isms_i18n_text(ISMS_LANG_JA, "Cloud service register"),
                        "クラウドサービス台帳");
    assert_string_equal(isms_i18n_text(ISMS_LANG_JA, "Page not found"), "ページが見つかりません");
    assert_string_equal(isms_i18n_text(ISMS_LANG_EN, "Page not found"), "Page not found");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(query_values_are_percent_encoded_and_empty_ones_left_out),
        cmocka_unit_test(query_past_its_cap_fails),
        cmocka_unit_test(ids_are_positive_decimal_integers),
        cmocka_unit_test(only_paths_outside_the_api_get_html_errors),
        cmocka_unit_test(roles_and_registers_use_jis_friendly_japanese),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

#include "isms_setup.h"
#include <setjmp.h>
#include <cmocka.h>
#include "util/buf.h"
#include "util/csv.h"
#include "util/error.h"
#include "util/hex.h"
#include "util/text.h"
#include "util/timezone.h"
#include "util/tsv.h"

static void buf_grows_and_stays_terminated(void **state)
{
    struct isms_buf buf = ISMS_BUF_INIT(1024);

    assert_string_equal(isms_buf_cstr(&buf), "");
    for (int i = 0; i < 100; i++)
        assert_int_equal(isms_buf_printf(&buf, "%d,", i % 10), 0);
    assert_int_equal(buf.len, 200);
    assert_int_equal(buf.ptr[200], '\0');
    assert_memory_equal(buf.ptr, "0,1,2,", 6);
    isms_buf_release(&buf);
}

static void buf_refuses_past_its_cap(void **state)
{
    struct isms_buf buf = ISMS_BUF_INIT(8);

    assert_int_equal(isms_buf_puts(&buf, "12345678"), 0);
    assert_int_equal(isms_buf_putc(&buf, 'x'), ISMS_ETOOBIG);
    assert_string_equal(isms_buf_cstr(&buf), "12345678");
    isms_buf_release(&buf);
}

static void tsv_parses_header_rows_and_comments(void **state)
{
    const char *text = "# comment\nid\ttitle\r\n\n5.1\tPolicies\n5.2\tRoles\n";
    struct isms_tsv tsv;

    assert_int_equal(isms_tsv_parse(&tsv, text, strlen(text)), 0);
    assert_int_equal(tsv.columns, 2);
    assert_int_equal(tsv.rows, 2);
    assert_int_equal(isms_tsv_column(&tsv, "title"), 1);
    assert_int_equal(isms_tsv_column(&tsv, "nope"), -1);
    assert_string_equal(isms_tsv_cell(&tsv, 0, 0), "5.1");
    assert_string_equal(isms_tsv_cell(&tsv, 1, 1), "Roles");
    isms_tsv_release(&tsv);
}

static void tsv_rejects_ragged_rows_naming_the_line(void **state)
{
    const char *text = "a\tb\n1\t2\n3\n";
    struct isms_tsv tsv;

    assert_int_equal(isms_tsv_parse(&tsv, text, strlen(text)), ISMS_EINVALID);
    assert_non_null(strstr(isms_error_last(), "line 3"));
    assert_int_equal(isms_tsv_parse(&tsv, "a\0b", 3), ISMS_EINVALID);
    assert_int_equal(isms_tsv_parse(&tsv, "# only\n", 7), ISMS_EINVALID);
}

static void text_validates_utf8_and_controls(void **state)
{
    assert_true(isms_text_valid_utf8("適用宣言書 SoA"));
    assert_false(isms_text_valid_utf8("\xC0\xAF"));     /* overlong '/' */
    assert_false(isms_text_valid_utf8("\xED\xA0\x80")); /* surrogate */
    assert_false(isms_text_valid_utf8("\xE3\x81"));     /* truncated */
    assert_int_equal(isms_text_check("a\nb", 10, true, "f"), 0);
    assert_int_equal(isms_text_check("a\nb", 10, false, "f"), ISMS_EINVALID);
    assert_int_equal(isms_text_check("a\x1b[31m", 10, true, "f"), ISMS_EINVALID);
    assert_int_equal(isms_text_check("12345", 4, true, "f"), ISMS_ETOOBIG);
}

static void csv_quotes_and_neutralises_formulas(void **state)
{
    const char *cells[] = {"plain", "a,b", "say \"hi\"", "=HYPERLINK(\"x\")", "-1", "@SUM", "日本"};
    struct isms_buf buf = ISMS_BUF_INIT(1024);

    assert_int_equal(isms_csv_row(&buf, cells, ISMS_ARRAY_SIZE(cells)), 0);
    assert_string_equal(isms_buf_cstr(&buf), "plain,\"a,b\",\"say \"\"hi\"\"\","
                                             "\"'=HYPERLINK(\"\"x\"\")\",'-1,'@SUM,日本\r\n");
    isms_buf_release(&buf);
}

static void errors_map_to_http_and_exit_statuses(void **state)
{
    assert_int_equal(isms_error_http_status(ISMS_ENOTFOUND), 404);
    assert_int_equal(isms_error_http_status(ISMS_ECONFLICT), 409);
    assert_int_equal(isms_error_http_status(ISMS_ETOOBIG), 413);
    assert_int_equal(isms_error_http_status(-999), 500);
    assert_string_equal(isms_error_name(ISMS_EINVALID), "invalid");
    assert_int_equal(isms_error_exit_status(ISMS_EINVALID), 2);
    assert_int_equal(isms_error_set(ISMS_EPERM, "no %s", "way"), ISMS_EPERM);
    assert_string_equal(isms_error_last(), "no way");
}

static void hex_encodes_lowercase_and_reads_both_cases(void **state)
{
    const unsigned char bytes[] = {0x00, 0x9f, 0xa0, 0xff};
    char text[2 * sizeof(bytes) + 1];

    (void)state;
    isms_hex_encode(text, bytes, sizeof(bytes));
    assert_string_equal(text, "009fa0ff");
    assert_int_equal(isms_hex_digit('0'), 0);
    assert_int_equal(isms_hex_digit('f'), 15);
    assert_int_equal(isms_hex_digit('F'), 15);
    assert_int_equal(isms_hex_digit('g'), -1);
    assert_int_equal(isms_hex_digit('\0'), -1);
}

/* The store's UTC timestamps as people in a zone read them, daylight saving
 * included; an unknown zone reads as UTC rather than failing a page. */
static void timestamps_convert_to_the_users_zone(void **state)
{
    struct isms_local_time t;

    (void)state;
    assert_int_equal(isms_tz_local(&t, "Asia/Tokyo", "2026-12-03T07:12:53Z"), 0);
    assert_int_equal(t.year * 10000 + t.month * 100 + t.day, 20261203);
    assert_int_equal(t.hour * 100 + t.minute, 1612);
    assert_int_equal(t.utc_offset_seconds, 9 * 3600);
    assert_int_equal(isms_tz_local(&t, "Asia/Tokyo", "2026-12-31T20:00:00Z"), 0);
    assert_int_equal(t.year * 10000 + t.month * 100 + t.day, 20270101);
    assert_int_equal(isms_tz_local(&t, "Europe/Berlin", "2026-12-03T07:12:53Z"), 0);
    assert_int_equal(t.hour, 8);
    assert_int_equal(isms_tz_local(&t, "Europe/Berlin", "2026-07-01T07:00:00Z"), 0);
    assert_int_equal(t.hour, 9);
    assert_int_equal(t.utc_offset_seconds, 2 * 3600);
    assert_int_equal(isms_tz_local(&t, "No/Such_Zone", "2026-07-01T07:00:00Z"), 0);
    assert_int_equal(t.hour, 7);
    assert_int_equal(isms_tz_local(&t, "UTC", "2026-07-01 07:00"), ISMS_EINVALID);
    assert_true(isms_tz_known("Asia/Tokyo"));
    assert_true(isms_tz_known("UTC"));
    assert_false(isms_tz_known("../../etc/passwd"));
    assert_false(isms_tz_known("Mars/Olympus_Mons"));
    assert_false(isms_tz_known(""));
}

/* Either spelling of a JIS term finds the other; ASCII case is folded. */
static void search_folds_jis_spelling_variants(void **state)
{
    char out[64];

    (void)state;
    isms_text_fold(out, sizeof(out), "技術的ぜい弱性の管理");
    assert_string_equal(out, "技術的脆弱性の管理");
    isms_text_fold(out, sizeof(out), "Data LEAKAGE 漏洩");
    assert_string_equal(out, "data leakage 漏えい");
    assert_true(isms_text_search("技術的ぜい弱性の管理", "脆弱性"));
    assert_true(isms_text_search("技術的脆弱性の管理", "ぜい弱性"));
    assert_true(isms_text_search("情報セキュリティ事象の報告", "情報セキュリティイベント"));
    assert_true(isms_text_search("Information Backup", "backup"));
    assert_true(isms_text_search("anything", ""));
    assert_false(isms_text_search("情報のバックアップ", "脆弱性"));
    isms_text_fold(out, 4, "ぜい弱");
    assert_true(strlen(out) < 4);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(hex_encodes_lowercase_and_reads_both_cases),
        cmocka_unit_test(buf_grows_and_stays_terminated),
        cmocka_unit_test(buf_refuses_past_its_cap),
        cmocka_unit_test(tsv_parses_header_rows_and_comments),
        cmocka_unit_test(tsv_rejects_ragged_rows_naming_the_line),
        cmocka_unit_test(text_validates_utf8_and_controls),
        cmocka_unit_test(csv_quotes_and_neutralises_formulas),
        cmocka_unit_test(errors_map_to_http_and_exit_statuses),
        cmocka_unit_test(timestamps_convert_to_the_users_zone),
        cmocka_unit_test(search_folds_jis_spelling_variants),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

#include "isms_setup.h"
#include <jansson.h>
#include <setjmp.h>
#include <cmocka.h>
#include "export/soa_export.h"
#include "isms/org.h"
#include "isms/soa.h"
#include "model/actor.h"
#include "test_helpers.h"
#include "util/buf.h"
#include "util/csv.h"

/* An SoA with one applicable control whose owner is a formula attack. */
static void load_soa(struct test_db *t, struct isms_soa *soa)
{
    struct isms_soa_decision d = {
        .applicability = ISMS_SOA_APPLICABLE,
        .inclusion_basis = ISMS_SOA_BASIS_LEGAL,
        .implementation = ISMS_SOA_IMPL_YES,
        .owner = "=cmd|' /C calc'!A0",
    };
    struct isms_soa_entry entry;
    struct isms_org org;

    assert_int_equal(
        isms_org_create(&org, t->store, "Export Co", NULL, ISMS_ORG_CSC, isms_actor_cli()), 0);
    assert_int_equal(isms_soa_decide(&entry, t->store, org.id, "A.5.31", &d, isms_actor_cli()), 0);
    isms_soa_entry_release(&entry);
    assert_int_equal(isms_soa_load(soa, t->store, org.id), 0);
}

static bool contains(const struct isms_buf *buf, const char *needle)
{
    size_t n = strlen(needle);

    for (size_t i = 0; i + n <= buf->len; i++)
        if (memcmp(buf->ptr + i, needle, n) == 0)
            return true;
    return false;
}

static size_t count_lines(const char *s)
{
    size_t n = 0;

    for (; (s = strstr(s, "\r\n")) != NULL; s += 2)
        n++;
    return n;
}

static void csv_has_bom_header_and_one_row_per_control(void **state)
{
    struct isms_buf buf = ISMS_BUF_INIT(1 << 20);
    struct isms_soa soa;
    const char *row;

    load_soa(*state, &soa);
    assert_int_equal(isms_export_soa_csv(&buf, &soa, "Asia/Tokyo"), 0);
    assert_memory_equal(buf.ptr, ISMS_CSV_BOM, 3);
    assert_memory_equal(buf.ptr + 3, "管理策番号 / Control,", strlen("管理策番号 / Control,"));
    assert_int_equal(count_lines(buf.ptr), 1 + soa.count);
    assert_non_null(row = strstr(buf.ptr, "\r\nA.5.31,"));
    /* The words of the SoA page (isms/soa_labels.h), in both languages. */
    assert_non_null(strstr(row, "法令・規制要求事項 / Legal or regulatory requirement"));
    assert_non_null(strstr(row, "'=cmd|' /C calc'!A0"));
    assert_null(strstr(buf.ptr, ",=cmd"));
    assert_non_null(strstr(buf.ptr, "\r\nCLD.13.1.4,ISO/IEC 27017:2015,"));
    isms_buf_release(&buf);
    isms_soa_release(&soa);
}

static void xlsx_is_a_zip_with_one_worksheet(void **state)
{
    struct isms_buf buf = ISMS_BUF_INIT(8 << 20);
    struct isms_soa soa;

    load_soa(*state, &soa);
    assert_int_equal(isms_export_soa_xlsx(&buf, &soa, "Asia/Tokyo"), 0);
    assert_true(buf.len > 4000);
    assert_memory_equal(buf.ptr, "PK\x03\x04", 4);
    assert_true(contains(&buf, "xl/worksheets/sheet1.xml"));
    assert_false(contains(&buf, "xl/worksheets/sheet2.xml"));
    isms_buf_release(&buf);
    isms_soa_release(&soa);
}

static void json_round_trips_through_a_parser(void **state)
{
    struct isms_buf buf = ISMS_BUF_INIT(4 << 20);
    struct isms_soa soa;
    json_error_t err;
    json_t *doc, *entries, *summary;

    load_soa(*state, &soa);
    assert_int_equal(isms_export_soa_json(&buf, &soa, "Asia/Tokyo"), 0);
    assert_non_null(doc = json_loads(buf.ptr, 0, &err));
    assert_non_null(entries = json_object_get(doc, "entries"));
    assert_int_equal(json_array_size(entries), soa.count);
    assert_non_null(summary = json_object_get(doc, "summary"));
    assert_int_equal(json_integer_value(json_object_get(summary, "undecided")), soa.count - 1);
    assert_string_equal(json_string_value(json_object_get(json_object_get(doc, "org"), "slug")),
                        "export-co");
    json_decref(doc);
    isms_buf_release(&buf);
    isms_soa_release(&soa);
}

#define DB_TEST(fn) cmocka_unit_test_setup_teardown(fn, test_db_setup, test_db_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        DB_TEST(csv_has_bom_header_and_one_row_per_control),
        DB_TEST(xlsx_is_a_zip_with_one_worksheet),
        DB_TEST(json_round_trips_through_a_parser),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

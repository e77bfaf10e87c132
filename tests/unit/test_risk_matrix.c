/* Risk matrix maths (every cell of the ISO/IEC 27005 table ENISA used, the
 * Japanese asset x threat x vulnerability method), custom definitions and
 * an org's matrix choice. */
#include "isms_setup.h"
#include <setjmp.h>
#include <cmocka.h>
#include "export/risk_matrix_json.h"
#include "isms/org.h"
#include "isms/risk_matrix.h"
#include "model/actor.h"
#include "store/journal.h"
#include "test_helpers.h"
#include "util/error.h"

/* Seed 003: rows business impact Very Low..Very High, columns likelihood
 * Very Low..Very High. */
static const int iso27005_table[5][5] = {
    {0, 1, 2, 3, 4}, {1, 2, 3, 4, 5}, {2, 3, 4, 5, 6}, {3, 4, 5, 6, 7}, {4, 5, 6, 7, 8},
};

static const struct isms_risk_matrix *iso27005(void)
{
    const struct isms_risk_matrix *m = isms_risk_matrix_builtin("iso27005-5x5");

    assert_non_null(m);
    return m;
}

static void iso27005_table_every_cell(void **state)
{
    const struct isms_risk_matrix *m = iso27005();

    for (int impact = 0; impact < 5; impact++)
        for (int likelihood = 0; likelihood < 5; likelihood++) {
            struct isms_risk_score score = {.likelihood = likelihood, .impact = impact};
            int level = -1, expected = iso27005_table[impact][likelihood];
            /* ENISA bands: Low 0-2, Medium 3-5, High 6-8. */
            enum isms_risk_band band = expected <= 2   ? ISMS_RISK_LOW
                                       : expected <= 5 ? ISMS_RISK_MEDIUM
                                                       : ISMS_RISK_HIGH;
            assert_int_equal(isms_risk_matrix_level(&level, m, &score), 0);
            assert_int_equal(level, expected);
            assert_int_equal(isms_risk_matrix_band(m, level), band);
            assert_int_equal(isms_risk_matrix_acceptable(m, level), expected <= 2);
        }
}

static void iso27005_shape_and_labels(void **state)
{
    const struct isms_risk_matrix *m = iso27005();
    int lo, hi;

    assert_int_equal(m->id, 0);
    assert_int_equal(m->method, ISMS_RISK_ADDITIVE);
    isms_risk_matrix_level_range(m, &lo, &hi);
    assert_int_equal(lo, 0);
    assert_int_equal(hi, 8);
    assert_int_equal(isms_risk_matrix_validate(m), 0);
    assert_string_equal(isms_risk_scale_label(&m->likelihood, 4, "en"), "Very high (frequent)");
    assert_string_equal(isms_risk_scale_label(&m->impact, 0, "ja"), "非常に低い");
    assert_null(isms_risk_scale_label(&m->impact, 5, "en"));
    assert_string_equal(isms_risk_band_name(ISMS_RISK_HIGH, "ja"), "高");
    assert_string_equal(isms_risk_band_name(ISMS_RISK_MEDIUM, "en"), "medium");
}

static void out_of_range_scores_name_the_input(void **state)
{
    const struct isms_risk_matrix *m = iso27005();
    int level = 42;

    assert_int_equal(isms_risk_matrix_level(&level, m, &(struct isms_risk_score){5, 0, 0}),
                     ISMS_EINVALID);
    assert_string_equal(isms_error_last(), "likelihood 5 is outside 0..4");
    assert_int_equal(isms_risk_matrix_level(&level, m, &(struct isms_risk_score){0, -1, 0}),
                     ISMS_EINVALID);
    assert_string_equal(isms_error_last(), "impact -1 is outside 0..4");
    assert_int_equal(level, 42);
}

static void japanese_asset_threat_vulnerability_method(void **state)
{
    const struct isms_risk_matrix *m = isms_risk_matrix_builtin("jp-atv-3");
    int level = 0, lo, hi;

    assert_non_null(m);
    assert_int_equal(isms_risk_matrix_validate(m), 0);
    isms_risk_matrix_level_range(m, &lo, &hi);
    assert_int_equal(lo, 1);
    assert_int_equal(hi, 27);
    /* asset value 3 x threat 2 x vulnerability 2 */
    assert_int_equal(
        isms_risk_matrix_level(
            &level, m, &(struct isms_risk_score){.impact = 3, .likelihood = 2, .vulnerability = 2}),
        0);
    assert_int_equal(level, 12);
    assert_int_equal(isms_risk_matrix_band(m, level), ISMS_RISK_HIGH);
    assert_false(isms_risk_matrix_acceptable(m, level));
    assert_int_equal(isms_risk_matrix_level(&level, m, &(struct isms_risk_score){2, 2, 2}), 0);
    assert_int_equal(level, 8);
    assert_int_equal(isms_risk_matrix_band(m, level), ISMS_RISK_MEDIUM);
    assert_true(isms_risk_matrix_acceptable(m, level));
    assert_int_equal(isms_risk_matrix_level(&level, m, &(struct isms_risk_score){1, 1, 1}), 0);
    assert_int_equal(isms_risk_matrix_band(m, level), ISMS_RISK_LOW);
    assert_int_equal(isms_risk_matrix_level(&level, m, &(struct isms_risk_score){1, 1, 0}),
                     ISMS_EINVALID);
    assert_string_equal(isms_error_last(), "vulnerability 0 is outside 1..3");
    assert_int_equal(isms_risk_matrix_level(&level, m, &(struct isms_risk_score){4, 1, 1}),
                     ISMS_EINVALID);
    assert_string_equal(isms_error_last(), "threat 4 is outside 1..3");
}

/* A complete custom definition: `n` x `n` levels from 1, labels "L1"... */
static struct isms_risk_matrix custom(int n, enum isms_risk_method method)
{
    struct isms_risk_matrix m;
    struct isms_risk_scale *scales[] = {&m.likelihood, &m.impact, &m.vulnerability};
    int lo, hi;

    memset(&m, 0, sizeof(m));
    snprintf(m.key, sizeof(m.key), "custom-%d", n);
    snprintf(m.name_ja, sizeof(m.name_ja), "独自 %d×%d", n, n);
    snprintf(m.name_en, sizeof(m.name_en), "Own %dx%d", n, n);
    m.method = method;
    for (size_t s = 0; s < (method == ISMS_RISK_ASSET_THREAT_VULNERABILITY ? 3u : 2u); s++) {
        scales[s]->min = 1;
        scales[s]->max = n;
        snprintf(scales[s]->name.ja, sizeof(scales[s]->name.ja), "軸%zu", s);
        snprintf(scales[s]->name.en, sizeof(scales[s]->name.en), "Axis %zu", s);
        for (int v = 0; v < n && v < ISMS_RISK_SCALE_LEVELS_MAX; v++) {
            snprintf(scales[s]->labels[v].ja, sizeof(scales[s]->labels[v].ja), "段階%d", v + 1);
            snprintf(scales[s]->labels[v].en, sizeof(scales[s]->labels[v].en), "L%d", v + 1);
        }
    }
    isms_risk_matrix_level_range(&m, &lo, &hi);
    m.medium_from = lo + 1;
    m.high_from = hi;
    m.acceptance_threshold = lo;
    return m;
}

static void custom_sizes_from_3x3_to_6x6(void **state)
{
    for (int n = 3; n <= 6; n++) {
        struct isms_risk_matrix m = custom(n, ISMS_RISK_ADDITIVE);
        assert_int_equal(isms_risk_matrix_validate(&m), 0);
    }
    struct isms_risk_matrix small = custom(2, ISMS_RISK_ADDITIVE);
    assert_int_equal(isms_risk_matrix_validate(&small), ISMS_EINVALID);
    assert_string_equal(isms_error_last(), "likelihood must have 3 to 6 levels, not 2");
    struct isms_risk_matrix big = custom(6, ISMS_RISK_ADDITIVE);
    big.impact.max = 7;
    assert_int_equal(isms_risk_matrix_validate(&big), ISMS_EINVALID);
    assert_string_equal(isms_error_last(), "impact must have 3 to 6 levels, not 7");
    struct isms_risk_matrix rect = custom(4, ISMS_RISK_ADDITIVE);
    rect.impact.max = 3; /* 4 x 3 is fine */
    rect.high_from = 7;
    assert_int_equal(isms_risk_matrix_validate(&rect), 0);
}

static void multiplicative_levels(void **state)
{
    struct isms_risk_matrix m = custom(6, ISMS_RISK_MULTIPLICATIVE);
    int level = 0, lo, hi;

    isms_risk_matrix_level_range(&m, &lo, &hi);
    assert_int_equal(lo, 1);
    assert_int_equal(hi, 36);
    m.medium_from = 8;
    m.high_from = 20;
    m.acceptance_threshold = 6;
    assert_int_equal(isms_risk_matrix_validate(&m), 0);
    assert_int_equal(isms_risk_matrix_level(&level, &m, &(struct isms_risk_score){4, 5, 0}), 0);
    assert_int_equal(level, 20);
    assert_int_equal(isms_risk_matrix_band(&m, level), ISMS_RISK_HIGH);
    assert_int_equal(isms_risk_matrix_level(&level, &m, &(struct isms_risk_score){2, 3, 0}), 0);
    assert_int_equal(level, 6);
    assert_true(isms_risk_matrix_acceptable(&m, level));
    assert_int_equal(isms_risk_matrix_band(&m, 7), ISMS_RISK_LOW);
}

static void bad_definitions_are_rejected(void **state)
{
    struct isms_risk_matrix m;

    m = custom(3, ISMS_RISK_ADDITIVE);
    m.impact.labels[2].en[0] = '\0';
    assert_int_equal(isms_risk_matrix_validate(&m), ISMS_EINVALID);
    assert_string_equal(isms_error_last(), "'impact.labels[2].en' is required");

    m = custom(3, ISMS_RISK_ADDITIVE);
    m.acceptance_threshold = 7; /* levels are 2..6 */
    assert_int_equal(isms_risk_matrix_validate(&m), ISMS_EINVALID);
    assert_string_equal(isms_error_last(), "acceptance_threshold 7 is outside the levels 2..6");

    m = custom(3, ISMS_RISK_ADDITIVE);
    m.medium_from = 5;
    m.high_from = 5;
    assert_int_equal(isms_risk_matrix_validate(&m), ISMS_EINVALID);
    assert_non_null(strstr(isms_error_last(), "bands.high_from"));

    m = custom(3, ISMS_RISK_ADDITIVE);
    m.medium_from = 2; /* would leave the low band empty */
    assert_int_equal(isms_risk_matrix_validate(&m), ISMS_EINVALID);

    m = custom(3, ISMS_RISK_ADDITIVE);
    snprintf(m.key, sizeof(m.key), "Bad Key");
    assert_int_equal(isms_risk_matrix_validate(&m), ISMS_EINVALID);

    m = custom(3, ISMS_RISK_ADDITIVE);
    m.vulnerability.max = 3;
    assert_int_equal(isms_risk_matrix_validate(&m), ISMS_EINVALID);

    m = custom(3, ISMS_RISK_ADDITIVE);
    m.likelihood.min = -1;
    m.likelihood.max = 1;
    assert_int_equal(isms_risk_matrix_validate(&m), ISMS_EINVALID);

    m = custom(3, ISMS_RISK_ADDITIVE);
    snprintf(m.name_en, sizeof(m.name_en), "bad \x01 name");
    assert_int_equal(isms_risk_matrix_validate(&m), ISMS_EINVALID);

    m = custom(3, ISMS_RISK_ASSET_THREAT_VULNERABILITY);
    assert_int_equal(isms_risk_matrix_validate(&m), 0);
    m.vulnerability.max = 2;
    assert_int_equal(isms_risk_matrix_validate(&m), ISMS_EINVALID);
}

static void json_round_trip_of_a_builtin(void **state)
{
    json_t *doc = isms_json_risk_matrix(isms_risk_matrix_builtin("jp-atv-3"));
    struct isms_risk_matrix m;

    assert_non_null(doc);
    assert_int_equal(json_integer_value(json_object_get(json_object_get(doc, "levels"), "max")),
                     27);
    assert_null(json_object_get(doc, "table")); /* three axes: no 2-D table */
    json_object_set_new(doc, "key", json_string("our-atv"));
    assert_int_equal(isms_json_risk_matrix_definition(&m, doc), 0);
    assert_string_equal(m.key, "our-atv");
    assert_int_equal(m.method, ISMS_RISK_ASSET_THREAT_VULNERABILITY);
    assert_int_equal(m.acceptance_threshold, 8);
    assert_string_equal(m.vulnerability.labels[2].ja, "高");
    /* Labels must cover every value. */
    json_array_remove(json_object_get(json_object_get(doc, "impact"), "labels"), 0);
    assert_int_equal(isms_json_risk_matrix_definition(&m, doc), ISMS_EINVALID);
    assert_non_null(strstr(isms_error_last(), "impact.labels"));
    json_decref(doc);

    doc = isms_json_risk_matrix(iso27005());
    json_t *table = json_object_get(doc, "table");
    assert_int_equal(json_array_size(table), 5);
    assert_int_equal(json_integer_value(json_array_get(json_array_get(table, 4), 3)), 7);
    json_object_set_new(json_object_get(doc, "likelihood"), "max", json_string("4"));
    assert_int_equal(isms_json_risk_matrix_definition(&m, doc), ISMS_EINVALID);
    assert_string_equal(isms_error_last(), "'likelihood.max' must be an integer");
    json_decref(doc);
}

static int64_t make_org(struct test_db *t, const char *slug)
{
    struct isms_org org;

    assert_int_equal(isms_org_create(&org, t->store, slug, slug, ISMS_ORG_CSP, isms_actor_cli()),
                     0);
    return org.id;
}

static void org_defaults_defines_and_uses_its_own(void **state)
{
    struct test_db *t = *state;
    int64_t a = make_org(t, "alpha"), b = make_org(t, "beta");
    struct isms_risk_matrix m = custom(4, ISMS_RISK_MULTIPLICATIVE), stored, used, got;
    struct isms_journal_report report;

    assert_int_equal(isms_risk_matrix_for_org(&got, t->store, a), 0);
    assert_string_equal(got.key, "iso27005-5x5");

    snprintf(m.key, sizeof(m.key), "alpha-4x4");
    m.medium_from = 4;
    m.high_from = 9;
    m.acceptance_threshold = 3;
    assert_int_equal(isms_risk_matrix_define(&stored, t->store, isms_actor_cli(), a, &m), 0);
    assert_true(stored.id > 0);
    assert_string_equal(stored.impact.labels[3].ja, "段階4");
    assert_int_equal(stored.high_from, 9);
    assert_int_equal(isms_risk_matrix_use(&used, t->store, isms_actor_cli(), a, "alpha-4x4"), 0);
    assert_int_equal(isms_risk_matrix_for_org(&got, t->store, a), 0);
    assert_string_equal(got.key, "alpha-4x4");
    assert_int_equal(got.method, ISMS_RISK_MULTIPLICATIVE);
    assert_int_equal(got.likelihood.max, 4);
    assert_string_equal(got.likelihood.name.en, "Axis 0");

    /* Redefining keeps the id and replaces the labels. */
    snprintf(m.impact.labels[0].en, sizeof(m.impact.labels[0].en), "Negligible");
    assert_int_equal(isms_risk_matrix_define(&got, t->store, isms_actor_cli(), a, &m), 0);
    assert_int_equal(got.id, stored.id);
    assert_string_equal(got.impact.labels[0].en, "Negligible");

    /* Another org neither sees nor can use it. */
    assert_int_equal(isms_risk_matrix_use(&used, t->store, isms_actor_cli(), b, "alpha-4x4"),
                     ISMS_ENOTFOUND);
    assert_int_equal(isms_risk_matrix_for_org(&got, t->store, b), 0);
    assert_string_equal(got.key, "iso27005-5x5");
    assert_int_equal(isms_risk_matrix_use(&used, t->store, isms_actor_cli(), b, "jp-atv-3"), 0);
    assert_int_equal(isms_risk_matrix_for_org(&got, t->store, b), 0);
    assert_string_equal(got.key, "jp-atv-3");

    struct isms_risk_matrix *list = NULL;
    size_t count = 9;
    assert_int_equal(isms_risk_matrix_list_custom(&list, &count, t->store, b), 0);
    assert_int_equal(count, 0);
    free(list);
    assert_int_equal(isms_risk_matrix_list_custom(&list, &count, t->store, a), 0);
    assert_int_equal(count, 1);
    assert_string_equal(list[0].impact.labels[0].en, "Negligible");
    free(list);

    /* Built-in keys are reserved; every change above is in the journal. */
    snprintf(m.key, sizeof(m.key), "jp-atv-3");
    assert_int_equal(isms_risk_matrix_define(&got, t->store, isms_actor_cli(), a, &m),
                     ISMS_ECONFLICT);
    assert_int_equal(isms_store_journal_verify(&report, t->store), 0);
    assert_int_equal(report.first_bad, 0);
    assert_int_equal(report.rows, 2 + 2 + 2); /* 2 orgs, 2 defines, 2 uses */
}

#define DB_TEST(fn) cmocka_unit_test_setup_teardown(fn, test_db_setup, test_db_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(iso27005_table_every_cell),
        cmocka_unit_test(iso27005_shape_and_labels),
        cmocka_unit_test(out_of_range_scores_name_the_input),
        cmocka_unit_test(japanese_asset_threat_vulnerability_method),
        cmocka_unit_test(custom_sizes_from_3x3_to_6x6),
        cmocka_unit_test(multiplicative_levels),
        cmocka_unit_test(bad_definitions_are_rejected),
        cmocka_unit_test(json_round_trip_of_a_builtin),
        DB_TEST(org_defaults_defines_and_uses_its_own),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* The built-in threat library and an org's own threats. */
#include "isms_setup.h"
#include <setjmp.h>
#include <cmocka.h>
#include "catalog/threats.h"
#include "export/threat_json.h"
#include "isms/org.h"
#include "isms/threat.h"
#include "model/actor.h"
#include "test_helpers.h"
#include "util/error.h"

static const struct isms_threat_source *source(const char *key)
{
    const struct isms_threat_source *s;

    assert_int_equal(isms_threats_load(), 0);
    s = isms_threat_source_get(key);
    assert_non_null(s);
    return s;
}

static size_t count_where(const struct isms_threat_source *s, const char *category,
                          const char *party)
{
    size_t n = 0;

    for (size_t i = 0; i < s->count; i++)
        n += (!category || strcmp(s->threats[i].category, category) == 0) &&
             (!party || strcmp(s->threats[i].party, party) == 0);
    return n;
}

static void enisa_has_r1_to_r35_in_four_categories(void **state)
{
    const struct isms_threat_source *s = source("enisa");
    char id[8];

    assert_int_equal(s->count, 35);
    for (size_t i = 0; i < 35; i++) {
        snprintf(id, sizeof(id), "R%zu", i + 1);
        assert_string_equal(s->threats[i].id, id);
        assert_true(*s->threats[i].summary_en && *s->threats[i].summary_ja);
    }
    /* R1-R7 policy and organizational, R8-R20 technical, R21-R24 legal, R25-R35 other. */
    assert_int_equal(count_where(s, "policy_organizational", NULL), 7);
    assert_int_equal(count_where(s, "technical", NULL), 13);
    assert_int_equal(count_where(s, "legal", NULL), 4);
    assert_int_equal(count_where(s, "not_cloud_specific", NULL), 11);
    assert_string_equal(isms_threat_builtin_find("enisa", "r9")->name_en, "Isolation failure");
    assert_string_equal(isms_threat_builtin_find("enisa", "R21")->category, "legal");
    assert_null(isms_threat_builtin_find("enisa", "R36"));
    assert_string_equal(isms_threat_category_name("not_cloud_specific", "ja"),
                        "クラウド固有でない");
}

static void x1601_covers_customer_provider_and_partner(void **state)
{
    const struct isms_threat_source *s = source("x1601");

    assert_int_equal(count_where(s, "threat", "csc"), 3);
    assert_int_equal(count_where(s, "threat", "csp"), 2);
    assert_int_equal(count_where(s, "challenge", "csc"), 8);
    assert_int_equal(count_where(s, "challenge", "csp"), 10);
    assert_int_equal(count_where(s, "challenge", "csn"), 3);
    assert_int_equal(s->count, 26);
    assert_string_equal(isms_threat_builtin_find("x1601", "CSP-C9")->name_ja,
                        "サプライチェーンの脆弱性");
}

static void ipa_top10_is_ranked_with_its_edition(void **state)
{
    const struct isms_threat_source *s = source("ipa");
    json_t *doc;

    assert_int_equal(s->count, 10);
    assert_string_equal(s->edition, "2024");
    for (size_t i = 0; i < 10; i++)
        assert_int_equal(s->threats[i].rank, (int)i + 1);
    assert_string_equal(s->threats[0].name_ja, "ランサムウェアによる被害");
    doc = isms_json_threat(&s->threats[0]);
    assert_string_equal(json_string_value(json_object_get(doc, "ref")), "ipa:1");
    assert_string_equal(json_string_value(json_object_get(doc, "edition")), "2024");
    json_decref(doc);
}

static void ids_are_unique_within_each_source(void **state)
{
    for (size_t k = 0; k < isms_threat_source_count(); k++) {
        const struct isms_threat_source *s = isms_threat_source_at(k);
        assert_non_null(s);
        for (size_t i = 0; i < s->count; i++)
            for (size_t j = i + 1; j < s->count; j++)
                assert_string_not_equal(s->threats[i].id, s->threats[j].id);
    }
}

static int64_t make_org(struct test_db *t, const char *slug)
{
    struct isms_org org;

    assert_int_equal(isms_org_create(&org, t->store, slug, slug, ISMS_ORG_CSC, isms_actor_cli()),
                     0);
    return org.id;
}

static void own_threats_are_added_listed_and_kept_per_org(void **state)
{
    struct test_db *t = *state;
    int64_t a = make_org(t, "alpha"), b = make_org(t, "beta");
    struct isms_own_threat added, got, *list = NULL;
    struct isms_threat_info info;
    size_t count = 0;

    assert_int_equal(
        isms_threat_add(&added, t->store, isms_actor_cli(), a,
                        &(struct isms_threat_input){.name_ja = "委託先クラウドの設定ミス",
                                                    .category = "運用",
                                                    .description = "line 1\nline 2"}),
        0);
    assert_true(added.id > 0);
    assert_string_equal(added.name_en, "");
    assert_int_equal(isms_threat_get_own(&got, t->store, a, added.id), 0);
    assert_string_equal(got.description, "line 1\nline 2");
    assert_int_equal(isms_threat_list_own(&list, &count, t->store, a), 0);
    assert_int_equal(count, 1);
    free(list);

    /* Beta sees nothing of alpha's. */
    assert_int_equal(isms_threat_get_own(&got, t->store, b, added.id), ISMS_ENOTFOUND);
    assert_int_equal(isms_threat_list_own(&list, &count, t->store, b), 0);
    assert_int_equal(count, 0);
    free(list);

    char ref[32];
    snprintf(ref, sizeof(ref), "own:%" PRId64, added.id);
    assert_int_equal(isms_threat_resolve(&info, t->store, a, ref), 0);
    assert_string_equal(info.name_ja, "委託先クラウドの設定ミス");
    assert_int_equal(isms_threat_resolve(&info, t->store, b, ref), ISMS_ENOTFOUND);
    assert_int_equal(isms_threat_resolve(&info, t->store, b, "enisa:r10"), 0);
    assert_string_equal(info.ref, "enisa:R10");
    assert_int_equal(isms_threat_resolve(&info, t->store, b, "nist:1"), ISMS_EINVALID);
    assert_int_equal(isms_threat_resolve(&info, t->store, b, "R10"), ISMS_EINVALID);
    assert_int_equal(isms_threat_resolve(&info, t->store, b, "ipa:11"), ISMS_ENOTFOUND);
}

static void own_threats_need_a_name_and_bounded_text(void **state)
{
    struct test_db *t = *state;
    int64_t a = make_org(t, "alpha");
    struct isms_own_threat out;
    char long_name[ISMS_THREAT_NAME_MAX + 2];

    assert_int_equal(isms_threat_add(&out, t->store, isms_actor_cli(), a,
                                     &(struct isms_threat_input){.category = "x"}),
                     ISMS_EINVALID);
    assert_string_equal(isms_error_last(), "a threat needs 'name_ja' or 'name_en'");
    memset(long_name, 'a', sizeof(long_name) - 1);
    long_name[sizeof(long_name) - 1] = '\0';
    assert_int_equal(isms_threat_add(&out, t->store, isms_actor_cli(), a,
                                     &(struct isms_threat_input){.name_en = long_name}),
                     ISMS_ETOOBIG);
    assert_int_equal(
        isms_threat_add(&out, t->store, isms_actor_cli(), a,
                        &(struct isms_threat_input){.name_en = "tab\tok", .category = "new\nline"}),
        ISMS_EINVALID);
    assert_string_equal(isms_error_last(), "'category' contains a control character");
}

#define DB_TEST(fn) cmocka_unit_test_setup_teardown(fn, test_db_setup, test_db_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(enisa_has_r1_to_r35_in_four_categories),
        cmocka_unit_test(x1601_covers_customer_provider_and_partner),
        cmocka_unit_test(ipa_top10_is_ranked_with_its_edition),
        cmocka_unit_test(ids_are_unique_within_each_source),
        DB_TEST(own_threats_are_added_listed_and_kept_per_org),
        DB_TEST(own_threats_need_a_name_and_bounded_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

#include "isms_setup.h"
#include <setjmp.h>
#include <cmocka.h>
#include "isms/cloud_service.h"
#include "isms/org.h"
#include "model/actor.h"
#include "test_helpers.h"
#include "util/error.h"

/* Every column of the 野良クラウドのカテゴリ分類 table (seed 001, 5.23). */
static void shadow_cloud_table_every_column(void **state)
{
    static const struct {
        enum isms_cloud_managed_by managed_by;
        enum isms_cloud_risk_assessment risk;
        enum isms_cloud_purpose purpose;
        enum isms_cloud_cost_bearer cost;
        int category;
        bool legitimate;
    } table[] = {
        /* 情シス管理, リスクアセスメント実施, 利用目的内, 会社負担: 正規 */
        {ISMS_CLOUD_MANAGED_IT, ISMS_CLOUD_RISK_DONE, ISMS_CLOUD_PURPOSE_WITHIN,
         ISMS_CLOUD_COST_COMPANY, 1, true},
        /* 情シス管理, 未実施, 利用目的外: 野良 */
        {ISMS_CLOUD_MANAGED_IT, ISMS_CLOUD_RISK_NOT_DONE, ISMS_CLOUD_PURPOSE_OUTSIDE,
         ISMS_CLOUD_COST_COMPANY, 1, false},
        /* 部門管理, 不十分, 利用目的内: 野良 */
        {ISMS_CLOUD_MANAGED_DEPARTMENT, ISMS_CLOUD_RISK_INSUFFICIENT, ISMS_CLOUD_PURPOSE_WITHIN,
         ISMS_CLOUD_COST_COMPANY, 2, false},
        /* 部門管理, 未実施, 利用目的外: 野良 */
        {ISMS_CLOUD_MANAGED_DEPARTMENT, ISMS_CLOUD_RISK_NOT_DONE, ISMS_CLOUD_PURPOSE_OUTSIDE,
         ISMS_CLOUD_COST_COMPANY, 2, false},
        /* 担当(個人)把握, 未実施, 未承認, 会社負担: 野良 */
        {ISMS_CLOUD_MANAGED_INDIVIDUAL, ISMS_CLOUD_RISK_NOT_DONE, ISMS_CLOUD_PURPOSE_UNAPPROVED,
         ISMS_CLOUD_COST_COMPANY, 3, false},
        /* 個人契約分, 未実施, 未承認, 個人: 野良 */
        {ISMS_CLOUD_MANAGED_INDIVIDUAL, ISMS_CLOUD_RISK_NOT_DONE, ISMS_CLOUD_PURPOSE_UNAPPROVED,
         ISMS_CLOUD_COST_INDIVIDUAL, 4, false},
    };

    for (size_t i = 0; i < ISMS_ARRAY_SIZE(table); i++) {
        struct isms_cloud_judgement j;
        isms_cloud_judge(&j, table[i].managed_by, table[i].risk, table[i].purpose, table[i].cost);
        assert_int_equal(j.category, table[i].category);
        assert_int_equal(j.legitimate, table[i].legitimate);
        assert_int_equal(j.reasons == 0, table[i].legitimate);
    }
}

static void legitimate_needs_all_three_conditions(void **state)
{
    struct isms_cloud_judgement j;

    /* IT-managed and assessed but used outside its purpose: still shadow, and says why. */
    isms_cloud_judge(&j, ISMS_CLOUD_MANAGED_IT, ISMS_CLOUD_RISK_DONE, ISMS_CLOUD_PURPOSE_OUTSIDE,
                     ISMS_CLOUD_COST_COMPANY);
    assert_int_equal(j.category, 1);
    assert_false(j.legitimate);
    assert_int_equal(j.reasons, ISMS_CLOUD_WHY_PURPOSE);
    /* An insufficient assessment is not an assessment. */
    isms_cloud_judge(&j, ISMS_CLOUD_MANAGED_IT, ISMS_CLOUD_RISK_INSUFFICIENT,
                     ISMS_CLOUD_PURPOSE_WITHIN, ISMS_CLOUD_COST_COMPANY);
    assert_false(j.legitimate);
    assert_int_equal(j.reasons, ISMS_CLOUD_WHY_RISK_NOT_ASSESSED);
    /* A personal contract is category 4 even when IT knows of it. */
    isms_cloud_judge(&j, ISMS_CLOUD_MANAGED_IT, ISMS_CLOUD_RISK_DONE, ISMS_CLOUD_PURPOSE_WITHIN,
                     ISMS_CLOUD_COST_INDIVIDUAL);
    assert_int_equal(j.category, 4);
    assert_false(j.legitimate);
}

static void japanese_terms_parse(void **state)
{
    enum isms_cloud_managed_by m;
    enum isms_cloud_risk_assessment r;
    enum isms_cloud_purpose p;
    enum isms_cloud_cost_bearer c;

    assert_int_equal(isms_cloud_managed_by_parse(&m, "部門管理"), 0);
    assert_int_equal(m, ISMS_CLOUD_MANAGED_DEPARTMENT);
    assert_int_equal(isms_cloud_risk_parse(&r, "未実施"), 0);
    assert_int_equal(r, ISMS_CLOUD_RISK_NOT_DONE);
    assert_int_equal(isms_cloud_purpose_parse(&p, "未承認"), 0);
    assert_int_equal(p, ISMS_CLOUD_PURPOSE_UNAPPROVED);
    assert_int_equal(isms_cloud_cost_parse(&c, "個人"), 0);
    assert_int_equal(c, ISMS_CLOUD_COST_INDIVIDUAL);
    assert_int_equal(isms_cloud_purpose_parse(&p, "maybe"), ISMS_EINVALID);
    assert_non_null(strstr(isms_error_last(), "'within', 'outside' or 'unapproved'"));
}

static void responsibility_split_follows_model(void **state)
{
    const char *const *csc = isms_cloud_model_csc_layers(ISMS_CLOUD_IAAS);

    assert_string_equal(csc[0], "os");
    assert_string_equal(isms_cloud_model_csp_layers(ISMS_CLOUD_SAAS)[6], "application");
    assert_null(isms_cloud_model_csp_layers(ISMS_CLOUD_SAAS)[7]);
    assert_string_equal(isms_cloud_model_csc_layers(ISMS_CLOUD_SAAS)[0], "data");
}

static const struct isms_cloud_service_input box = {
    .name = "Box",
    .provider = "Box Inc.",
    .model = ISMS_CLOUD_SAAS,
    .managed_by = ISMS_CLOUD_MANAGED_IT,
    .risk_assessment = ISMS_CLOUD_RISK_DONE,
    .purpose = ISMS_CLOUD_PURPOSE_WITHIN,
    .cost_bearer = ISMS_CLOUD_COST_COMPANY,
};

static void store_round_trip_and_isolation(void **state)
{
    struct test_db *t = *state;
    struct isms_org a, b, csp;
    struct isms_cloud_service s, got, *list = NULL;
    struct isms_cloud_service_input in = box;
    size_t n = 0;

    assert_int_equal(isms_org_create(&a, t->store, "A", "a", ISMS_ORG_CSC, isms_actor_cli()), 0);
    assert_int_equal(isms_org_create(&b, t->store, "B", "b", ISMS_ORG_CSC, isms_actor_cli()), 0);
    assert_int_equal(
        isms_org_create(&csp, t->store, "Provider", "p", ISMS_ORG_CSP, isms_actor_cli()), 0);
    in.provider_org_id = csp.id;
    assert_int_equal(isms_cloud_service_create(&s, t->store, a.id, &in, isms_actor_cli()), 0);
    assert_string_equal(s.provider_org_name, "Provider");
    assert_true(s.judgement.legitimate);
    assert_int_equal(isms_cloud_service_create(&got, t->store, a.id, &in, isms_actor_cli()),
                     ISMS_ECONFLICT);
    /* Another org's id is not found, for reading, updating and deleting. */
    assert_int_equal(isms_cloud_service_get(&got, t->store, b.id, s.id), ISMS_ENOTFOUND);
    assert_int_equal(isms_cloud_service_update(&got, t->store, b.id, s.id, &in, isms_actor_cli()),
                     ISMS_ENOTFOUND);
    assert_int_equal(isms_cloud_service_delete(t->store, b.id, s.id, isms_actor_cli()),
                     ISMS_ENOTFOUND);
    assert_int_equal(isms_cloud_service_list(&list, &n, t->store, b.id), 0);
    assert_int_equal(n, 0);
    free(list);
    /* A customer org cannot be named as provider. */
    in.provider_org_id = b.id;
    assert_int_equal(isms_cloud_service_update(&got, t->store, a.id, s.id, &in, isms_actor_cli()),
                     ISMS_EINVALID);
    in.provider_org_id = 0;
    in.managed_by = ISMS_CLOUD_MANAGED_DEPARTMENT;
    assert_int_equal(isms_cloud_service_update(&got, t->store, a.id, s.id, &in, isms_actor_cli()),
                     0);
    assert_int_equal(got.judgement.category, 2);
    assert_false(got.judgement.legitimate);
    assert_int_equal(isms_cloud_service_delete(t->store, a.id, s.id, isms_actor_cli()), 0);
    assert_int_equal(isms_cloud_service_get(&got, t->store, a.id, s.id), ISMS_ENOTFOUND);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(shadow_cloud_table_every_column),
        cmocka_unit_test(legitimate_needs_all_three_conditions),
        cmocka_unit_test(japanese_terms_parse),
        cmocka_unit_test(responsibility_split_follows_model),
        cmocka_unit_test_setup_teardown(store_round_trip_and_isolation, test_db_setup,
                                        test_db_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

#include "isms_setup.h"
#include <setjmp.h>
#include <cmocka.h>
#include "catalog/retention_templates.h"
#include "isms/asset.h"
#include "isms/deletion.h"
#include "isms/org.h"
#include "model/actor.h"
#include "test_helpers.h"

/* Every built-in template is a rule the asset register accepts. */
static void every_template_is_a_valid_rule(void **state)
{
    (void)state;
    assert_int_equal(isms_retention_templates_load(), 0);
    assert_true(isms_retention_template_count() >= 5);
    for (size_t i = 0; i < isms_retention_template_count(); i++) {
        const struct isms_retention_template *t = isms_retention_template_at(i);
        struct isms_retention r;
        assert_int_equal(isms_retention_parse(&r, t->period, t->basis, NULL), 0);
        size_t same = 0;
        for (size_t k = 0; k < isms_retention_template_count(); k++)
            same += strcmp(isms_retention_template_at(k)->period, t->period) == 0 &&
                    strcmp(isms_retention_template_at(k)->basis, t->basis) == 0;
        /* The law of a rule is named only when one template has that rule. */
        assert_ptr_equal(isms_retention_template_matching(t->period, t->basis),
                         same == 1 ? t : NULL);
        assert_non_null(strstr(t->law_ja, "法"));
    }
    assert_string_equal(isms_retention_template_find("corporate-tax")->period, "7y");
    assert_string_equal(isms_retention_template_find("personnel")->basis, "employment_end");
    assert_string_equal(isms_retention_template_find("contracts")->period, "10y");
    assert_string_equal(isms_retention_template_find("employment-insurance")->period, "4y");
}

static int64_t add_asset(struct test_db *t, int64_t org, const char *name, const char *period,
                         const char *basis, const char *basis_date)
{
    struct isms_asset_input in = {.name = name,
                                  .type = ISMS_ASSET_PAPER,
                                  .owner = "経理部",
                                  .classification = ISMS_CLASS_CONFIDENTIAL,
                                  .confidentiality = 2,
                                  .integrity = 2,
                                  .availability = 1};
    struct isms_asset a;
    int64_t id;

    assert_int_equal(isms_retention_parse(&in.retention, period, basis, basis_date), 0);
    assert_int_equal(isms_asset_create(&a, t->store, org, &in, isms_actor_cli()), 0);
    id = a.id;
    isms_asset_release(&a);
    return id;
}

static void the_due_list_says_where_each_asset_stands(void **state)
{
    struct test_db *t = *state;
    struct isms_date today = {2026, 12, 3};
    struct isms_deletion_due *items = NULL;
    struct isms_deletion_counts counts;
    struct isms_org org;
    size_t n = 0;
    int64_t overdue, id;

    assert_int_equal(
        isms_org_create(&org, t->store, "acme", "acme", ISMS_ORG_CSC, isms_actor_cli()), 0);
    overdue = add_asset(t, org.id, "2018年度 申告書", "7y", "created", "2018-05-31");
    add_asset(t, org.id, "契約書", "1y", "created", "2025-12-20"); /* due 2026-12-20 */
    add_asset(t, org.id, "規程", "10y", "created", "2020-01-01");  /* 2030 */
    add_asset(t, org.id, "退職者名簿", "5y", "employment_end", NULL);
    add_asset(t, org.id, "永年保存", "permanent", NULL, NULL); /* never due: not listed */

    assert_int_equal(isms_deletion_count(&counts, t->store, org.id, &today), 0);
    assert_int_equal(counts.by_status[ISMS_DELETION_OVERDUE], 1);
    assert_int_equal(counts.by_status[ISMS_DELETION_DUE], 1);
    assert_int_equal(counts.by_status[ISMS_DELETION_SCHEDULED], 1);
    assert_int_equal(counts.by_status[ISMS_DELETION_NO_DATE], 1);

    /* A record in the future is refused; one for today makes the asset deleted. */
    assert_int_equal(isms_deletion_record(&id, t->store, org.id,
                                          &(struct isms_deletion_input){.what = "x",
                                                                        .date = "2999-01-01",
                                                                        .method = "shredding",
                                                                        .responsible = "部長"},
                                          isms_actor_cli()),
                     ISMS_EINVALID);
    char asset[24];
    snprintf(asset, sizeof(asset), "%" PRId64, overdue);
    assert_int_equal(
        isms_deletion_record(&id, t->store, org.id,
                             &(struct isms_deletion_input){.asset = asset,
                                                           .date = "2026-12-01",
                                                           .method = "裁断",
                                                           .responsible = "経理部長",
                                                           .evidence = "溶解証明書 No.123"},
                             isms_actor_cli()),
        0);
    assert_int_equal(
        isms_deletion_due_list(&items, &n, t->store, org.id, &today, ISMS_DELETION_DELETED), 0);
    assert_int_equal(n, 1);
    assert_int_equal(items[0].asset_id, overdue);
    assert_string_equal(items[0].name, "2018年度 申告書");
    free(items);

    struct isms_deletion_record *records = NULL;
    assert_int_equal(isms_deletion_records(&records, &n, t->store, org.id, overdue), 0);
    assert_int_equal(n, 1);
    /* The record keeps the asset's name and says how it was deleted. */
    assert_string_equal(records[0].what, "2018年度 申告書");
    assert_int_equal(records[0].method, ISMS_DELETION_SHREDDING);
    free(records);

    /* Another org's asset cannot be recorded as deleted here. */
    struct isms_org other;
    assert_int_equal(
        isms_org_create(&other, t->store, "other", "other", ISMS_ORG_CSC, isms_actor_cli()), 0);
    assert_int_equal(isms_deletion_record(&id, t->store, other.id,
                                          &(struct isms_deletion_input){.asset = asset,
                                                                        .date = "2026-12-01",
                                                                        .method = "erase",
                                                                        .responsible = "x"},
                                          isms_actor_cli()),
                     ISMS_ENOTFOUND);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_template_is_a_valid_rule),
        cmocka_unit_test_setup_teardown(the_due_list_says_where_each_asset_stands, test_db_setup,
                                        test_db_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

#include "isms_setup.h"
#include <setjmp.h>
#include <cmocka.h>
#include "isms/asset.h"
#include "isms/cloud_service.h"
#include "isms/org.h"
#include "model/actor.h"
#include "test_helpers.h"
#include "util/error.h"

static int64_t make_org(struct test_db *t, const char *slug)
{
    struct isms_org org;

    assert_int_equal(isms_org_create(&org, t->store, slug, slug, ISMS_ORG_CSC, isms_actor_cli()),
                     0);
    return org.id;
}

static int64_t make_service(struct test_db *t, int64_t org, const char *name)
{
    struct isms_cloud_service s;
    struct isms_cloud_service_input in = {
        .name = name,
        .model = ISMS_CLOUD_SAAS,
        .managed_by = ISMS_CLOUD_MANAGED_IT,
        .risk_assessment = ISMS_CLOUD_RISK_DONE,
        .purpose = ISMS_CLOUD_PURPOSE_WITHIN,
        .cost_bearer = ISMS_CLOUD_COST_COMPANY,
    };

    assert_int_equal(isms_cloud_service_create(&s, t->store, org, &in, isms_actor_cli()), 0);
    return s.id;
}

static struct isms_asset_input contract(void)
{
    struct isms_asset_input in = {
        .name = "契約書",
        .type = ISMS_ASSET_PAPER,
        .owner = "総務部長",
        .classification = ISMS_CLASS_CONFIDENTIAL,
        .confidentiality = 3,
        .integrity = 2,
        .availability = 1,
        .location = "書庫",
    };

    assert_int_equal(isms_retention_parse(&in.retention, "10y", "contract_end", "2024-03-31"), 0);
    return in;
}

static void create_computes_due_date_and_reads_back(void **state)
{
    struct test_db *t = *state;
    int64_t org = make_org(t, "acme");
    struct isms_asset_input in = contract();
    struct isms_asset a, b;
    char due[ISMS_DATE_SIZE];

    assert_int_equal(isms_asset_create(&a, t->store, org, &in, isms_actor_cli()), 0);
    isms_date_format(due, &a.deletion_due);
    assert_string_equal(due, "2034-03-31");
    assert_int_equal(isms_asset_get(&b, t->store, org, a.id), 0);
    assert_string_equal(b.name, "契約書");
    assert_int_equal(b.retention.basis, ISMS_RETENTION_CONTRACT_END);
    assert_int_equal(b.retention.period.years, 10);
    /* The contract is still running: no start date, so no due date. */
    assert_int_equal(isms_retention_parse(&in.retention, "10y", "contract_end", NULL), 0);
    isms_asset_release(&b);
    assert_int_equal(isms_asset_update(&b, t->store, org, a.id, &in, isms_actor_cli()), 0);
    assert_false(isms_date_is_set(&b.deletion_due));
    isms_asset_release(&a);
    isms_asset_release(&b);
}

static void another_orgs_asset_is_not_found(void **state)
{
    struct test_db *t = *state;
    int64_t a_org = make_org(t, "a"), b_org = make_org(t, "b");
    struct isms_asset_input in = contract();
    struct isms_asset a, x;

    assert_int_equal(isms_asset_create(&a, t->store, a_org, &in, isms_actor_cli()), 0);
    assert_int_equal(isms_asset_get(&x, t->store, b_org, a.id), ISMS_ENOTFOUND);
    assert_int_equal(isms_asset_update(&x, t->store, b_org, a.id, &in, isms_actor_cli()),
                     ISMS_ENOTFOUND);
    assert_int_equal(isms_asset_delete(t->store, b_org, a.id, isms_actor_cli()), ISMS_ENOTFOUND);
    /* A's cloud service cannot hold B's asset. */
    in.cloud_service_id = make_service(t, a_org, "Box");
    assert_int_equal(isms_asset_create(&x, t->store, b_org, &in, isms_actor_cli()), ISMS_EINVALID);
    assert_int_equal(isms_asset_create_many(NULL, t->store, b_org, &in, 1, isms_actor_cli()),
                     ISMS_EINVALID);
    isms_asset_release(&a);
}

static void invalid_input_names_the_field(void **state)
{
    struct isms_asset_input in = contract();
    const char *field = NULL;

    in.integrity = 4;
    assert_int_equal(isms_asset_check(&in, &field), ISMS_EINVALID);
    assert_string_equal(field, "integrity");
    in = contract();
    in.owner = "";
    assert_int_equal(isms_asset_check(&in, &field), ISMS_EINVALID);
    assert_string_equal(field, "owner");
    in = contract();
    in.name = "bad\x01name";
    assert_int_equal(isms_asset_check(&in, &field), ISMS_EINVALID);
    assert_string_equal(field, "name");
}

static void list_filters_paginates_and_counts(void **state)
{
    struct test_db *t = *state;
    int64_t org = make_org(t, "acme"), other = make_org(t, "other");
    int64_t box = make_service(t, org, "Box");
    struct isms_asset_input rows[250];
    struct isms_asset_filter f = {0};
    struct isms_asset_page page;
    int64_t first = 0;
    struct isms_asset x;

    for (size_t i = 0; i < ISMS_ARRAY_SIZE(rows); i++) {
        rows[i] = contract();
        rows[i].name = i % 2 ? "顧客リスト" : "契約書";
        rows[i].cloud_service_id = i % 5 == 0 ? box : 0;
        rows[i].classification = i % 2 ? ISMS_CLASS_INTERNAL : ISMS_CLASS_CONFIDENTIAL;
        if (i < 10)
            isms_retention_parse(&rows[i].retention, "1y", "fixed_date", "2020-01-01");
    }
    assert_int_equal(isms_asset_create_many(&first, t->store, org, rows, 250, isms_actor_cli()), 0);
    assert_true(first > 0);
    assert_int_equal(isms_asset_create_many(NULL, t->store, other, rows + 1, 3, isms_actor_cli()),
                     0); /* rows without A's cloud service */
    assert_int_equal(isms_asset_list(&page, t->store, org, &f), 0);
    assert_int_equal(page.total, 250);
    assert_int_equal(page.count, ISMS_ASSET_LIST_DEFAULT);
    assert_int_equal(page.items[0].id, first);
    isms_asset_page_release(&page);
    f.limit = 100;
    f.offset = 200;
    assert_int_equal(isms_asset_list(&page, t->store, org, &f), 0);
    assert_int_equal(page.count, 50);
    assert_int_equal(page.items[49].id, first + 249);
    isms_asset_page_release(&page);
    f = (struct isms_asset_filter){.name_contains = "顧客", .classification = ISMS_CLASS_INTERNAL};
    assert_int_equal(isms_asset_list(&page, t->store, org, &f), 0);
    assert_int_equal(page.total, 125);
    isms_asset_page_release(&page);
    f = (struct isms_asset_filter){.cloud_service_id = box};
    assert_int_equal(isms_asset_list(&page, t->store, org, &f), 0);
    assert_int_equal(page.total, 50);
    assert_string_equal(page.items[0].cloud_service_name, "Box");
    isms_asset_page_release(&page);
    f = (struct isms_asset_filter){.due_before = {2030, 1, 1}};
    assert_int_equal(isms_asset_list(&page, t->store, org, &f), 0);
    assert_int_equal(page.total, 10);
    isms_asset_page_release(&page);
    /* LIKE wildcards in the query are literal. */
    f = (struct isms_asset_filter){.name_contains = "%"};
    assert_int_equal(isms_asset_list(&page, t->store, org, &f), 0);
    assert_int_equal(page.total, 0);
    isms_asset_page_release(&page);
    f = (struct isms_asset_filter){.limit = ISMS_ASSET_LIST_MAX + 1};
    assert_int_equal(isms_asset_list(&page, t->store, org, &f), ISMS_EINVALID);
    /* A service in use cannot be deleted. */
    assert_int_equal(isms_cloud_service_delete(t->store, org, box, isms_actor_cli()),
                     ISMS_ECONFLICT);
    assert_int_equal(isms_asset_delete(t->store, org, first, isms_actor_cli()), 0);
    assert_int_equal(isms_asset_get(&x, t->store, org, first), ISMS_ENOTFOUND);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(create_computes_due_date_and_reads_back, test_db_setup,
                                        test_db_teardown),
        cmocka_unit_test_setup_teardown(another_orgs_asset_is_not_found, test_db_setup,
                                        test_db_teardown),
        cmocka_unit_test(invalid_input_names_the_field),
        cmocka_unit_test_setup_teardown(list_filters_paginates_and_counts, test_db_setup,
                                        test_db_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

#include "isms_setup.h"
#include <setjmp.h>
#include <cmocka.h>
#include "isms/org.h"
#include "model/actor.h"
#include "store/store.h"
#include "test_helpers.h"
#include "util/error.h"

static void creates_and_finds_by_id_and_slug(void **state)
{
    struct test_db *t = *state;
    struct isms_org org, found;

    assert_int_equal(
        isms_org_create(&org, t->store, "Acme Cloud, Inc.", NULL, ISMS_ORG_CSP, isms_actor_cli()),
        0);
    assert_true(org.id > 0);
    assert_string_equal(org.slug, "acme-cloud-inc");
    assert_int_equal(org.role, ISMS_ORG_CSP);
    assert_int_equal(strlen(org.created_at), 20);
    assert_int_equal(isms_org_find(&found, t->store, "acme-cloud-inc"), 0);
    assert_int_equal(found.id, org.id);
    assert_int_equal(isms_org_find(&found, t->store, "1"), 0);
    assert_string_equal(found.name, "Acme Cloud, Inc.");
}

static void derives_unique_slugs_for_japanese_and_repeated_names(void **state)
{
    struct test_db *t = *state;
    struct isms_org a, b, c;

    assert_int_equal(
        isms_org_create(&a, t->store, "株式会社サンプル", NULL, ISMS_ORG_CSC, isms_actor_cli()), 0);
    assert_string_equal(a.slug, "org");
    assert_int_equal(
        isms_org_create(&b, t->store, "株式会社テスト", NULL, ISMS_ORG_CSC, isms_actor_cli()), 0);
    assert_string_equal(b.slug, "org-2");
    assert_int_equal(isms_org_create(&c, t->store, "Org", NULL, ISMS_ORG_BOTH, isms_actor_cli()),
                     0);
    assert_string_equal(c.slug, "org-3");
}

static void rejects_bad_input_with_clear_errors(void **state)
{
    struct test_db *t = *state;
    struct isms_org org;
    enum isms_org_role role;

    assert_int_equal(isms_org_create(&org, t->store, "", NULL, ISMS_ORG_CSC, isms_actor_cli()),
                     ISMS_EINVALID);
    assert_int_equal(
        isms_org_create(&org, t->store, "X", "Bad Slug", ISMS_ORG_CSC, isms_actor_cli()),
        ISMS_EINVALID);
    assert_non_null(strstr(isms_error_last(), "Bad Slug"));
    assert_int_equal(isms_org_create(&org, t->store, "X", "123", ISMS_ORG_CSC, isms_actor_cli()),
                     ISMS_EINVALID);
    assert_int_equal(
        isms_org_create(&org, t->store, "bad\x01name", NULL, ISMS_ORG_CSC, isms_actor_cli()),
        ISMS_EINVALID);
    assert_int_equal(isms_org_create(&org, t->store, "A", "acme", ISMS_ORG_CSC, isms_actor_cli()),
                     0);
    assert_int_equal(isms_org_create(&org, t->store, "B", "acme", ISMS_ORG_CSC, isms_actor_cli()),
                     ISMS_ECONFLICT);
    assert_int_equal(isms_org_role_parse(&role, "cloud"), ISMS_EINVALID);
    assert_int_equal(isms_org_find(&org, t->store, "nobody"), ISMS_ENOTFOUND);
    assert_int_equal(isms_org_find(&org, t->store, "999"), ISMS_ENOTFOUND);
    assert_int_equal(isms_org_find(&org, t->store, "'; DROP TABLE orgs; --"), ISMS_ENOTFOUND);
}

static void lists_in_creation_order(void **state)
{
    struct test_db *t = *state;
    struct isms_org org, *orgs;
    size_t count;

    assert_int_equal(isms_org_create(&org, t->store, "First", NULL, ISMS_ORG_CSC, isms_actor_cli()),
                     0);
    assert_int_equal(
        isms_org_create(&org, t->store, "Second", NULL, ISMS_ORG_CSP, isms_actor_cli()), 0);
    assert_int_equal(isms_org_list(&orgs, &count, t->store), 0);
    assert_int_equal(count, 2);
    assert_string_equal(orgs[0].slug, "first");
    assert_string_equal(orgs[1].slug, "second");
    free(orgs);
}

static void reopening_keeps_data_and_schema_version(void **state)
{
    struct test_db *t = *state;
    struct isms_org org;
    int version;

    assert_int_equal(
        isms_org_create(&org, t->store, "Persist", NULL, ISMS_ORG_CSC, isms_actor_cli()), 0);
    isms_store_free(t->store);
    assert_int_equal(isms_store_open(&t->store, t->path, 1), 0);
    assert_int_equal(isms_store_schema_version(t->store, &version), 0);
    assert_true(version >= 1);
    assert_int_equal(isms_org_find(&org, t->store, "persist"), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(creates_and_finds_by_id_and_slug, test_db_setup,
                                        test_db_teardown),
        cmocka_unit_test_setup_teardown(derives_unique_slugs_for_japanese_and_repeated_names,
                                        test_db_setup, test_db_teardown),
        cmocka_unit_test_setup_teardown(rejects_bad_input_with_clear_errors, test_db_setup,
                                        test_db_teardown),
        cmocka_unit_test_setup_teardown(lists_in_creation_order, test_db_setup, test_db_teardown),
        cmocka_unit_test_setup_teardown(reopening_keeps_data_and_schema_version, test_db_setup,
                                        test_db_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

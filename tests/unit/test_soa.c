#include "isms_setup.h"
#include <setjmp.h>
#include <cmocka.h>
#include "catalog/catalog.h"
#include "isms/org.h"
#include "isms/soa.h"
#include "model/actor.h"
#include "test_helpers.h"
#include "util/error.h"

static int64_t make_org(struct test_db *t, const char *slug, enum isms_org_role role)
{
    struct isms_org org;

    assert_int_equal(isms_org_create(&org, t->store, slug, slug, role, isms_actor_cli()), 0);
    return org.id;
}

static const struct isms_soa_decision applicable_for_risk = {
    .applicability = ISMS_SOA_APPLICABLE,
    .inclusion_basis = ISMS_SOA_BASIS_RISK | ISMS_SOA_BASIS_CONTRACT,
    .inclusion_justification = "R-12 tenant data leak",
    .implementation = ISMS_SOA_IMPL_PARTIAL,
    .owner = "情報システム部",
};

static void new_soa_covers_annex_a_and_cloud_controls_undecided(void **state)
{
    struct test_db *t = *state;
    int64_t org = make_org(t, "customer", ISMS_ORG_CSC);
    struct isms_soa soa;

    assert_int_equal(isms_soa_load(&soa, t->store, org), 0);
    assert_int_equal(soa.count, 93 + 7);
    assert_int_equal(isms_soa_undecided_count(&soa), 100);
    assert_string_equal(soa.entries[0].control_id, "A.5.1");
    assert_string_equal(soa.entries[92].control_id, "A.8.34");
    assert_string_equal(soa.entries[93].control_id, "CLD.6.3.1");
    assert_string_equal(soa.entries[99].control_id, "CLD.13.1.4");
    assert_int_equal(soa.entries[0].responsibility, ISMS_SOA_RESP_CSC);
    assert_string_equal(soa.entries[0].updated_at, "");
    isms_soa_release(&soa);
}

static void default_responsibility_follows_role(void **state)
{
    assert_int_equal(isms_soa_default_responsibility(ISMS_ORG_CSC), ISMS_SOA_RESP_CSC);
    assert_int_equal(isms_soa_default_responsibility(ISMS_ORG_CSP), ISMS_SOA_RESP_CSP);
    assert_int_equal(isms_soa_default_responsibility(ISMS_ORG_BOTH), ISMS_SOA_RESP_SHARED);
}

static void decision_is_stored_and_reloaded(void **state)
{
    struct test_db *t = *state;
    int64_t org = make_org(t, "provider", ISMS_ORG_CSP);
    struct isms_soa_entry entry;
    struct isms_soa soa;

    assert_int_equal(
        isms_soa_decide(&entry, t->store, org, "5.23", &applicable_for_risk, isms_actor_cli()), 0);
    assert_string_equal(entry.control_id, "A.5.23");
    assert_int_equal(entry.responsibility, ISMS_SOA_RESP_CSP);
    assert_int_equal(strlen(entry.updated_at), 20);
    isms_soa_entry_release(&entry);

    assert_int_equal(isms_soa_load(&soa, t->store, org), 0);
    assert_int_equal(isms_soa_undecided_count(&soa), 99);
    for (size_t i = 0; i < soa.count; i++) {
        const struct isms_soa_entry *e = &soa.entries[i];
        if (strcmp(e->control_id, "A.5.23") != 0)
            continue;
        assert_int_equal(e->applicability, ISMS_SOA_APPLICABLE);
        assert_int_equal(e->inclusion_basis, ISMS_SOA_BASIS_RISK | ISMS_SOA_BASIS_CONTRACT);
        assert_string_equal(e->inclusion_justification, "R-12 tenant data leak");
        assert_int_equal(e->implementation, ISMS_SOA_IMPL_PARTIAL);
        assert_string_equal(e->owner, "情報システム部");
    }
    isms_soa_release(&soa);
}

static void a_new_decision_replaces_the_old_one(void **state)
{
    struct test_db *t = *state;
    int64_t org = make_org(t, "both", ISMS_ORG_BOTH);
    struct isms_soa_decision excluded = {
        .applicability = ISMS_SOA_NOT_APPLICABLE,
        .exclusion_justification = "no development in scope",
    };
    struct isms_soa_entry entry;

    assert_int_equal(
        isms_soa_decide(&entry, t->store, org, "A.8.25", &applicable_for_risk, isms_actor_cli()),
        0);
    isms_soa_entry_release(&entry);
    assert_int_equal(isms_soa_decide(&entry, t->store, org, "A.8.25", &excluded, isms_actor_cli()),
                     0);
    isms_soa_entry_release(&entry);
    assert_int_equal(isms_soa_get(&entry, t->store, org, "a.8.25"), 0);
    assert_int_equal(entry.applicability, ISMS_SOA_NOT_APPLICABLE);
    assert_int_equal(entry.implementation, ISMS_SOA_IMPL_UNSET);
    assert_int_equal(entry.inclusion_basis, 0);
    assert_string_equal(entry.exclusion_justification, "no development in scope");
    assert_string_equal(entry.inclusion_justification, "");
    assert_int_equal(entry.responsibility, ISMS_SOA_RESP_SHARED);
    isms_soa_entry_release(&entry);
}

static void incomplete_decisions_are_refused(void **state)
{
    struct test_db *t = *state;
    int64_t org = make_org(t, "strict", ISMS_ORG_CSC);
    struct isms_soa_entry entry;
    struct isms_soa_decision d = {.applicability = ISMS_SOA_APPLICABLE};

    assert_int_equal(isms_soa_decide(&entry, t->store, org, "A.5.1", &d, isms_actor_cli()),
                     ISMS_EINVALID);
    assert_non_null(strstr(isms_error_last(), "inclusion"));
    d = (struct isms_soa_decision){.applicability = ISMS_SOA_NOT_APPLICABLE};
    assert_int_equal(isms_soa_decide(&entry, t->store, org, "A.5.1", &d, isms_actor_cli()),
                     ISMS_EINVALID);
    assert_non_null(strstr(isms_error_last(), "exclusion"));
    d.exclusion_justification = "n/a";
    d.implementation = ISMS_SOA_IMPL_YES;
    assert_int_equal(isms_soa_decide(&entry, t->store, org, "A.5.1", &d, isms_actor_cli()),
                     ISMS_EINVALID);
    d = (struct isms_soa_decision){.applicability = ISMS_SOA_UNDECIDED};
    assert_int_equal(isms_soa_decide(&entry, t->store, org, "A.5.1", &d, isms_actor_cli()),
                     ISMS_EINVALID);
    assert_int_equal(
        isms_soa_decide(&entry, t->store, org, "A.9.9", &applicable_for_risk, isms_actor_cli()),
        ISMS_ENOTFOUND);
    assert_int_equal(
        isms_soa_decide(&entry, t->store, 9999, "A.5.1", &applicable_for_risk, isms_actor_cli()),
        ISMS_ENOTFOUND);
}

static void one_orgs_decisions_never_show_in_another(void **state)
{
    struct test_db *t = *state;
    int64_t a = make_org(t, "org-a", ISMS_ORG_CSC);
    int64_t b = make_org(t, "org-b", ISMS_ORG_CSP);
    struct isms_soa_entry entry;
    struct isms_soa soa;

    assert_int_equal(
        isms_soa_decide(&entry, t->store, a, "CLD.9.5.1", &applicable_for_risk, isms_actor_cli()),
        0);
    isms_soa_entry_release(&entry);
    assert_int_equal(isms_soa_get(&entry, t->store, b, "CLD.9.5.1"), 0);
    assert_int_equal(entry.applicability, ISMS_SOA_UNDECIDED);
    assert_string_equal(entry.owner, "");
    isms_soa_entry_release(&entry);
    assert_int_equal(isms_soa_load(&soa, t->store, b), 0);
    assert_int_equal(isms_soa_undecided_count(&soa), soa.count);
    isms_soa_release(&soa);
}

static void control_ids_resolve_in_every_spelling(void **state)
{
    char id[ISMS_SOA_ID_MAX + 1];
    const struct isms_control *c;
    const char *catalog;

    assert_int_equal(isms_catalogs_load(), 0);
    assert_int_equal(isms_soa_control_resolve(id, &c, &catalog, "5.23"), 0);
    assert_string_equal(id, "A.5.23");
    assert_string_equal(catalog, ISMS_CATALOG_27001_2022);
    assert_int_equal(isms_soa_control_resolve(id, &c, &catalog, "cld.6.3.1"), 0);
    assert_string_equal(id, "CLD.6.3.1");
    assert_string_equal(catalog, ISMS_CATALOG_27017_2015);
    assert_int_equal(isms_soa_control_resolve(id, &c, &catalog, "A.5.1.1"), ISMS_ENOTFOUND);
    assert_int_equal(isms_soa_control_resolve(id, &c, &catalog, ""), ISMS_ENOTFOUND);
}

#define DB_TEST(fn) cmocka_unit_test_setup_teardown(fn, test_db_setup, test_db_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        DB_TEST(new_soa_covers_annex_a_and_cloud_controls_undecided),
        cmocka_unit_test(default_responsibility_follows_role),
        DB_TEST(decision_is_stored_and_reloaded),
        DB_TEST(a_new_decision_replaces_the_old_one),
        DB_TEST(incomplete_decisions_are_refused),
        DB_TEST(one_orgs_decisions_never_show_in_another),
        DB_TEST(control_ids_resolve_in_every_spelling),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

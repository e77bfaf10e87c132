#include "isms_setup.h"
#include <setjmp.h>
#include <cmocka.h>
#include "export/risk_json.h"
#include "isms/org.h"
#include "isms/risk.h"
#include "isms/risk_link.h"
#include "model/actor.h"
#include "test_cloud_use.h"
#include "test_helpers.h"
#include "test_owner.h"
#include "util/error.h"

struct world {
    int64_t provider, customer, other_customer, other_provider;
    int64_t shared_risk, private_risk, customer_risk;
};

static int64_t make_org(struct test_db *t, const char *slug, enum isms_org_role role)
{
    struct isms_org org;

    assert_int_equal(isms_org_create(&org, t->store, slug, slug, role, isms_actor_cli()), 0);
    /* The owners this file's risks name, as members (test_owner.h). */
    static const char *const owners[] = {"DC運用責任者", "CIO", "y", "me"};
    test_add_owners(t, org.id, owners, sizeof(owners) / sizeof(*owners));
    return org.id;
}

static int64_t add(struct test_db *t, int64_t org, const char *title, const char *owner,
                   bool shared)
{
    bool provider = strcmp(owner, "DC運用責任者") == 0;
    struct isms_risk_input in = {
        .title = title,
        .owner = owner,
        .event = provider ? "provider-only event text" : "customer event",
        .consequence = provider ? "provider-only consequence" : "customer consequence",
        .score = {3, 4, 0},
        .treatment = ISMS_RISK_MODIFY,
        .shared = shared,
    };
    struct isms_risk r;
    int64_t id;

    assert_int_equal(isms_risk_create(&r, t->store, org, &in, isms_actor_cli()), 0);
    id = r.id;
    isms_risk_release(&r);
    return id;
}

/* Seed 002's example: the customer's backup risk depends on the data
 * centre's vendor lock-in risk. */
static void build(struct world *w, struct test_db *t)
{
    w->provider = make_org(t, "datacenter", ISMS_ORG_CSP);
    w->customer = make_org(t, "customer", ISMS_ORG_CSC);
    w->other_customer = make_org(t, "customer-two", ISMS_ORG_BOTH);
    w->other_provider = make_org(t, "other-dc", ISMS_ORG_CSP);
    w->shared_risk = add(t, w->provider, "バックアップのベンダーロックイン", "DC運用責任者", true);
    w->private_risk = add(t, w->provider, "DC internal weakness", "DC運用責任者", false);
    w->customer_risk = add(t, w->customer, "バックアップが使えない", "CIO", false);
    test_uses_provider(t, w->customer, w->provider);
    test_uses_provider(t, w->other_customer, w->provider);
}

static void link_risk(struct test_db *t, int64_t org, int64_t risk, const char *provider,
                      int64_t provider_risk, int expected)
{
    struct isms_risk r;
    int error = isms_risk_link_set(&r, t->store, org, risk, provider, provider_risk,
                                   isms_actor_cli());

    assert_int_equal(error, expected);
    if (error == 0)
        isms_risk_release(&r);
}

static void customer_sees_only_the_allowed_fields_of_the_provider_risk(void **state)
{
    struct test_db *t = *state;
    struct world w;
    struct isms_risk r;
    json_t *doc;
    char *text;

    build(&w, t);
    link_risk(t, w.customer, w.customer_risk, "datacenter", w.shared_risk, 0);
    assert_int_equal(isms_risk_get(&r, t->store, w.customer, w.customer_risk), 0);
    assert_true(r.has_provider);
    assert_int_equal(r.provider.org_id, w.provider);
    assert_string_equal(r.provider.org_name, "datacenter");
    assert_int_equal(r.provider.risk_id, w.shared_risk);
    assert_string_equal(r.provider.title, "バックアップのベンダーロックイン");
    assert_int_equal(r.provider.level, 7);
    assert_int_equal(r.provider.treatment, ISMS_RISK_MODIFY);
    assert_int_equal(r.provider.status, ISMS_RISK_IN_TREATMENT);
    doc = isms_json_risk(&r, NULL, 0);
    text = json_dumps(doc, JSON_COMPACT);
    assert_non_null(strstr(text, "\"provider\":{"));
    /* Nothing else of the provider: not its owner, texts or other risks. */
    assert_null(strstr(text, "DC運用責任者"));
    assert_null(strstr(text, "provider-only"));
    assert_null(strstr(text, "DC internal weakness"));
    free(text);
    json_decref(doc);
    isms_risk_release(&r);
}

static void provider_sees_which_customers_depend_but_not_their_risks(void **state)
{
    struct test_db *t = *state;
    struct isms_risk_dependent *deps;
    struct world w;
    int64_t second;
    size_t n;

    build(&w, t);
    second = add(t, w.customer, "二つ目", "CIO", false);
    link_risk(t, w.customer, w.customer_risk, "datacenter", w.shared_risk, 0);
    link_risk(t, w.customer, second, "datacenter", w.shared_risk, 0);
    link_risk(t, w.other_customer, add(t, w.other_customer, "x", "y", false), "datacenter",
              w.shared_risk, 0);
    assert_int_equal(isms_risk_dependents(&deps, &n, t->store, w.provider, w.shared_risk), 0);
    assert_int_equal(n, 2);
    assert_string_equal(deps[0].org_slug, "customer");
    assert_int_equal(deps[0].risk_count, 2);
    assert_string_equal(deps[1].org_slug, "customer-two");
    assert_int_equal(deps[1].risk_count, 1);
    free(deps);
    /* Another provider asking about the same risk id learns nothing. */
    assert_int_equal(isms_risk_dependents(&deps, &n, t->store, w.other_provider, w.shared_risk), 0);
    assert_int_equal(n, 0);
    free(deps);
}

static void links_need_a_shared_risk_of_a_provider(void **state)
{
    struct test_db *t = *state;
    struct world w;

    build(&w, t);
    /* A risk that is not shared is "not found", like one that does not exist. */
    link_risk(t, w.customer, w.customer_risk, "datacenter", w.private_risk, ISMS_ENOTFOUND);
    link_risk(t, w.customer, w.customer_risk, "datacenter", 999999, ISMS_ENOTFOUND);
    /* The risk id must belong to the named provider. */
    link_risk(t, w.customer, w.customer_risk, "other-dc", w.shared_risk, ISMS_ENOTFOUND);
    link_risk(t, w.customer, w.customer_risk, "no-such-org", w.shared_risk, ISMS_ENOTFOUND);
    /* Only a provider can be depended on, only a customer can depend. */
    link_risk(t, w.customer, w.customer_risk, "customer", w.customer_risk, ISMS_EINVALID);
    link_risk(t, w.provider, w.private_risk, "other-dc", 1, ISMS_EINVALID);
    link_risk(t, w.other_customer, add(t, w.other_customer, "self", "me", true), "customer-two", 1,
              ISMS_EINVALID);
    /* A customer cannot link another org's risk. */
    link_risk(t, w.other_customer, w.customer_risk, "datacenter", w.shared_risk, ISMS_ENOTFOUND);
}

static void a_depended_on_risk_stays_shared_until_unlinked(void **state)
{
    struct test_db *t = *state;
    struct isms_risk_input in = {
        .title = "バックアップのベンダーロックイン",
        .owner = "DC運用責任者",
        .score = {3, 4, 0},
    };
    struct isms_risk r;
    struct world w;

    build(&w, t);
    link_risk(t, w.customer, w.customer_risk, "datacenter", w.shared_risk, 0);
    assert_int_equal(
        isms_risk_update(&r, t->store, w.provider, w.shared_risk, &in, isms_actor_cli()),
        ISMS_ECONFLICT);
    assert_non_null(strstr(isms_error_last(), "1 customer risk depends"));
    assert_int_equal(isms_risk_delete(t->store, w.provider, w.shared_risk, isms_actor_cli()),
                     ISMS_ECONFLICT);
    link_risk(t, w.customer, w.customer_risk, NULL, 0, 0);
    assert_int_equal(isms_risk_get(&r, t->store, w.customer, w.customer_risk), 0);
    assert_false(r.has_provider);
    assert_int_equal(r.provider_org_id, 0);
    isms_risk_release(&r);
    assert_int_equal(
        isms_risk_update(&r, t->store, w.provider, w.shared_risk, &in, isms_actor_cli()), 0);
    assert_false(r.shared);
    isms_risk_release(&r);
    assert_int_equal(isms_risk_delete(t->store, w.provider, w.shared_risk, isms_actor_cli()), 0);
}

static void shared_list_shows_only_shared_risks(void **state)
{
    struct test_db *t = *state;
    struct isms_risk_provider_view *views;
    int64_t total;
    struct world w;
    size_t n;

    build(&w, t);
    assert_int_equal(
        isms_risk_shared_list(&views, &n, &total, t->store, w.customer, "datacenter", 0, 0), 0);
    assert_int_equal(n, 1);
    assert_int_equal(total, 1);
    assert_int_equal(views[0].risk_id, w.shared_risk);
    assert_string_equal(views[0].org_slug, "datacenter");
    free(views);
}

/* Only a provider of the org's cloud register (or one it already depends
 * on) answers: every other id - a customer, an unrelated provider, the org
 * itself, no org at all - is the same "not found", so a member of one org
 * cannot tell which others exist. */
static void shared_list_answers_only_the_orgs_own_providers(void **state)
{
    struct test_db *t = *state;
    struct isms_risk_provider_view *views = NULL;
    const char *strangers[] = {"other-dc", "customer-two", "customer", "no-such-org", "999"};
    struct isms_org *providers = NULL;
    int64_t total;
    struct world w;
    char expected[128];
    size_t n;

    build(&w, t);
    for (size_t i = 0; i < sizeof(strangers) / sizeof(*strangers); i++) {
        assert_int_equal(
            isms_risk_shared_list(&views, &n, &total, t->store, w.customer, strangers[i], 0, 0),
            ISMS_ENOTFOUND);
        snprintf(expected, sizeof(expected),
                 "no provider '%s' among this organization's cloud services", strangers[i]);
        assert_string_equal(isms_error_last(), expected);
    }
    assert_int_equal(isms_risk_providers(&providers, &n, t->store, w.customer), 0);
    assert_int_equal(n, 1);
    assert_int_equal(providers[0].id, w.provider);
    free(providers);
    assert_int_equal(isms_risk_providers(&providers, &n, t->store, w.provider), 0);
    assert_int_equal(n, 0);
    free(providers);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(customer_sees_only_the_allowed_fields_of_the_provider_risk,
                                        test_db_setup, test_db_teardown),
        cmocka_unit_test_setup_teardown(provider_sees_which_customers_depend_but_not_their_risks,
                                        test_db_setup, test_db_teardown),
        cmocka_unit_test_setup_teardown(links_need_a_shared_risk_of_a_provider, test_db_setup,
                                        test_db_teardown),
        cmocka_unit_test_setup_teardown(a_depended_on_risk_stays_shared_until_unlinked,
                                        test_db_setup, test_db_teardown),
        cmocka_unit_test_setup_teardown(shared_list_shows_only_shared_risks, test_db_setup,
                                        test_db_teardown),
        cmocka_unit_test_setup_teardown(shared_list_answers_only_the_orgs_own_providers,
                                        test_db_setup, test_db_teardown),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}

#include "isms_setup.h"
#include <setjmp.h>
#include <cmocka.h>
#include "isms/org.h"
#include "isms/risk.h"
#include "isms/risk_link.h"
#include "isms/risk_provider_view.h"
#include "model/actor.h"
#include "test_cloud_use.h"
#include "test_helpers.h"
#include "test_owner.h"
#include "util/error.h"

/* A customer's list reads its provider risks for a whole page at once
 * (isms_risk_link_fill_list): each linked risk must still show its own
 * provider risk, whatever the page and the mix of providers. */

#define CUSTOMER_RISKS 40
#define SHARED_PER_PROVIDER 3

struct world {
    int64_t providers[2];
    const char *provider_slugs[2];
    int64_t shared[2][SHARED_PER_PROVIDER];
    int64_t customer, other_customer;
    int64_t risks[CUSTOMER_RISKS];
};

static int64_t make_org(struct test_db *t, const char *slug, enum isms_org_role role)
{
    struct isms_org org;

    assert_int_equal(isms_org_create(&org, t->store, slug, slug, role, isms_actor_cli()), 0);
    /* The owners this file's risks name, as members (test_owner.h). */
    static const char *const owners[] = {"CIO"};
    test_add_owners(t, org.id, owners, sizeof(owners) / sizeof(*owners));
    return org.id;
}

static int64_t add(struct test_db *t, int64_t org, const char *title, int likelihood, bool shared)
{
    struct isms_risk_input in = {
        .title = title,
        .owner = "CIO",
        .score = {likelihood, 2, 0},
        .treatment = likelihood % 2 ? ISMS_RISK_MODIFY : ISMS_RISK_TREATMENT_UNSET,
        .shared = shared,
    };
    struct isms_risk r;
    int64_t id;

    assert_int_equal(isms_risk_create(&r, t->store, org, &in, isms_actor_cli()), 0);
    id = r.id;
    isms_risk_release(&r);
    return id;
}

static void link_risk(struct test_db *t, int64_t org, int64_t risk, const char *provider,
                      int64_t provider_risk)
{
    struct isms_risk r;

    assert_int_equal(
        isms_risk_link_set(&r, t->store, org, risk, provider, provider_risk, isms_actor_cli()), 0);
    isms_risk_release(&r);
}

/* Risk i of the customer: unlinked when i % 3 == 2, else linked to shared
 * risk i % SHARED_PER_PROVIDER of provider i % 3 (0 or 1). */
static bool is_linked(size_t i)
{
    return i % 3 != 2;
}

static void build(struct world *w, struct test_db *t)
{
    char title[64];

    w->provider_slugs[0] = "datacenter";
    w->provider_slugs[1] = "saas-vendor";
    w->providers[0] = make_org(t, w->provider_slugs[0], ISMS_ORG_CSP);
    w->providers[1] = make_org(t, w->provider_slugs[1], ISMS_ORG_BOTH);
    w->customer = make_org(t, "customer", ISMS_ORG_CSC);
    w->other_customer = make_org(t, "customer-two", ISMS_ORG_CSC);
    test_uses_provider(t, w->customer, w->providers[0]);
    test_uses_provider(t, w->customer, w->providers[1]);
    test_uses_provider(t, w->other_customer, w->providers[0]);
    for (int p = 0; p < 2; p++)
        for (int k = 0; k < SHARED_PER_PROVIDER; k++) {
            snprintf(title, sizeof(title), "%s shared %d", w->provider_slugs[p], k);
            w->shared[p][k] = add(t, w->providers[p], title, k, true);
        }
    /* Not shared: never shown, and not linkable. */
    add(t, w->providers[0], "datacenter private", 4, false);
    for (size_t i = 0; i < CUSTOMER_RISKS; i++) {
        snprintf(title, sizeof(title), "customer risk %zu", i);
        w->risks[i] = add(t, w->customer, title, (int)(i % 5), false);
        if (is_linked(i))
            link_risk(t, w->customer, w->risks[i], w->provider_slugs[i % 3],
                      w->shared[i % 3][i % SHARED_PER_PROVIDER]);
    }
    /* Another customer's links to the same risks stay out of this list. */
    link_risk(t, w->other_customer, add(t, w->other_customer, "other customer risk", 1, false),
              "datacenter", w->shared[0][0]);
}

static size_t index_of(const struct world *w, int64_t id)
{
    for (size_t i = 0; i < CUSTOMER_RISKS; i++)
        if (w->risks[i] == id)
            return i;
    fail_msg("risk %" PRId64 " is not one of the customer's", id);
    return 0;
}

/* The list's view of a risk's provider is the one isms_risk_get shows,
 * and names the provider risk the risk was linked to. */
static void check_item(const struct world *w, struct test_db *t, const struct isms_risk *item)
{
    size_t i = index_of(w, item->id);
    struct isms_risk one;

    assert_int_equal(isms_risk_get(&one, t->store, w->customer, item->id), 0);
    assert_int_equal(item->has_provider, is_linked(i));
    assert_int_equal(one.has_provider, is_linked(i));
    if (is_linked(i)) {
        assert_int_equal(item->provider.org_id, w->providers[i % 3]);
        assert_string_equal(item->provider.org_slug, w->provider_slugs[i % 3]);
        assert_int_equal(item->provider.risk_id, w->shared[i % 3][i % SHARED_PER_PROVIDER]);
        assert_memory_equal(&item->provider, &one.provider, sizeof(one.provider));
    }
    isms_risk_release(&one);
}

static void every_page_shows_each_risk_with_its_own_provider_risk(void **state)
{
    struct test_db *t = *state;
    struct isms_risk_filter filter = {.limit = 7};
    struct isms_risk_list page;
    size_t seen = 0, linked = 0;
    struct world w;

    build(&w, t);
    for (filter.offset = 0; filter.offset < CUSTOMER_RISKS; filter.offset += filter.limit) {
        assert_int_equal(isms_risk_list(&page, t->store, w.customer, &filter), 0);
        for (size_t k = 0; k < page.count; k++) {
            check_item(&w, t, &page.items[k]);
            linked += page.items[k].has_provider;
        }
        seen += page.count;
        isms_risk_list_release(&page);
    }
    assert_int_equal(seen, CUSTOMER_RISKS);
    assert_int_equal(linked, CUSTOMER_RISKS - CUSTOMER_RISKS / 3);
}

static void a_whole_page_of_linked_risks_and_a_filtered_page(void **state)
{
    struct test_db *t = *state;
    struct isms_risk_filter filter = {.limit = ISMS_RISK_LIST_MAX};
    struct isms_risk_list page;
    struct world w;

    build(&w, t);
    assert_int_equal(isms_risk_list(&page, t->store, w.customer, &filter), 0);
    assert_int_equal(page.count, CUSTOMER_RISKS);
    for (size_t k = 0; k < page.count; k++)
        check_item(&w, t, &page.items[k]);
    isms_risk_list_release(&page);
    /* A filtered page orders and picks other rows: "customer risk 1", 10..19. */
    filter.query = "risk 1";
    assert_int_equal(isms_risk_list(&page, t->store, w.customer, &filter), 0);
    assert_int_equal(page.count, 11);
    for (size_t k = 0; k < page.count; k++)
        check_item(&w, t, &page.items[k]);
    isms_risk_list_release(&page);
}

static void a_provider_list_shows_no_provider_of_its_own(void **state)
{
    struct test_db *t = *state;
    struct isms_risk_filter filter = {0};
    struct isms_risk_list page;
    struct world w;

    build(&w, t);
    assert_int_equal(isms_risk_list(&page, t->store, w.providers[0], &filter), 0);
    assert_int_equal(page.count, SHARED_PER_PROVIDER + 1);
    for (size_t k = 0; k < page.count; k++)
        assert_false(page.items[k].has_provider);
    isms_risk_list_release(&page);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(every_page_shows_each_risk_with_its_own_provider_risk,
                                        test_db_setup, test_db_teardown),
        cmocka_unit_test_setup_teardown(a_whole_page_of_linked_risks_and_a_filtered_page,
                                        test_db_setup, test_db_teardown),
        cmocka_unit_test_setup_teardown(a_provider_list_shows_no_provider_of_its_own, test_db_setup,
                                        test_db_teardown),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}

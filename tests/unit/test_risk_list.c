/* The risk list's total: counted, kept per org by triggers (risk_totals),
 * or known from a short page; every way must give the same number. */
#include "isms_setup.h"
#include <setjmp.h>
#include <cmocka.h>
#include "isms/org.h"
#include "isms/risk.h"
#include "model/actor.h"
#include "test_helpers.h"
#include "test_owner.h"
#include "util/error.h"

static int64_t make_org(struct test_db *t, const char *slug)
{
    struct isms_org org;

    assert_int_equal(isms_org_create(&org, t->store, slug, slug, ISMS_ORG_BOTH, isms_actor_cli()),
                     0);
    /* The owners this file's risks name, as members (test_owner.h). */
    static const char *const owners[] = {"CISO", "CIO"};
    test_add_owners(t, org.id, owners, sizeof(owners) / sizeof(*owners));
    return org.id;
}

static int64_t add(struct test_db *t, int64_t org, const char *title, const char *owner,
                   int likelihood)
{
    struct isms_risk_input in = {
        .title = title,
        .owner = owner,
        .score = {likelihood, 2, 0},
    };
    struct isms_risk r;
    int64_t id;

    assert_int_equal(isms_risk_create(&r, t->store, org, &in, isms_actor_cli()), 0);
    id = r.id;
    isms_risk_release(&r);
    return id;
}

/* The total and the number of rows of one page of org `org`'s list. */
static int64_t total_of(struct test_db *t, int64_t org, struct isms_risk_filter f,
                        size_t *count_out)
{
    struct isms_risk_list list;
    int64_t total;

    assert_int_equal(isms_risk_list(&list, t->store, org, &f), 0);
    total = list.total;
    if (count_out)
        *count_out = list.count;
    isms_risk_list_release(&list);
    return total;
}

static void unfiltered_total_follows_creates_and_deletes_per_org(void **state)
{
    struct test_db *t = *state;
    int64_t a = make_org(t, "a"), b = make_org(t, "b"), first;
    char title[32];
    size_t count;

    assert_int_equal(total_of(t, a, (struct isms_risk_filter){0}, &count), 0);
    assert_int_equal(count, 0);
    first = add(t, a, "a-0", "CISO", 1);
    for (int i = 1; i < 5; i++) {
        snprintf(title, sizeof(title), "a-%d", i);
        add(t, a, title, "CISO", i % 5);
    }
    add(t, b, "b-0", "CISO", 1);
    /* A full page: the total cannot come from the page itself. */
    assert_int_equal(total_of(t, a, (struct isms_risk_filter){.limit = 2}, &count), 5);
    assert_int_equal(count, 2);
    assert_int_equal(total_of(t, b, (struct isms_risk_filter){.limit = 1}, &count), 1);
    assert_int_equal(isms_risk_delete(t->store, a, first, isms_actor_cli()), 0);
    assert_int_equal(total_of(t, a, (struct isms_risk_filter){.limit = 2}, &count), 4);
    assert_int_equal(total_of(t, b, (struct isms_risk_filter){.limit = 1}, &count), 1);
}

static void filtered_totals_match_on_every_page(void **state)
{
    struct test_db *t = *state;
    int64_t org = make_org(t, "a"), other = make_org(t, "b");
    char title[32];
    size_t count;

    for (int i = 0; i < 30; i++) {
        snprintf(title, sizeof(title), "%s %02d", i % 3 ? "disk" : "Backup", i);
        add(t, org, title, i % 2 ? "CISO" : "CIO", i % 5);
    }
    add(t, other, "Backup elsewhere", "CISO", 4);
    /* Title search (LIKE: ASCII case-insensitive), counted in the page's own pass. */
    for (int64_t offset = 0; offset <= 12; offset += 3) {
        struct isms_risk_filter f = {.query = "backup", .limit = 3, .offset = offset};
        assert_int_equal(total_of(t, org, f, &count), 10);
        assert_int_equal(count, offset < 10 ? (offset + 3 <= 10 ? 3 : 1) : 0);
    }
    /* An owner (index) filter: full pages count, a short one knows. */
    assert_int_equal(
        total_of(t, org, (struct isms_risk_filter){.owner = "CISO", .limit = 4}, &count), 15);
    assert_int_equal(total_of(t, org,
                              (struct isms_risk_filter){.owner = "CISO", .limit = 4, .offset = 12},
                              &count),
                     15);
    assert_int_equal(count, 3);
    assert_int_equal(total_of(t, org,
                              (struct isms_risk_filter){.owner = "CISO", .limit = 4, .offset = 40},
                              &count),
                     15);
    assert_int_equal(count, 0);
    /* Past the end of the unfiltered list. */
    assert_int_equal(total_of(t, org, (struct isms_risk_filter){.limit = 5, .offset = 100}, &count),
                     30);
    assert_int_equal(count, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(unfiltered_total_follows_creates_and_deletes_per_org,
                                        test_db_setup, test_db_teardown),
        cmocka_unit_test_setup_teardown(filtered_totals_match_on_every_page, test_db_setup,
                                        test_db_teardown),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* The dashboard's view of the risk register: counts by band, risks waiting
 * for acceptance, overdue plan items - each only of the org asked about. */
#include "isms_setup.h"
#include <setjmp.h>
#include <cmocka.h>
#include "isms/org.h"
#include "isms/risk.h"
#include "isms/risk_summary.h"
#include "isms/risk_treatment.h"
#include "model/actor.h"
#include "test_helpers.h"
#include "test_owner.h"
#include "util/error.h"

static int64_t make_org(struct test_db *t, const char *slug)
{
    struct isms_org org;

    assert_int_equal(isms_org_create(&org, t->store, slug, slug, ISMS_ORG_CSC, isms_actor_cli()),
                     0);
    /* The owners this file's risks name, as members (test_owner.h). */
    static const char *const owners[] = {"情報システム部長"};
    test_add_owners(t, org.id, owners, sizeof(owners) / sizeof(*owners));
    return org.id;
}

/* A risk on the default matrix (0-4 + 0-4: low 0-2, medium 3-5, high 6-8,
 * acceptable <= 2); residual < 0 means none. */
static int64_t add(struct test_db *t, int64_t org, const char *title, int l, int i, int rl, int ri)
{
    struct isms_risk_input in = {
        .title = title,
        .owner = "情報システム部長",
        .score = {l, i, 0},
        .treatment = ISMS_RISK_MODIFY,
        .has_residual = rl >= 0,
        .residual = {rl, ri, 0},
    };
    struct isms_risk r;
    int64_t id;

    assert_int_equal(isms_risk_create(&r, t->store, org, &in, isms_actor_cli()), 0);
    id = r.id;
    isms_risk_release(&r);
    return id;
}

static void add_item(struct test_db *t, int64_t org, int64_t risk, const char *due,
                     enum isms_risk_item_status status)
{
    struct isms_risk_item_input in = {"バックアップ手順の見直し", "運用課", due, status};
    struct isms_risk_treatment_item item;

    assert_int_equal(isms_risk_item_save(&item, t->store, org, risk, 0, &in, isms_actor_cli()), 0);
}

static void bands_are_counted_per_org_for_current_and_residual_levels(void **state)
{
    struct test_db *t = *state;
    int64_t org = make_org(t, "a"), other = make_org(t, "b");
    struct isms_risk_band_counts c;

    add(t, org, "high, residual low", 4, 4, 1, 1);
    add(t, org, "high, residual medium", 3, 4, 2, 2);
    add(t, org, "medium, no residual", 2, 2, -1, 0);
    add(t, org, "low", 1, 0, 0, 0);
    add(t, other, "another org's high", 4, 4, 4, 4);
    assert_int_equal(isms_risk_count_by_band(&c, t->store, org), 0);
    assert_int_equal(c.total, 4);
    assert_int_equal(c.inherent[ISMS_RISK_HIGH - 1], 2);
    assert_int_equal(c.inherent[ISMS_RISK_MEDIUM - 1], 1);
    assert_int_equal(c.inherent[ISMS_RISK_LOW - 1], 1);
    assert_int_equal(c.residual[ISMS_RISK_HIGH - 1], 0);
    assert_int_equal(c.residual[ISMS_RISK_MEDIUM - 1], 1);
    assert_int_equal(c.residual[ISMS_RISK_LOW - 1], 2);
    assert_int_equal(c.without_residual, 1);
}

static void only_open_items_past_their_due_date_are_overdue(void **state)
{
    struct test_db *t = *state;
    int64_t org = make_org(t, "a"), other = make_org(t, "b");
    int64_t risk = add(t, org, "vendor lock-in", 4, 4, 1, 1);
    int64_t theirs = add(t, other, "theirs", 4, 4, 1, 1);
    struct isms_date today = {2025, 6, 1};
    struct isms_risk_plan_row *rows = NULL;
    size_t n = 0;
    int64_t total = 0;

    add_item(t, org, risk, "2025-05-31", ISMS_RISK_ITEM_IN_PROGRESS); /* overdue */
    add_item(t, org, risk, "2025-01-10", ISMS_RISK_ITEM_PLANNED);     /* overdue, first */
    add_item(t, org, risk, "2025-06-01", ISMS_RISK_ITEM_PLANNED);     /* due today: not yet */
    add_item(t, org, risk, "2025-02-01", ISMS_RISK_ITEM_DONE);        /* done in time or not */
    add_item(t, org, risk, "2025-02-01", ISMS_RISK_ITEM_CANCELLED);
    add_item(t, other, theirs, "2024-01-01", ISMS_RISK_ITEM_PLANNED);
    assert_int_equal(isms_risk_overdue_items(&rows, &n, &total, t->store, org, &today, 10), 0);
    assert_int_equal(total, 2);
    assert_int_equal(n, 2);
    assert_string_equal(rows[0].item.due_date, "2025-01-10");
    assert_string_equal(rows[1].item.due_date, "2025-05-31");
    assert_string_equal(rows[0].risk_title, "vendor lock-in");
    assert_string_equal(rows[0].item.owner, "運用課");
    isms_risk_plan_release(rows, n);

    /* The limit caps the rows, not the total. */
    assert_int_equal(isms_risk_overdue_items(&rows, &n, &total, t->store, org, &today, 1), 0);
    assert_int_equal(n, 1);
    assert_int_equal(total, 2);
    isms_risk_plan_release(rows, n);
    assert_int_equal(isms_risk_overdue_items(&rows, &n, &total, t->store, org, &today, 0),
                     ISMS_EINVALID);
}

static void risks_above_the_criteria_wait_for_acceptance_until_accepted(void **state)
{
    struct test_db *t = *state;
    int64_t org = make_org(t, "a"), other = make_org(t, "b");
    int64_t medium = add(t, org, "residual medium", 4, 4, 2, 2);
    int64_t high = add(t, org, "residual high", 4, 4, 4, 3);
    struct isms_risk_list list;
    struct isms_risk r;

    add(t, org, "residual acceptable", 4, 4, 1, 1);
    add(t, org, "not assessed", 4, 4, -1, 0);
    add(t, other, "another org's", 4, 4, 4, 4);
    assert_int_equal(isms_risk_awaiting_acceptance(&list, t->store, org, 10), 0);
    assert_int_equal(list.total, 2);
    assert_int_equal(list.count, 2);
    assert_int_equal(list.items[0].id, high); /* highest residual level first */
    assert_int_equal(list.items[1].id, medium);
    isms_risk_list_release(&list);

    assert_int_equal(
        isms_risk_accept(&r, t->store, org, high, "情報システム部長", isms_actor_cli()), 0);
    isms_risk_release(&r);
    assert_int_equal(isms_risk_awaiting_acceptance(&list, t->store, org, 10), 0);
    assert_int_equal(list.total, 1);
    assert_int_equal(list.items[0].id, medium);
    isms_risk_list_release(&list);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(bands_are_counted_per_org_for_current_and_residual_levels,
                                        test_db_setup, test_db_teardown),
        cmocka_unit_test_setup_teardown(only_open_items_past_their_due_date_are_overdue,
                                        test_db_setup, test_db_teardown),
        cmocka_unit_test_setup_teardown(risks_above_the_criteria_wait_for_acceptance_until_accepted,
                                        test_db_setup, test_db_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

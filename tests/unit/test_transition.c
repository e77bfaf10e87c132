#include "isms_setup.h"
#include <setjmp.h>
#include <cmocka.h>
#include "isms/control_impl.h"
#include "isms/org.h"
#include "isms/risk.h"
#include "isms/soa.h"
#include "isms/transition.h"
#include "model/actor.h"
#include "test_helpers.h"
#include "test_owner.h"

/* A 2013 SoA as an ISMS office keeps it: Japanese headers, a title column
 * the import ignores, 5.1.1/5.1.2 agreeing (-> 5.1), 6.2.1 and 11.2.8
 * disagreeing (-> 8.1), 6.2.2 excluded (-> 6.7). */
static const char sample[] =
    "\xEF\xBB\xBF管理策,管理策名,適用,実施,理由\r\n"
    "A.5.1.1,情報セキュリティのための方針群,適用,実施済,基本方針を定める\r\n"
    "5.1.2,方針群のレビュー,はい,一部,\r\n"
    "A.6.2.1,モバイル機器の方針,適用,未実施,\r\n"
    "A.11.2.8,無人状態にある利用者装置,除外,,無人の端末はない\r\n"
    "A.6.2.2,テレワーキング,除外,,在宅勤務は認めていない\r\n";

static int64_t make_org(struct test_db *t)
{
    static const char *const owners[] = {"情報システム部"};
    struct isms_org org;

    assert_int_equal(
        isms_org_create(&org, t->store, "acme", "acme", ISMS_ORG_CSC, isms_actor_cli()), 0);
    test_add_owners(t, org.id, owners, 1);
    return org.id;
}

static const struct isms_transition_item *item(const struct isms_transition_report *r,
                                               const char *id)
{
    for (size_t i = 0; i < r->count; i++)
        if (strcmp(r->items[i].control->id, id) == 0)
            return &r->items[i];
    fail_msg("no report item %s", id);
    return NULL;
}

static void report_maps_every_2022_control_to_its_sources(void **state)
{
    struct test_db *t = *state;
    int64_t org = make_org(t);
    struct isms_transition_import import;
    struct isms_transition_report r;
    const struct isms_transition_item *i;

    assert_int_equal(isms_transition_import(&import, t->store, org, sample, sizeof(sample) - 1,
                                            isms_actor_cli()),
                     0);
    assert_int_equal(import.count, 5);
    assert_string_equal(import.decisions[1].control_id, "A.5.1.2");
    assert_int_equal(import.decisions[1].line, 3);
    assert_string_equal(import.ignored_columns, "管理策名");
    isms_transition_import_release(&import);

    assert_int_equal(isms_transition_report(&r, t->store, org), 0);
    assert_int_equal(r.count, 93);
    assert_int_equal(r.new_count, 11);
    assert_int_equal(r.info.rows, 5);
    i = item(&r, "5.1");
    assert_true(i->merged);
    assert_int_equal(i->source_count, 2);
    assert_int_equal(i->proposal, ISMS_TRANSITION_APPLICABLE);
    assert_int_equal(i->implementation, ISMS_SOA_IMPL_PARTIAL);
    assert_int_equal(item(&r, "8.1")->proposal, ISMS_TRANSITION_CONFLICT);
    assert_int_equal(item(&r, "6.7")->proposal, ISMS_TRANSITION_EXCLUDED);
    assert_int_equal(item(&r, "5.7")->proposal, ISMS_TRANSITION_ASSESS);
    assert_int_equal(item(&r, "5.7")->source_count, 0);
    /* 8.8 came from 12.6.1 and 18.2.3, neither in the file. */
    assert_int_equal(item(&r, "8.8")->proposal, ISMS_TRANSITION_NO_SOURCE);
    assert_null(item(&r, "8.8")->sources[0].decision);
    assert_int_equal(r.conflict_count, 1);
    isms_transition_report_release(&r);
}

static void bad_rows_name_line_and_column_and_store_nothing(void **state)
{
    struct test_db *t = *state;
    int64_t org = make_org(t);
    static const char bad[] = "control,applicable,implemented\n"
                              "A.99.1,yes,\n"
                              "A.5.1.1,maybe,\n"
                              "A.5.1.2,yes,sometimes\n"
                              "5.1.2,no,\n";
    struct isms_transition_import import;
    struct isms_transition_report r;

    assert_int_equal(
        isms_transition_import(&import, t->store, org, bad, sizeof(bad) - 1, isms_actor_cli()),
        ISMS_EINVALID);
    assert_int_equal(import.errors.count, 4);
    assert_int_equal(import.errors.rows, 4);
    assert_int_equal(import.errors.list[0].line, 2);
    assert_int_equal(import.errors.list[0].column, 1);
    assert_string_equal(import.errors.list[0].header, "control");
    assert_non_null(strstr(import.errors.list[0].message, "'A.99.1' is not a control"));
    assert_int_equal(import.errors.list[1].column, 2);
    assert_int_equal(import.errors.list[2].column, 3);
    assert_non_null(strstr(import.errors.list[3].message, "already decided on line 4"));
    isms_transition_import_release(&import);
    assert_int_equal(isms_transition_report(&r, t->store, org), 0);
    assert_int_equal(r.decision_count, 0);
    assert_string_equal(r.info.imported_at, "");
    isms_transition_report_release(&r);
}

static void draft_soa_carries_agreed_decisions_only(void **state)
{
    struct test_db *t = *state;
    int64_t org = make_org(t);
    struct isms_transition_import import;
    struct isms_transition_draft_result d;
    struct isms_soa_entry e;
    const struct isms_soa_decision mine = {.applicability = ISMS_SOA_APPLICABLE,
                                           .inclusion_basis = ISMS_SOA_BASIS_LEGAL};

    assert_int_equal(isms_transition_draft_soa(&d, t->store, org, isms_actor_cli()), ISMS_EINVALID);
    assert_int_equal(isms_transition_import(&import, t->store, org, sample, sizeof(sample) - 1,
                                            isms_actor_cli()),
                     0);
    isms_transition_import_release(&import);
    /* 6.7 was decided in the 2022 SoA already: the draft leaves it alone. */
    assert_int_equal(isms_soa_decide(&e, t->store, org, "6.7", &mine, isms_actor_cli()), 0);
    isms_soa_entry_release(&e);
    assert_int_equal(isms_transition_draft_soa(&d, t->store, org, isms_actor_cli()), 0);
    assert_int_equal(d.decided, 1);
    assert_int_equal(d.kept, 1);
    assert_int_equal(d.conflict, 1);
    assert_int_equal(d.assess, 11);
    assert_int_equal(isms_soa_get(&e, t->store, org, "5.1"), 0);
    assert_int_equal(e.applicability, ISMS_SOA_APPLICABLE);
    assert_int_equal(e.implementation, ISMS_SOA_IMPL_PARTIAL);
    assert_string_equal(e.inclusion_justification,
                        "ISO/IEC 27001:2013 A.5.1.1, A.5.1.2 から移行: 基本方針を定める");
    isms_soa_entry_release(&e);
    assert_int_equal(isms_soa_get(&e, t->store, org, "6.7"), 0);
    assert_int_equal(e.applicability, ISMS_SOA_APPLICABLE);
    isms_soa_entry_release(&e);
    assert_int_equal(isms_soa_get(&e, t->store, org, "8.1"), 0);
    assert_int_equal(e.applicability, ISMS_SOA_UNDECIDED);
    isms_soa_entry_release(&e);
}

static void a_risk_for_each_new_control_not_implemented(void **state)
{
    struct test_db *t = *state;
    int64_t org = make_org(t);
    struct isms_transition_risks_result r;
    const struct isms_soa_decision implemented = {.applicability = ISMS_SOA_APPLICABLE,
                                                  .inclusion_basis = ISMS_SOA_BASIS_RISK,
                                                  .implementation = ISMS_SOA_IMPL_YES};
    const struct isms_soa_decision excluded = {.applicability = ISMS_SOA_NOT_APPLICABLE,
                                               .exclusion_justification = "no development"};
    struct isms_risk_filter filter = {.control_id = "A.5.7"};
    struct isms_risk_list list;
    struct isms_soa_entry e;

    assert_int_equal(isms_soa_decide(&e, t->store, org, "8.16", &implemented, isms_actor_cli()), 0);
    isms_soa_entry_release(&e);
    assert_int_equal(isms_soa_decide(&e, t->store, org, "8.28", &excluded, isms_actor_cli()), 0);
    isms_soa_entry_release(&e);
    /* Nobody signed in and no owner given: the command line must name one. */
    assert_int_equal(isms_transition_create_risks(&r, t->store, org, NULL, isms_actor_cli()),
                     ISMS_EINVALID);
    assert_non_null(strstr(isms_error_last(), "--owner"));
    assert_int_equal(
        isms_transition_create_risks(&r, t->store, org, "情報システム部", isms_actor_cli()), 0);
    assert_int_equal(r.created, 9);
    assert_int_equal(r.implemented, 1);
    assert_int_equal(r.excluded, 1);
    assert_int_equal(r.first_number, 1);
    assert_int_equal(r.last_number, 9);
    assert_int_equal(isms_risk_list(&list, t->store, org, &filter), 0);
    assert_int_equal(list.total, 1);
    assert_non_null(strstr(list.items[0].title, "5.7"));
    isms_risk_list_release(&list);
    /* The selected control made 5.7 applicable for risk treatment. */
    assert_int_equal(isms_soa_get(&e, t->store, org, "5.7"), 0);
    assert_int_equal(e.applicability, ISMS_SOA_APPLICABLE);
    isms_soa_entry_release(&e);
    /* Run again: every new control has its risk now. */
    assert_int_equal(
        isms_transition_create_risks(&r, t->store, org, "情報システム部", isms_actor_cli()), 0);
    assert_int_equal(r.created, 0);
    assert_int_equal(r.existing, 9);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(report_maps_every_2022_control_to_its_sources,
                                        test_db_setup, test_db_teardown),
        cmocka_unit_test_setup_teardown(bad_rows_name_line_and_column_and_store_nothing,
                                        test_db_setup, test_db_teardown),
        cmocka_unit_test_setup_teardown(draft_soa_carries_agreed_decisions_only, test_db_setup,
                                        test_db_teardown),
        cmocka_unit_test_setup_teardown(a_risk_for_each_new_control_not_implemented, test_db_setup,
                                        test_db_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* The journal hash chain: changes are recorded, and tampering is detected. */
#include "isms_setup.h"
#include <setjmp.h>
#include <sqlite3.h>
#include <cmocka.h>
#include "isms/org.h"
#include "isms/soa.h"
#include "model/actor.h"
#include "store/journal.h"
#include "test_helpers.h"

static const struct isms_soa_decision applicable = {
    .applicability = ISMS_SOA_APPLICABLE,
    .inclusion_basis = ISMS_SOA_BASIS_RISK,
};

/* Three journaled changes: an org and two SoA decisions. */
static void make_history(struct test_db *t)
{
    struct isms_org org;
    struct isms_soa_entry entry;
    const struct isms_actor alice = {7, "alice", "192.0.2.1", false};

    assert_int_equal(isms_org_create(&org, t->store, "Journal Co", NULL, ISMS_ORG_CSC, &alice), 0);
    assert_int_equal(isms_soa_decide(&entry, t->store, org.id, "A.5.1", &applicable, &alice), 0);
    isms_soa_entry_release(&entry);
    assert_int_equal(
        isms_soa_decide(&entry, t->store, org.id, "A.5.2", &applicable, isms_actor_cli()), 0);
    isms_soa_entry_release(&entry);
}

/* Tampers with the database behind the store's back, as an attacker with
 * file access would. */
static void tamper(struct test_db *t, const char *sql)
{
    sqlite3 *db;

    assert_int_equal(sqlite3_open(t->path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_changes(db), 1);
    sqlite3_close(db);
}

static void test_changes_are_recorded_and_chain_verifies(void **state)
{
    struct test_db *t = *state;
    struct isms_journal_report report;

    make_history(t);
    assert_int_equal(isms_store_journal_verify(&report, t->store), 0);
    assert_int_equal(report.rows, 3);
    assert_int_equal(report.first_bad, 0);
    assert_int_equal(strlen(report.head), ISMS_JOURNAL_HASH_HEX);
}

static void test_edited_row_is_detected(void **state)
{
    struct test_db *t = *state;
    struct isms_journal_report report;

    make_history(t);
    tamper(t, "UPDATE journal SET actor_name = 'mallory' WHERE seq = 2");
    assert_int_equal(isms_store_journal_verify(&report, t->store), 0);
    assert_int_equal(report.first_bad, 2);
    assert_non_null(strstr(report.reason, "edited"));
}

static void test_rehashed_row_breaks_the_next_link(void **state)
{
    struct test_db *t = *state;
    struct isms_journal_report report;

    /* An attacker who also rewrites the hash of the edited row still breaks
     * the following row's previous-hash link. */
    make_history(t);
    /* Other first two digits than it has: a fixed "ab" is no change for 1 hash in 256. */
    tamper(t, "UPDATE journal SET hash = CASE WHEN substr(hash, 1, 2) = 'ab' THEN 'cd' ELSE 'ab' "
              "END || substr(hash, 3) WHERE seq = 1");
    assert_int_equal(isms_store_journal_verify(&report, t->store), 0);
    assert_int_equal(report.first_bad, 1);
}

static void test_deleted_row_is_detected(void **state)
{
    struct test_db *t = *state;
    struct isms_journal_report report;

    make_history(t);
    tamper(t, "DELETE FROM journal WHERE seq = 2");
    assert_int_equal(isms_store_journal_verify(&report, t->store), 0);
    assert_int_equal(report.first_bad, 2);
    assert_non_null(strstr(report.reason, "deleted"));
}

static void test_failed_change_leaves_no_journal_row(void **state)
{
    struct test_db *t = *state;
    struct isms_org org;
    struct isms_journal_report report;

    assert_int_equal(isms_org_create(&org, t->store, "A", "same", ISMS_ORG_CSC, isms_actor_cli()),
                     0);
    assert_int_equal(isms_org_create(&org, t->store, "B", "same", ISMS_ORG_CSC, isms_actor_cli()),
                     ISMS_ECONFLICT);
    assert_int_equal(isms_store_journal_verify(&report, t->store), 0);
    assert_int_equal(report.rows, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_changes_are_recorded_and_chain_verifies, test_db_setup,
                                        test_db_teardown),
        cmocka_unit_test_setup_teardown(test_edited_row_is_detected, test_db_setup,
                                        test_db_teardown),
        cmocka_unit_test_setup_teardown(test_rehashed_row_breaks_the_next_link, test_db_setup,
                                        test_db_teardown),
        cmocka_unit_test_setup_teardown(test_deleted_row_is_detected, test_db_setup,
                                        test_db_teardown),
        cmocka_unit_test_setup_teardown(test_failed_change_leaves_no_journal_row, test_db_setup,
                                        test_db_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

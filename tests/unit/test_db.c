/* The connection's statement cache: reuse must never leak state between uses. */
#include "isms_setup.h"
#include <setjmp.h>
#include <unistd.h>
#include <cmocka.h>
#include "store/db.h"

struct conn {
    char dir[64];
    char path[96];
    struct isms_db *db;
};

static int open_conn(void **state)
{
    struct conn *c = calloc(1, sizeof(*c));

    if (!c)
        return -1;
    snprintf(c->dir, sizeof(c->dir), "/tmp/isms-test-XXXXXX");
    if (!mkdtemp(c->dir)) {
        free(c);
        return -1;
    }
    snprintf(c->path, sizeof(c->path), "%s/db", c->dir);
    if (isms_db_open(&c->db, c->path) < 0 ||
        isms_db_exec(c->db, "CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT)") < 0)
        return -1;
    *state = c;
    return 0;
}

static int close_conn(void **state)
{
    static const char *const suffixes[] = {"", "-wal", "-shm"};
    struct conn *c = *state;
    char file[128];

    isms_db_close(c->db);
    for (size_t i = 0; i < ISMS_ARRAY_SIZE(suffixes); i++) {
        snprintf(file, sizeof(file), "%s%s", c->path, suffixes[i]);
        unlink(file);
    }
    rmdir(c->dir);
    free(c);
    return 0;
}

static const char *const select_v = "SELECT v FROM t WHERE k = $1";

static void test_reused_statement_starts_fresh(void **state)
{
    struct conn *c = *state;
    struct isms_stmt *st;

    assert_int_equal(isms_db_exec(c->db, "INSERT INTO t VALUES (1, 'one'), (2, 'two')"), 0);
    assert_int_equal(isms_db_prepare(&st, c->db, select_v), 0);
    assert_int_equal(isms_stmt_bind_int64(st, 1, 1), 0);
    assert_int_equal(isms_stmt_step(st), 1);
    assert_string_equal(isms_stmt_text(st, 0), "one");
    /* Finalized mid-result: the next user must start from the first row. */
    isms_stmt_finalize(st);

    assert_int_equal(isms_db_prepare(&st, c->db, select_v), 0);
    /* Parameters from the previous use are gone: no row matches NULL. */
    assert_int_equal(isms_stmt_step(st), 0);
    isms_stmt_finalize(st);

    assert_int_equal(isms_db_prepare(&st, c->db, select_v), 0);
    assert_int_equal(isms_stmt_bind_int64(st, 1, 2), 0);
    assert_int_equal(isms_stmt_step(st), 1);
    assert_string_equal(isms_stmt_text(st, 0), "two");
    isms_stmt_finalize(st);
}

static void test_nested_use_of_the_same_text(void **state)
{
    struct conn *c = *state;
    struct isms_stmt *outer, *inner;

    assert_int_equal(isms_db_exec(c->db, "INSERT INTO t VALUES (1, 'one'), (2, 'two')"), 0);
    assert_int_equal(isms_db_prepare(&outer, c->db, select_v), 0);
    assert_int_equal(isms_db_prepare(&inner, c->db, select_v), 0);
    assert_ptr_not_equal(outer, inner);
    assert_int_equal(isms_stmt_bind_int64(outer, 1, 1), 0);
    assert_int_equal(isms_stmt_bind_int64(inner, 1, 2), 0);
    assert_int_equal(isms_stmt_step(outer), 1);
    assert_int_equal(isms_stmt_step(inner), 1);
    assert_string_equal(isms_stmt_text(outer, 0), "one");
    assert_string_equal(isms_stmt_text(inner, 0), "two");
    isms_stmt_finalize(inner);
    isms_stmt_finalize(outer);
}

static void test_many_distinct_statements(void **state)
{
    struct conn *c = *state;
    char sql[64];

    /* More texts than the cache holds: the rest are prepared and freed each time. */
    for (int round = 0; round < 2; round++)
        for (int i = 0; i < 100; i++) {
            struct isms_stmt *st;
            snprintf(sql, sizeof(sql), "SELECT %d", i);
            assert_int_equal(isms_db_prepare(&st, c->db, sql), 0);
            assert_int_equal(isms_stmt_step(st), 1);
            assert_int_equal(isms_stmt_int64(st, 0), i);
            isms_stmt_finalize(st);
        }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_reused_statement_starts_fresh, open_conn, close_conn),
        cmocka_unit_test_setup_teardown(test_nested_use_of_the_same_text, open_conn, close_conn),
        cmocka_unit_test_setup_teardown(test_many_distinct_statements, open_conn, close_conn),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

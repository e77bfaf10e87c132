/* A request holds one store connection: every query of the thread runs on
 * it, writes included, and the pool gets it back when the request is done. */
#include "isms_setup.h"
#include <setjmp.h>
#include <cmocka.h>
#include "isms/org.h"
#include "model/actor.h"
#include "test_helpers.h"

static void a_held_connection_serves_every_acquire(void **state)
{
    struct test_db *t = *state;
    struct isms_db *first, *second, *other;

    alarm(10); /* a second connection taken from the pool of two would hang */
    isms_store_hold(t->store);
    first = isms_store_acquire(t->store);
    second = isms_store_acquire(t->store);
    assert_ptr_equal(first, second);
    isms_store_release(t->store, second);
    isms_store_release(t->store, first);
    /* Released or not, it stays the thread's until it lets go. */
    assert_ptr_equal(isms_store_acquire(t->store), first);
    isms_store_let_go(t->store);
    /* The pool has both connections again: two acquires get two. */
    first = isms_store_acquire(t->store);
    other = isms_store_acquire(t->store);
    assert_ptr_not_equal(first, other);
    isms_store_release(t->store, other);
    isms_store_release(t->store, first);
    alarm(0);
}

static void domain_calls_work_on_the_held_connection(void **state)
{
    struct test_db *t = *state;
    struct isms_db *elsewhere = isms_store_acquire(t->store);
    struct isms_org created, found;

    /* The pool has two connections: one is busy elsewhere, the other is
     * held. A call that took one from the pool would wait forever, so
     * SIGALRM ends the test as failed instead of letting it hang. */
    alarm(10);
    isms_store_hold(t->store);
    assert_int_equal(
        isms_org_create(&created, t->store, "保持テスト", "hold", ISMS_ORG_CSC, isms_actor_cli()),
        0);
    assert_int_equal(isms_org_get(&found, t->store, created.id), 0);
    assert_string_equal(found.name, "保持テスト");
    isms_store_let_go(t->store);
    alarm(0);
    isms_store_release(t->store, elsewhere);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(a_held_connection_serves_every_acquire, test_db_setup,
                                        test_db_teardown),
        cmocka_unit_test_setup_teardown(domain_calls_work_on_the_held_connection, test_db_setup,
                                        test_db_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

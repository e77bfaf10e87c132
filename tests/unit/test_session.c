#include "isms_setup.h"
#include <setjmp.h>
#include <time.h>
#include <cmocka.h>
#include "isms/auth.h"
#include "isms/membership.h"
#include "isms/org.h"
#include "isms/user.h"
#include "model/actor.h"
#include "store/db.h"
#include "test_helpers.h"
#include "web/http/response.h"
#include "web/http/session.h"

#define PASSWORD "alice-password-1"

static void signed_in(struct isms_login_result *out, struct test_db *t, const char *name)
{
    struct isms_login_attempt attempt = {name, PASSWORD, NULL, NULL, "192.0.2.1", "t"};

    assert_int_equal(isms_auth_login(out, t->store, &attempt), 0);
}

static int64_t make_user(struct test_db *t, const char *name, bool admin)
{
    struct isms_user user;

    assert_int_equal(
        isms_user_create(&user, t->store, name, NULL, PASSWORD, admin, isms_actor_cli()), 0);
    return user.id;
}

/* Moves the session's clock: what it looks like `seconds` later. */
static void age_session(struct test_db *t, int64_t id, int64_t seconds)
{
    struct isms_db *db = isms_store_acquire(t->store);
    char sql[160];

    snprintf(sql, sizeof(sql),
             "UPDATE sessions SET created_at = created_at - %" PRId64 ", last_seen = last_seen - "
             "%" PRId64 ", expires_at = expires_at - %" PRId64 " WHERE id = %" PRId64,
             seconds, seconds, seconds, id);
    assert_int_equal(isms_db_exec(db, sql), 0);
    isms_store_release(t->store, db);
}

static void idle_sessions_end(void **state)
{
    struct test_db *t = *state;
    struct isms_login_result result;
    struct isms_session session;

    make_user(t, "alice", false);
    signed_in(&result, t, "alice");
    age_session(t, result.session.id, ISMS_SESSION_IDLE_SECONDS - 120);
    /* Used before the idle limit: still alive, and the use restarts the idle timer. */
    assert_int_equal(isms_auth_session(&session, t->store, result.token), 0);
    age_session(t, result.session.id, ISMS_SESSION_IDLE_SECONDS - 120);
    assert_int_equal(isms_auth_session(&session, t->store, result.token), 0);
    age_session(t, result.session.id, ISMS_SESSION_IDLE_SECONDS);
    assert_int_equal(isms_auth_session(&session, t->store, result.token), ISMS_EAUTH);
    assert_string_equal(isms_error_last(), "the session has expired; sign in again");
}

static void sessions_end_after_the_absolute_limit_even_when_used(void **state)
{
    struct test_db *t = *state;
    struct isms_login_result result;
    struct isms_session session;
    struct isms_db *db;
    char sql[128];

    make_user(t, "alice", false);
    signed_in(&result, t, "alice");
    /* Created long ago but in use a minute ago. */
    db = isms_store_acquire(t->store);
    snprintf(sql, sizeof(sql), "UPDATE sessions SET expires_at = %" PRId64 " WHERE id = %" PRId64,
             (int64_t)time(NULL) - 1, result.session.id);
    assert_int_equal(isms_db_exec(db, sql), 0);
    isms_store_release(t->store, db);
    assert_int_equal(isms_auth_session(&session, t->store, result.token), ISMS_EAUTH);
}

static void tokens_are_stored_hashed(void **state)
{
    struct test_db *t = *state;
    struct isms_login_result result;
    struct isms_stmt *st = NULL;
    struct isms_db *db;

    make_user(t, "alice", false);
    signed_in(&result, t, "alice");
    db = isms_store_acquire(t->store);
    assert_int_equal(
        isms_db_prepare(&st, db, "SELECT count(*) FROM sessions WHERE token_hash = $1"), 0);
    assert_int_equal(isms_stmt_bind_text(st, 1, result.token), 0);
    assert_int_equal(isms_stmt_step(st), 1);
    assert_int_equal(isms_stmt_int64(st, 0), 0);
    isms_stmt_finalize(st);
    isms_store_release(t->store, db);
}

static void malformed_tokens_are_nobody(void **state)
{
    struct test_db *t = *state;
    struct isms_session session;

    assert_int_equal(isms_auth_session(&session, t->store, ""), ISMS_EAUTH);
    assert_int_equal(isms_auth_session(&session, t->store, "abc"), ISMS_EAUTH);
    assert_int_equal(isms_auth_session(&session, t->store, NULL), ISMS_EAUTH);
    assert_int_equal(isms_auth_logout(t->store, "abc"), 0);
}

static void membership_decides_which_orgs_a_user_sees(void **state)
{
    struct test_db *t = *state;
    struct isms_org acme, other, found, *orgs;
    enum isms_role role;
    size_t count;
    int64_t alice = make_user(t, "alice", false), root = make_user(t, "root", true);

    assert_int_equal(
        isms_org_create(&acme, t->store, "Acme", "acme", ISMS_ORG_CSP, isms_actor_cli()), 0);
    assert_int_equal(
        isms_org_create(&other, t->store, "Other", "other", ISMS_ORG_CSC, isms_actor_cli()), 0);
    assert_int_equal(
        isms_membership_set(t->store, acme.id, alice, ISMS_ROLE_RISK_OWNER, isms_actor_cli()), 0);
    assert_int_equal(isms_membership_find_org(&found, &role, t->store, "acme", alice, false), 0);
    assert_int_equal(found.id, acme.id);
    assert_int_equal(role, ISMS_ROLE_RISK_OWNER);
    assert_int_equal(isms_membership_find_org(&found, &role, t->store, "other", alice, false),
                     ISMS_ENOTFOUND);
    assert_int_equal(isms_membership_find_org(&found, &role, t->store, "2", alice, false),
                     ISMS_ENOTFOUND);
    assert_int_equal(isms_membership_find_org(&found, &role, t->store, "other", root, true), 0);
    assert_int_equal(role, ISMS_ROLE_ADMIN);
    assert_int_equal(isms_membership_list_orgs(&orgs, &count, t->store, alice, false), 0);
    assert_int_equal(count, 1);
    assert_string_equal(orgs[0].slug, "acme");
    free(orgs);
    assert_int_equal(isms_membership_list_orgs(&orgs, &count, t->store, root, true), 0);
    assert_int_equal(count, 2);
    free(orgs);
    assert_int_equal(isms_membership_remove(t->store, acme.id, alice, isms_actor_cli()), 0);
    assert_int_equal(isms_membership_remove(t->store, acme.id, alice, isms_actor_cli()),
                     ISMS_ENOTFOUND);
    assert_int_equal(isms_membership_find_org(&found, &role, t->store, "acme", alice, false),
                     ISMS_ENOTFOUND);
}

static void cookies_are_httponly_strict_and_secure_on_request(void **state)
{
    struct isms_web_response res;

    isms_web_response_init(&res);
    assert_int_equal(isms_web_session_cookie(&res, "abc"), 0);
    assert_string_equal(res.headers[0].name, "Set-Cookie");
    assert_string_equal(res.headers[0].value,
                        "isms_session=abc; Path=/; HttpOnly; SameSite=Strict");
    isms_web_session_set_secure_cookies(true);
    assert_int_equal(isms_web_session_cookie_clear(&res), 0);
    assert_string_equal(res.headers[1].value,
                        "isms_session=; Path=/; HttpOnly; SameSite=Strict; Secure; Max-Age=0");
    isms_web_session_set_secure_cookies(false);
    isms_web_response_release(&res);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, test_db_setup, test_db_teardown)
    const struct CMUnitTest tests[] = {
        T(idle_sessions_end),
        T(sessions_end_after_the_absolute_limit_even_when_used),
        T(tokens_are_stored_hashed),
        T(malformed_tokens_are_nobody),
        T(membership_decides_which_orgs_a_user_sees),
        cmocka_unit_test(cookies_are_httponly_strict_and_secure_on_request),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

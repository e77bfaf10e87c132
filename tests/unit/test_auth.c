#include "isms_setup.h"
#include <setjmp.h>
#include <time.h>
#include <cmocka.h>
#include "isms/auth.h"
#include "isms/user.h"
#include "model/actor.h"
#include "sec/secret_key.h"
#include "sec/totp.h"
#include "store/db.h"
#include "store/journal.h"
#include "store/users.h"
#include "test_helpers.h"

#define PASSWORD "alice-password-1"

static int64_t make_user(struct test_db *t, const char *name)
{
    struct isms_user user;

    assert_int_equal(
        isms_user_create(&user, t->store, name, NULL, PASSWORD, false, isms_actor_cli()), 0);
    return user.id;
}

static int login(struct isms_login_result *out, struct test_db *t, const char *name,
                 const char *password, const char *address)
{
    struct isms_login_attempt attempt = {name, password, NULL, NULL, address, "unit-test"};

    return isms_auth_login(out, t->store, &attempt);
}

static void password_login_opens_a_session(void **state)
{
    struct test_db *t = *state;
    struct isms_login_result result;
    struct isms_session session;
    int64_t id = make_user(t, "alice");

    assert_int_equal(login(&result, t, "alice", PASSWORD, "192.0.2.1"), 0);
    assert_false(result.session.mfa_pending);
    assert_int_equal(result.session.user_id, id);
    assert_int_equal(strlen(result.token), 64);
    assert_string_not_equal(result.token, result.session.csrf);
    assert_int_equal(isms_auth_session(&session, t->store, result.token), 0);
    assert_string_equal(session.name, "alice");
    assert_string_equal(session.csrf, result.session.csrf);
    assert_int_equal(isms_auth_logout(t->store, result.token), 0);
    assert_int_equal(isms_auth_session(&session, t->store, result.token), ISMS_EAUTH);
}

static void wrong_and_unknown_are_told_apart_only_in_the_history(void **state)
{
    struct test_db *t = *state;
    struct isms_login_result result;
    struct isms_login_event *events;
    size_t count;
    int64_t id = make_user(t, "alice");

    assert_int_equal(login(&result, t, "alice", "wrong-password", "192.0.2.1"), ISMS_EAUTH);
    assert_string_equal(isms_error_last(), "name or password is wrong");
    assert_int_equal(login(&result, t, "mallory", "wrong-password", "192.0.2.1"), ISMS_EAUTH);
    assert_string_equal(isms_error_last(), "name or password is wrong");
    assert_int_equal(login(&result, t, "alice", PASSWORD, "198.51.100.7"), 0);
    assert_int_equal(isms_auth_login_history(&events, &count, t->store, id, 10), 0);
    /* Alice's own history, newest first: the unknown name is nobody's. */
    assert_int_equal(count, 2);
    assert_string_equal(events[0].result, "ok");
    assert_string_equal(events[0].address, "198.51.100.7");
    assert_string_equal(events[0].user_agent, "unit-test");
    assert_string_equal(events[1].result, "bad_password");
    assert_string_equal(events[1].address, "192.0.2.1");
    assert_int_equal(strlen(events[0].at), 20);
    free(events);
}

/* The wait counts down in whole seconds while Argon2 runs, so the test takes
 * the refusal's own figure, checks it is in range, and that the message and
 * the Retry-After value agree. */
static void assert_refused_for(int shortest, int longest)
{
    int wait = isms_auth_retry_after();
    char expected[96];

    assert_true(wait > shortest && wait <= longest);
    snprintf(expected, sizeof(expected),
             "too many failed logins for this account; try again in %d seconds", wait);
    assert_string_equal(isms_error_last(), expected);
}

/* Five failures for a name slow down the address they came from, even with
 * the right password; the real user at another address is not locked out. */
static void five_failures_slow_down_the_address_they_came_from(void **state)
{
    struct test_db *t = *state;
    struct isms_login_result result;
    struct isms_login_event *events;
    size_t count;
    int64_t id = make_user(t, "alice");

    make_user(t, "bob");
    for (int i = 0; i < ISMS_AUTH_MAX_FAILURES_PER_NAME; i++)
        assert_int_equal(login(&result, t, "alice", "wrong-password", "192.0.2.1"), ISMS_EAUTH);
    assert_int_equal(login(&result, t, "alice", PASSWORD, "192.0.2.1"), ISMS_ELIMIT);
    assert_refused_for(25, 30);
    assert_int_equal(isms_auth_login_history(&events, &count, t->store, id, 1), 0);
    /* The refusal is in alice's history: she sees someone hammering her account. */
    assert_int_equal(count, 1);
    assert_string_equal(events[0].result, "rate_limited");
    assert_string_equal(events[0].address, "192.0.2.1");
    free(events);
    /* Other names from the same address are not slowed down. */
    assert_int_equal(login(&result, t, "bob", PASSWORD, "192.0.2.1"), 0);
    /* Alice's right password from an address that has not failed gets in. */
    assert_int_equal(login(&result, t, "alice", PASSWORD, "203.0.113.9"), 0);
    /* Each further failure doubles the wait of the address it came from. */
    assert_int_equal(login(&result, t, "alice", "wrong-password", "198.51.100.3"), ISMS_EAUTH);
    assert_int_equal(login(&result, t, "alice", PASSWORD, "198.51.100.3"), ISMS_ELIMIT);
    assert_refused_for(55, 60);
}

static void twenty_failures_lock_the_address(void **state)
{
    struct test_db *t = *state;
    struct isms_login_result result;
    char name[16];

    make_user(t, "alice");
    for (int i = 0; i < ISMS_AUTH_MAX_FAILURES_PER_ADDRESS; i++) {
        snprintf(name, sizeof(name), "guess%d", i);
        assert_int_equal(login(&result, t, name, "wrong-password", "192.0.2.66"), ISMS_EAUTH);
    }
    assert_int_equal(login(&result, t, "alice", PASSWORD, "192.0.2.66"), ISMS_ELIMIT);
    assert_int_equal(login(&result, t, "alice", PASSWORD, "192.0.2.67"), 0);
}

static void disabled_users_cannot_sign_in_and_lose_sessions(void **state)
{
    struct test_db *t = *state;
    struct isms_user_changes off = {NULL, -1, 1};
    struct isms_login_result result;
    struct isms_session session;
    struct isms_user user;
    int64_t id = make_user(t, "alice");

    assert_int_equal(login(&result, t, "alice", PASSWORD, "192.0.2.1"), 0);
    assert_int_equal(isms_user_update(&user, t->store, id, &off, isms_actor_cli()), 0);
    assert_int_equal(isms_auth_session(&session, t->store, result.token), ISMS_EAUTH);
    assert_int_equal(login(&result, t, "alice", PASSWORD, "192.0.2.1"), ISMS_EAUTH);
    assert_string_equal(isms_error_last(), "name or password is wrong");
}

/* Enrols TOTP for `id`; returns the secret and fills the recovery codes. */
static void enrol(struct test_db *t, int64_t id, char secret[ISMS_TOTP_SECRET_TEXT],
                  char codes[ISMS_RECOVERY_CODE_COUNT][ISMS_RECOVERY_CODE_TEXT], time_t at)
{
    struct isms_totp_enrolment enrolment;
    char code[ISMS_TOTP_DIGITS + 1];

    assert_int_equal(isms_auth_totp_begin(&enrolment, t->store, id, isms_actor_cli()), 0);
    assert_non_null(strstr(enrolment.uri, "otpauth://totp/isms:"));
    assert_int_equal(isms_totp_generate(code, enrolment.secret, at), 0);
    assert_int_equal(isms_auth_totp_confirm(codes, t->store, id, code, isms_actor_cli()), 0);
    snprintf(secret, ISMS_TOTP_SECRET_TEXT, "%s", enrolment.secret);
}

static void totp_is_a_second_step(void **state)
{
    struct test_db *t = *state;
    char codes[ISMS_RECOVERY_CODE_COUNT][ISMS_RECOVERY_CODE_TEXT];
    char secret[ISMS_TOTP_SECRET_TEXT], code[ISMS_TOTP_DIGITS + 1];
    struct isms_login_attempt second = {NULL, NULL, NULL, NULL, "192.0.2.1", "unit-test"};
    struct isms_login_result pending, full;
    struct isms_session session;
    int64_t id = make_user(t, "alice");

    /* Enrolled with the previous step's code, so the current one is still fresh. */
    enrol(t, id, secret, codes, time(NULL) - 30);
    assert_int_equal(login(&pending, t, "alice", PASSWORD, "192.0.2.1"), 0);
    assert_true(pending.session.mfa_pending);
    assert_int_equal(isms_auth_session(&session, t->store, pending.token), 0);
    assert_true(session.mfa_pending);
    second.totp = "000000x";
    assert_int_equal(isms_auth_complete_mfa(&full, t->store, pending.token, &second), ISMS_EAUTH);
    assert_int_equal(isms_totp_generate(code, secret, time(NULL)), 0);
    second.totp = code;
    assert_int_equal(isms_auth_complete_mfa(&full, t->store, pending.token, &second), 0);
    assert_false(full.session.mfa_pending);
    assert_string_not_equal(full.token, pending.token);
    /* The half-way session is gone; the full one works. */
    assert_int_equal(isms_auth_session(&session, t->store, pending.token), ISMS_EAUTH);
    assert_int_equal(isms_auth_session(&session, t->store, full.token), 0);
    assert_false(session.mfa_pending);
    assert_true(session.totp_enabled);
}

static void a_totp_code_signs_in_once(void **state)
{
    struct test_db *t = *state;
    char codes[ISMS_RECOVERY_CODE_COUNT][ISMS_RECOVERY_CODE_TEXT];
    char secret[ISMS_TOTP_SECRET_TEXT], code[ISMS_TOTP_DIGITS + 1];
    struct isms_login_attempt attempt = {"alice", PASSWORD, code, NULL, "192.0.2.1", "t"};
    struct isms_login_result result;
    int64_t id = make_user(t, "alice");

    enrol(t, id, secret, codes, time(NULL) - 30);
    assert_int_equal(isms_totp_generate(code, secret, time(NULL)), 0);
    assert_int_equal(isms_auth_login(&result, t->store, &attempt), 0);
    assert_false(result.session.mfa_pending);
    assert_int_equal(isms_auth_login(&result, t->store, &attempt), ISMS_EAUTH);
    assert_non_null(strstr(isms_error_last(), "already used"));
}

static void recovery_codes_work_once_each(void **state)
{
    struct test_db *t = *state;
    char codes[ISMS_RECOVERY_CODE_COUNT][ISMS_RECOVERY_CODE_TEXT];
    char fresh[ISMS_RECOVERY_CODE_COUNT][ISMS_RECOVERY_CODE_TEXT];
    char secret[ISMS_TOTP_SECRET_TEXT];
    struct isms_login_attempt attempt = {"alice", PASSWORD, NULL, codes[3], "192.0.2.1", "t"};
    struct isms_login_result result;
    struct isms_user user;
    int64_t id = make_user(t, "alice");

    enrol(t, id, secret, codes, time(NULL));
    assert_int_equal(isms_auth_login(&result, t->store, &attempt), 0);
    assert_false(result.session.mfa_pending);
    assert_int_equal(isms_auth_login(&result, t->store, &attempt), ISMS_EAUTH);
    assert_int_equal(isms_user_get(&user, t->store, id), 0);
    assert_int_equal(user.recovery_codes_left, ISMS_RECOVERY_CODE_COUNT - 1);
    /* A new set needs the password: a stolen session alone mints none. */
    assert_int_equal(isms_auth_recovery_regenerate(fresh, t->store, id, NULL, isms_actor_cli()),
                     ISMS_EAUTH);
    assert_int_equal(
        isms_auth_recovery_regenerate(fresh, t->store, id, "wrong password", isms_actor_cli()),
        ISMS_EAUTH);
    assert_int_equal(isms_user_get(&user, t->store, id), 0);
    assert_int_equal(user.recovery_codes_left, ISMS_RECOVERY_CODE_COUNT - 1);
    /* A new set replaces the old one entirely. */
    assert_int_equal(isms_auth_recovery_regenerate(fresh, t->store, id, PASSWORD, isms_actor_cli()),
                     0);
    attempt.recovery_code = codes[4];
    assert_int_equal(isms_auth_login(&result, t->store, &attempt), ISMS_EAUTH);
    attempt.recovery_code = fresh[4];
    assert_int_equal(isms_auth_login(&result, t->store, &attempt), 0);
}

static void disabling_totp_needs_the_password(void **state)
{
    struct test_db *t = *state;
    char codes[ISMS_RECOVERY_CODE_COUNT][ISMS_RECOVERY_CODE_TEXT];
    char secret[ISMS_TOTP_SECRET_TEXT];
    struct isms_login_result result;
    struct isms_user user;
    int64_t id = make_user(t, "alice");

    enrol(t, id, secret, codes, time(NULL));
    assert_int_equal(isms_auth_totp_disable(t->store, id, "wrong", isms_actor_cli()), ISMS_EAUTH);
    assert_int_equal(isms_auth_totp_disable(t->store, id, PASSWORD, isms_actor_cli()), 0);
    assert_int_equal(isms_user_get(&user, t->store, id), 0);
    assert_false(user.totp_enabled);
    assert_int_equal(user.recovery_codes_left, 0);
    assert_int_equal(login(&result, t, "alice", PASSWORD, "192.0.2.1"), 0);
    assert_false(result.session.mfa_pending);
}

/* Every account change lands in the journal, and the chain holds. */
static void account_changes_are_journaled(void **state)
{
    struct test_db *t = *state;
    char codes[ISMS_RECOVERY_CODE_COUNT][ISMS_RECOVERY_CODE_TEXT];
    char secret[ISMS_TOTP_SECRET_TEXT];
    struct isms_login_result result;
    struct isms_journal_report report;
    int64_t id = make_user(t, "alice");

    assert_int_equal(login(&result, t, "alice", PASSWORD, "192.0.2.1"), 0);
    assert_int_equal(isms_user_set_password(t->store, id, "alice-password-2", 0, isms_actor_cli()),
                     0);
    enrol(t, id, secret, codes, time(NULL));
    assert_int_equal(isms_store_journal_verify(&report, t->store), 0);
    assert_int_equal(report.first_bad, 0);
    /* user.create, session.login, user.password, user.totp.begin, user.totp.enable */
    assert_int_equal(report.rows, 5);
}

/* Re-authentication (password change, TOTP off) shares the login counters. */
static void current_password_checks_are_rate_limited(void **state)
{
    struct test_db *t = *state;
    const struct isms_actor web = {0, "alice", "198.51.100.7", false};
    struct isms_login_result result;
    int64_t id = make_user(t, "alice");

    for (int i = 0; i < ISMS_AUTH_MAX_FAILURES_PER_NAME; i++)
        assert_int_equal(isms_auth_check_current_password(t->store, id, "guess", &web), ISMS_EAUTH);
    assert_int_equal(isms_auth_check_current_password(t->store, id, PASSWORD, &web), ISMS_ELIMIT);
    assert_int_equal(isms_auth_totp_disable(t->store, id, PASSWORD, &web), ISMS_ELIMIT);
    assert_int_equal(login(&result, t, "alice", PASSWORD, "198.51.100.7"), ISMS_ELIMIT);
    /* The session's address is slowed down, not the account. */
    assert_int_equal(login(&result, t, "alice", PASSWORD, "192.0.2.1"), 0);
}

static const struct isms_secret_key other_key = {{9, 9, 9}};

/* The database holds the seed sealed; another key cannot use it, but the
 * recovery codes (hashes, no key) still sign in. */
static void totp_seeds_are_sealed_under_the_key(void **state)
{
    struct test_db *t = *state;
    char codes[ISMS_RECOVERY_CODE_COUNT][ISMS_RECOVERY_CODE_TEXT];
    char secret[ISMS_TOTP_SECRET_TEXT], code[ISMS_TOTP_DIGITS + 1];
    struct isms_login_attempt attempt = {"alice", PASSWORD, code, NULL, "192.0.2.1", "t"};
    const struct isms_secret_key saved = *isms_secret_key_current();
    struct isms_user_credentials cred;
    struct isms_login_result result;
    int64_t id = make_user(t, "alice");

    enrol(t, id, secret, codes, time(NULL) - 30);
    assert_int_equal(isms_store_user_credentials(&cred, t->store, NULL, id), 0);
    assert_memory_equal(cred.totp_secret, "gcm1:", 5);
    assert_null(strstr(cred.totp_secret, secret));
    assert_int_equal(isms_totp_generate(code, secret, time(NULL)), 0);
    isms_secret_key_install(&other_key);
    assert_int_equal(isms_auth_login(&result, t->store, &attempt), ISMS_EAUTH);
    assert_non_null(strstr(isms_error_last(), "use a recovery code"));
    attempt.totp = NULL;
    attempt.recovery_code = codes[0];
    assert_int_equal(isms_auth_login(&result, t->store, &attempt), 0);
    isms_secret_key_install(&saved);
}

/* Seeds of a database from before sealing are sealed once, at start-up. */
static void plain_seeds_are_sealed_once(void **state)
{
    struct test_db *t = *state;
    char code[ISMS_TOTP_DIGITS + 1], codes[ISMS_RECOVERY_CODE_COUNT][ISMS_RECOVERY_CODE_TEXT];
    const char *plain = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    struct isms_user_credentials cred;
    size_t sealed;
    int64_t id = make_user(t, "alice");

    assert_int_equal(isms_store_user_totp_pending(t->store, id, plain, isms_actor_cli()), 0);
    assert_int_equal(isms_auth_seal_stored_seeds(&sealed, t->store), 0);
    assert_int_equal(sealed, 1);
    assert_int_equal(isms_auth_seal_stored_seeds(&sealed, t->store), 0);
    assert_int_equal(sealed, 0);
    assert_int_equal(isms_store_user_credentials(&cred, t->store, NULL, id), 0);
    assert_memory_equal(cred.totp_pending_secret, "gcm1:", 5);
    /* The sealed seed is the same seed: the app's code confirms it. */
    assert_int_equal(isms_totp_generate(code, plain, time(NULL)), 0);
    assert_int_equal(isms_auth_totp_confirm(codes, t->store, id, code, isms_actor_cli()), 0);
}

static const struct isms_secret_key test_key = {{1, 2, 3, 4, 5, 6, 7, 8}};

static int install_key(void **state)
{
    isms_secret_key_install(&test_key);
    return 0;
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, test_db_setup, test_db_teardown)
    const struct CMUnitTest tests[] = {
        T(password_login_opens_a_session),
        T(wrong_and_unknown_are_told_apart_only_in_the_history),
        T(five_failures_slow_down_the_address_they_came_from),
        T(twenty_failures_lock_the_address),
        T(disabled_users_cannot_sign_in_and_lose_sessions),
        T(totp_is_a_second_step),
        T(a_totp_code_signs_in_once),
        T(recovery_codes_work_once_each),
        T(disabling_totp_needs_the_password),
        T(account_changes_are_journaled),
        T(current_password_checks_are_rate_limited),
        T(totp_seeds_are_sealed_under_the_key),
        T(plain_seeds_are_sealed_once),
    };
    return cmocka_run_group_tests(tests, install_key, NULL);
}

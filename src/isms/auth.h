/*
 * Signing in and staying signed in.
 *
 * Login checks the name and password (Argon2id), then the second factor when
 * the user has TOTP: a current code, or one of the user's one-time recovery
 * codes (the changeable fallback factor, seed 000). Every attempt, good or
 * bad, is written to the login history that the first screen shows the user
 * (seed 000: a user spots misuse of their account). Within
 * ISMS_AUTH_WINDOW_SECONDS, too many failures from one address refuse it for
 * the window; too many for one name slow down (a growing back-off) the
 * addresses that failed for it, never the name itself: a correct password
 * from an address that has not failed still signs in. Refusals are recorded
 * too.
 *
 * A session is a random token handed to the browser in a cookie; the
 * database keeps only its SHA-256, so a copy of the database signs nobody
 * in. Sessions end after ISMS_SESSION_IDLE_SECONDS without use or
 * ISMS_SESSION_ABSOLUTE_SECONDS after login, whichever comes first.
 */
#ifndef ISMS_ISMS_AUTH_H
#define ISMS_ISMS_AUTH_H

#include "isms/user.h"
#include "model/session.h"
#include "sec/random.h"
#include "sec/recovery_codes.h"

struct isms_store;
struct isms_actor;

#define ISMS_AUTH_WINDOW_SECONDS (15 * 60)
#define ISMS_AUTH_MAX_FAILURES_PER_NAME 5
#define ISMS_AUTH_MAX_FAILURES_PER_ADDRESS 20
/* The first wait once a name has ISMS_AUTH_MAX_FAILURES_PER_NAME failures
 * (auth.c doubles it with each further one). */
#define ISMS_AUTH_BACKOFF_FIRST_SECONDS 30
#define ISMS_SESSION_IDLE_SECONDS (30 * 60)
#define ISMS_SESSION_ABSOLUTE_SECONDS (12 * 60 * 60)
/* A session waiting for its second factor lives this long. */
#define ISMS_SESSION_MFA_SECONDS (5 * 60)

/* One login attempt. `totp` and `recovery_code` may be NULL; give at most one.
 * `address` and `user_agent` are recorded in the login history. */
struct isms_login_attempt {
    const char *name;
    const char *password;
    const char *totp;
    const char *recovery_code;
    const char *address;
    const char *user_agent;
};

/* What a successful login hands back. */
struct isms_login_result {
    char token[ISMS_TOKEN_TEXT_SIZE]; /* for the cookie (isms_web_session_cookie) */
    struct isms_session session;      /* session.mfa_pending: ask for a TOTP or recovery code
                                       * next, then call isms_auth_complete_mfa */
};

/* Checks the attempt and, when it passes, opens a session. Errors (each
 * recorded in the login history, with the message meant for the user):
 *   ISMS_EAUTH  wrong name or password ("name or password is wrong" either
 *               way, also for a disabled account), wrong second factor;
 *   ISMS_ELIMIT too many failures: "too many failed logins ...; try again
 *               in N seconds|minutes" (HTTP 429; isms_auth_retry_after);
 *   ISMS_EINVALID  a field missing or too long.
 * A user with TOTP who gives neither code gets a session with mfa_pending
 * set: it is good for nothing but isms_auth_complete_mfa and logout. */
int isms_auth_login(struct isms_login_result *out, struct isms_store *store,
                    const struct isms_login_attempt *attempt);

/* The seconds to wait that the thread's last ISMS_ELIMIT answer named (for
 * a Retry-After header); 0 when the last check refused nothing. */
int64_t isms_auth_retry_after(void);

/* Second step for a session with mfa_pending: checks attempt->totp or
 * attempt->recovery_code (name and password are ignored) and, when right,
 * replaces the pending session with a full one under a new token (out).
 * Wrong codes count as failures for the rate limit. */
int isms_auth_complete_mfa(struct isms_login_result *out, struct isms_store *store,
                           const char *pending_token, const struct isms_login_attempt *attempt);

/* Finds the live session for a cookie token and refreshes its idle timer.
 * ISMS_EAUTH when the token is unknown, expired, idle too long or its user
 * disabled. */
int isms_auth_session(struct isms_session *out, struct isms_store *store, const char *token);

/* Ends the session with this token (logout); unknown tokens are fine. */
int isms_auth_logout(struct isms_store *store, const char *token);

/* Deletes sessions whose time is up (at server start; live ones expire on use). */
int isms_auth_purge_sessions(struct isms_store *store);

/* The newest `limit` (1..100) login attempts for `user_id`, newest first.
 * *out is owned by the caller: free() it. */
int isms_auth_login_history(struct isms_login_event **out, size_t *count, struct isms_store *store,
                            int64_t user_id, int limit);

/* TOTP enrolment, step 1: a new secret (base32) kept as pending until
 * confirmed; the otpauth:// URI is for authenticator apps (QR code). */
struct isms_totp_enrolment {
    char secret[64];
    char uri[512];
};
/* The enrolment still waiting for its first code (the same key after a
 * wrong one, so the app that scanned it keeps working): 0 and *out filled,
 * ISMS_ENOTFOUND when none is pending. */
int isms_auth_totp_pending(struct isms_totp_enrolment *out, struct isms_store *store,
                           int64_t user_id);
int isms_auth_totp_begin(struct isms_totp_enrolment *out, struct isms_store *store, int64_t user_id,
                         const struct isms_actor *actor);

/* Step 2: `code` from the app proves it holds the pending secret; TOTP is
 * then required at login and a fresh set of recovery codes is returned (shown
 * once). ISMS_EAUTH for a wrong code, ISMS_EINVALID when no enrolment is
 * pending. Journaled as "user.totp.enable". */
#define ISMS_RECOVERY_CODE_COUNT 10
#define ISMS_RECOVERY_CODE_SIZE ISMS_RECOVERY_CODE_TEXT /* "xxxx-xxxx-xxxx-xxxx" + NUL */
int isms_auth_totp_confirm(char codes_out[ISMS_RECOVERY_CODE_COUNT][ISMS_RECOVERY_CODE_TEXT],
                           struct isms_store *store, int64_t user_id, const char *code,
                           const struct isms_actor *actor);

/* Re-authentication before a sensitive change of one's own account
 * (password change, TOTP off): checks `password` against the user's, counted
 * like a login. A wrong password is a failure in the login history
 * ("bad_current_password", from actor->address), and once the user's name or
 * that address has too many failures the check is refused with ISMS_ELIMIT
 * before the password is looked at: a stolen session cannot be used to guess
 * the password. 0, ISMS_EAUTH ("the current password is wrong") or
 * ISMS_ELIMIT. */
int isms_auth_check_current_password(struct isms_store *store, int64_t user_id,
                                     const char *password, const struct isms_actor *actor);

/* Turns TOTP off after isms_auth_check_current_password (ISMS_EAUTH when
 * wrong, ISMS_ELIMIT when rate-limited); the recovery codes go too. Journaled
 * as "user.totp.disable". */
int isms_auth_totp_disable(struct isms_store *store, int64_t user_id, const char *password,
                           const struct isms_actor *actor);

/* TOTP seeds are stored sealed with AES-256-GCM under the key of
 * sec/secret_key.h (install it before any TOTP call). This seals the seeds
 * a database from before sealing still holds in plain base32; run once at
 * start-up, it does nothing the second time. *sealed_count gets the number
 * of users whose seeds were sealed (each journaled as "user.totp.seal"). */
int isms_auth_seal_stored_seeds(size_t *sealed_count, struct isms_store *store);

/* Replaces the user's recovery codes with a fresh set (shown once), after
 * isms_auth_check_current_password: new codes are a second factor, which a
 * stolen session alone must not mint. ISMS_EINVALID when TOTP is off,
 * ISMS_EAUTH/ISMS_ELIMIT as for that check. Journaled as "user.recovery_codes". */
int isms_auth_recovery_regenerate(char codes_out[ISMS_RECOVERY_CODE_COUNT][ISMS_RECOVERY_CODE_TEXT],
                                  struct isms_store *store, int64_t user_id, const char *password,
                                  const struct isms_actor *actor);

#endif

/*
 * A session and a login attempt as they are stored: the signed-in user as
 * every request sees it, and one row of the login history. The rules that
 * open, refresh and end sessions are isms/auth.h.
 */
#ifndef ISMS_MODEL_SESSION_H
#define ISMS_MODEL_SESSION_H

#include "model/user.h"
#include "util/hex.h"
#include "util/time.h"

#define ISMS_USER_AGENT_MAX 256 /* longer User-Agent headers are cut */

/* The signed-in user as every request sees it. */
struct isms_session {
    int64_t id; /* the session row */
    int64_t user_id;
    char name[ISMS_USER_NAME_MAX + 1];
    char display_name[ISMS_USER_DISPLAY_MAX + 1];
    char lang[3];                    /* "ja", "en" or "" (follow Accept-Language) */
    char csrf[ISMS_SHA256_HEX_SIZE]; /* forms send it as "csrf", API writes as X-CSRF-Token */
    bool is_admin;                   /* system administrator */
    bool mfa_pending;                /* password ok, second factor still owed */
    bool totp_enabled;
    bool must_change_password; /* nothing but a new password until it is set */
    char time_zone[ISMS_TZ_NAME_MAX + 1];
    int64_t created_at, expires_at; /* unix seconds; expires_at is the absolute end */
};

/* One row of the login history. */
struct isms_login_event {
    int64_t id;
    char at[ISMS_TIMESTAMP_SIZE];
    char address[64];
    char user_agent[ISMS_USER_AGENT_MAX + 1];
    char result[24]; /* "ok", "mfa_pending", "bad_password", "bad_totp", "bad_recovery_code",
                      * "disabled", "rate_limited", "unknown_user",
                      * "bad_current_password" (re-authentication) */
};

#endif

/*
 * User accounts: a login name, an Argon2id password hash, a display name, a
 * UI language, an optional TOTP second factor with one-time recovery codes,
 * and whether the user is a system administrator. What a user may do inside
 * an organization is their membership role (isms/membership.h).
 */
#ifndef ISMS_MODEL_USER_H
#define ISMS_MODEL_USER_H

#include "util/time.h"
#include "util/timezone.h"

#define ISMS_USER_NAME_MAX 64     /* [a-z0-9._-], starts with a letter or digit */
#define ISMS_USER_DISPLAY_MAX 200 /* bytes of UTF-8 */
#define ISMS_PASSWORD_MIN 12      /* characters (code points) */
#define ISMS_PASSWORD_MAX 256     /* bytes */
/* Room for an encoded Argon2id hash as stored (sec/password.h writes it). */
#define ISMS_USER_PASSWORD_HASH_MAX 128

struct isms_user {
    int64_t id;
    char name[ISMS_USER_NAME_MAX + 1];
    char display_name[ISMS_USER_DISPLAY_MAX + 1];
    char lang[3]; /* "ja" or "en"; "" = follow the browser (Accept-Language) */
    bool is_admin;
    bool disabled;
    bool totp_enabled;
    int recovery_codes_left;
    char created_at[ISMS_TIMESTAMP_SIZE];
    char time_zone[ISMS_TZ_NAME_MAX + 1]; /* IANA name; "" = follow the language */
    bool must_change_password;            /* a generated password was handed over */
};

/* Changes display name, administrator flag and disabled flag; NULL / negative
 * values leave a field as it is. Disabling ends the user's sessions. Journaled
 * as "user.update". */
struct isms_user_changes {
    const char *display_name;
    int is_admin; /* -1 keep, 0, 1 */
    int disabled; /* -1 keep, 0, 1 */
};

#endif

/*
 * User accounts: a login name, an Argon2id password hash, a display name, a
 * UI language, an optional TOTP second factor with one-time recovery codes,
 * and whether the user is a system administrator. What a user may do inside
 * an organization is their membership role (isms/membership.h).
 */
#ifndef ISMS_ISMS_USER_H
#define ISMS_ISMS_USER_H

#include "model/user.h"

struct isms_store;
struct isms_actor;

/* Checks a login name / a new password against the rules above;
 * ISMS_EINVALID with a message that says what is wrong. */
int isms_user_check_name(const char *name);
int isms_user_check_password(const char *password);

/* Creates a user with `password` (hashed here). `display_name` may be NULL
 * (then the login name). Journaled as "user.create". ISMS_ECONFLICT when the
 * name is taken. */
int isms_user_create(struct isms_user *out, struct isms_store *store, const char *name,
                     const char *display_name, const char *password, bool is_admin,
                     const struct isms_actor *actor);

/* ISMS_ENOTFOUND when there is no such user. */
int isms_user_get(struct isms_user *out, struct isms_store *store, int64_t id);
int isms_user_find(struct isms_user *out, struct isms_store *store, const char *name);

/* All users by name; *out is owned by the caller: free() it. */
int isms_user_list(struct isms_user **out, size_t *count, struct isms_store *store);

/* How many users exist (init creates the first administrator when none do). */
int isms_user_count(int64_t *out, struct isms_store *store);

/* Sets a new password (hashed here) and ends the user's other sessions
 * (all of them when `keep_session_id` is 0). Journaled as "user.password". */
int isms_user_set_password(struct isms_store *store, int64_t user_id, const char *password,
                           int64_t keep_session_id, const struct isms_actor *actor);

/* Checks `password` against the stored hash: 0 when it matches, ISMS_EAUTH
 * when not. For re-authentication before sensitive changes. */
int isms_user_verify_password(struct isms_store *store, int64_t user_id, const char *password);
int isms_user_update(struct isms_user *out, struct isms_store *store, int64_t user_id,
                     const struct isms_user_changes *changes, const struct isms_actor *actor);

/* An IANA time zone ("Asia/Tokyo") or "" (Asia/Tokyo for Japanese, the
 * browser's otherwise). ISMS_EINVALID for a zone the tz database does not
 * know. Journaled as "user.time_zone". */
int isms_user_set_time_zone(struct isms_store *store, int64_t user_id, const char *zone,
                            const struct isms_actor *actor);

/* The user must set a new password at the next sign-in before anything else:
 * for a password generated and handed over. Journaled as
 * "user.password.must_change"; isms_user_set_password clears it. */
int isms_user_require_password_change(struct isms_store *store, int64_t user_id,
                                      const struct isms_actor *actor);

/* "ja", "en" or "" (follow the browser). Journaled as "user.lang". */
int isms_user_set_lang(struct isms_store *store, int64_t user_id, const char *lang,
                       const struct isms_actor *actor);

#endif

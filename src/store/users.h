/* SQL for users, their credentials and recovery codes (rules in isms/user.c
 * and isms/auth.c). Each write journals itself in the same transaction. */
#ifndef ISMS_STORE_USERS_H
#define ISMS_STORE_USERS_H

#include "model/user.h"
#include "util/hex.h"

struct isms_store;
struct isms_actor;

/* A TOTP seed as stored: sealed (sec/secret_box.h, isms/auth.c), or plain
 * base32 in a database from before sealing until start-up seals it. */
#define ISMS_TOTP_STORED_TEXT 256

/* A user with what login needs to check them. */
struct isms_user_credentials {
    struct isms_user user;
    char password_hash[ISMS_USER_PASSWORD_HASH_MAX];
    char totp_secret[ISMS_TOTP_STORED_TEXT];         /* "" when TOTP is off */
    char totp_pending_secret[ISMS_TOTP_STORED_TEXT]; /* "" when no enrolment is pending */
    int64_t totp_last_step;
};

/* A user's stored TOTP seeds ("" for none). */
struct isms_user_totp_seeds {
    int64_t user_id;
    char secret[ISMS_TOTP_STORED_TEXT];
    char pending[ISMS_TOTP_STORED_TEXT];
};

/* Users with a seed not yet sealed (not starting with `sealed_prefix`).
 * *out is owned by the caller: free() it. */
int isms_store_user_totp_unsealed(struct isms_user_totp_seeds **out, size_t *count,
                                  struct isms_store *store, const char *sealed_prefix);

/* Replaces `old` seeds by `sealed` ones (same user) if they are still `old`,
 * journaled as "user.totp.seal". */
int isms_store_user_totp_reseal(struct isms_store *store, const struct isms_user_totp_seeds *old,
                                const struct isms_user_totp_seeds *sealed,
                                const struct isms_actor *actor);

/* Inserts user (name, display_name, is_admin, lang, created_at) with
 * `password_hash`; sets user->id. ISMS_ECONFLICT when the name is taken. */
int isms_store_user_insert(struct isms_store *store, struct isms_user *user,
                           const char *password_hash, const struct isms_actor *actor);

/* ISMS_ENOTFOUND when there is no such user. */
int isms_store_user_by_id(struct isms_user *out, struct isms_store *store, int64_t id);
int isms_store_user_by_name(struct isms_user *out, struct isms_store *store, const char *name);
int isms_store_user_credentials(struct isms_user_credentials *out, struct isms_store *store,
                                const char *name, int64_t id);

int isms_store_user_list(struct isms_user **out, size_t *count, struct isms_store *store);
int isms_store_user_count(int64_t *out, struct isms_store *store);

/* Replaces the password hash and deletes the user's sessions except
 * `keep_session_id`, journaled as "user.password". */
int isms_store_user_set_password(struct isms_store *store, int64_t user_id, const char *hash,
                                 int64_t keep_session_id, const struct isms_actor *actor);

/* Writes display_name, is_admin and disabled from `user`; deletes the user's
 * sessions when disabled. Journaled as "user.update" with `detail` (JSON). */
int isms_store_user_update(struct isms_store *store, const struct isms_user *user,
                           const char *detail, const struct isms_actor *actor);

int isms_store_user_set_lang(struct isms_store *store, int64_t user_id, const char *lang,
                             const struct isms_actor *actor);
int isms_store_user_set_time_zone(struct isms_store *store, int64_t user_id, const char *zone,
                                  const struct isms_actor *actor);
/* Sets must_change_password; setting a new password clears it. */
int isms_store_user_require_password_change(struct isms_store *store, int64_t user_id,
                                            const struct isms_actor *actor);

/* TOTP: the pending secret of an enrolment; enabling moves it into place
 * and stores the new recovery-code hashes; disabling clears secrets and
 * codes. Each journaled. */
int isms_store_user_totp_pending(struct isms_store *store, int64_t user_id, const char *secret,
                                 const struct isms_actor *actor);
int isms_store_user_totp_enable(struct isms_store *store, int64_t user_id, int64_t step,
                                char code_hashes[][ISMS_SHA256_HEX_SIZE], size_t code_count,
                                const struct isms_actor *actor);
int isms_store_user_totp_disable(struct isms_store *store, int64_t user_id,
                                 const struct isms_actor *actor);

/* Records that a TOTP step was used, so the same code cannot sign in twice.
 * ISMS_EAUTH when a step at or after `step` was already recorded (a race
 * between two logins with one code). */
int isms_store_user_totp_used(struct isms_store *store, int64_t user_id, int64_t step);

/* Replaces all recovery codes of a user, journaled as "user.recovery_codes". */
int isms_store_recovery_replace(struct isms_store *store, int64_t user_id,
                                char code_hashes[][ISMS_SHA256_HEX_SIZE], size_t code_count,
                                const struct isms_actor *actor);

/* Marks the unused code with this hash as used: 0, or ISMS_EAUTH when the
 * user has no such unused code. Journaled as "user.recovery_code.use". */
int isms_store_recovery_use(struct isms_store *store, int64_t user_id, const char *code_hash,
                            const struct isms_actor *actor);

#endif

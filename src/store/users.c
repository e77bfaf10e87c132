#include "isms_setup.h"
#include <jansson.h>
#include "store/db.h"
#include "store/journal.h"
#include "store/query.h"
#include "store/store.h"
#include "store/users.h"
#include "util/array.h"
#include "util/error.h"

#define USER_COLUMNS                                                                               \
    "id, name, display_name, lang, is_admin, disabled, totp_secret IS NOT NULL, "                  \
    "(SELECT count(*) FROM recovery_codes r WHERE r.user_id = users.id AND r.used_at IS NULL), "   \
    "created_at, time_zone, must_change_password"
#define USER_COLUMN_COUNT 11
#define ENTITY_SIZE 80 /* "user:" + a login name */

static int read_user(void *item, struct isms_stmt *st)
{
    struct isms_user *user = item;

    user->id = isms_stmt_int64(st, 0);
    isms_store_copy_text(user->name, sizeof(user->name), isms_stmt_text(st, 1));
    isms_store_copy_text(user->display_name, sizeof(user->display_name), isms_stmt_text(st, 2));
    isms_store_copy_text(user->lang, sizeof(user->lang), isms_stmt_text(st, 3));
    user->is_admin = isms_stmt_int64(st, 4) != 0;
    user->disabled = isms_stmt_int64(st, 5) != 0;
    user->totp_enabled = isms_stmt_int64(st, 6) != 0;
    user->recovery_codes_left = (int)isms_stmt_int64(st, 7);
    isms_store_copy_text(user->created_at, sizeof(user->created_at), isms_stmt_text(st, 8));
    isms_store_copy_text(user->time_zone, sizeof(user->time_zone), isms_stmt_text(st, 9));
    user->must_change_password = isms_stmt_int64(st, 10) != 0;
    return 0;
}

/* Appends an journal row whose detail is `detail` (stolen; NULL for none). */
static int journal(struct isms_db *db, const struct isms_actor *actor, const char *action,
                   const char *entity, json_t *detail)
{
    if (!detail)
        return isms_store_journal_append(db, actor,
                                         &(struct isms_journal_event){0, action, entity, NULL});
    return isms_store_journal_json(db, actor, 0, action, entity, detail);
}

/* "user:NAME" for the journal; ISMS_ENOTFOUND when the user does not exist. */
static int user_entity(char *out, size_t size, struct isms_db *db, int64_t user_id)
{
    struct isms_stmt *st = NULL;
    int error;

    if ((error = isms_db_prepare(&st, db, "SELECT name FROM users WHERE id = $1")) < 0 ||
        (error = isms_stmt_bind_int64(st, 1, user_id)) < 0)
        goto done;
    if ((error = isms_stmt_step(st)) == 1) {
        snprintf(out, size, "user:%s", isms_stmt_text(st, 0));
        error = 0;
    } else if (error == 0) {
        error = isms_error_set(ISMS_ENOTFOUND, "user %" PRId64 " not found", user_id);
    }
done:
    isms_stmt_finalize(st);
    return error;
}

/* Runs one statement with int64 parameters ($1.. in order) and no result. */
static int exec_ints(struct isms_db *db, const char *sql, const int64_t *values, size_t count)
{
    return isms_store_each_row(db, sql, values, count, NULL, NULL);
}

/* A write about an existing user, in one transaction: `apply` runs its
 * statements, then `action` on "user:NAME" is journaled with `detail`
 * (owned: NULL for none). `args` are the statements' own values. */
struct user_change {
    int64_t user_id;
    const char *action;
    json_t *detail;
    int (*apply)(struct isms_db *db, const struct user_change *change);
    const void *args;
};

static int apply_user_change(struct isms_db *db, const struct isms_actor *actor, void *ctx)
{
    struct user_change *change = ctx;
    json_t *detail = change->detail;
    char entity[ENTITY_SIZE];
    int error;

    change->detail = NULL;
    if ((error = user_entity(entity, sizeof(entity), db, change->user_id)) < 0 ||
        (error = change->apply(db, change)) < 0) {
        json_decref(detail);
        return error;
    }
    return journal(db, actor, change->action, entity, detail);
}

/* ISMS_ENOTFOUND when the user does not exist; nothing is written then. */
static int change_user(struct isms_store *store, const struct isms_actor *actor,
                       struct user_change change)
{
    int error = isms_store_write(store, actor, NULL, apply_user_change, &change);

    json_decref(change.detail); /* still owned when the transaction did not begin */
    return error;
}

static int insert_user_row(struct isms_db *db, struct isms_user *user, const char *hash)
{
    struct isms_stmt *st = NULL;
    int error;

    if ((error = isms_db_prepare(&st, db,
                                 "INSERT INTO users (name, display_name, password_hash, lang, "
                                 "is_admin, created_at) VALUES ($1, $2, $3, $4, $5, $6) "
                                 "RETURNING id")) < 0 ||
        (error = isms_stmt_bind_text(st, 1, user->name)) < 0 ||
        (error = isms_stmt_bind_text(st, 2, user->display_name)) < 0 ||
        (error = isms_stmt_bind_text(st, 3, hash)) < 0 ||
        (error = isms_stmt_bind_text(st, 4, user->lang)) < 0 ||
        (error = isms_stmt_bind_int64(st, 5, user->is_admin)) < 0 ||
        (error = isms_stmt_bind_text(st, 6, user->created_at)) < 0)
        goto done;
    if ((error = isms_stmt_step(st)) == 1) {
        user->id = isms_stmt_int64(st, 0);
        error = 0;
    } else if (error == ISMS_ECONFLICT) {
        error = isms_error_set(ISMS_ECONFLICT, _("a user named '%s' already exists"), user->name);
    }
done:
    isms_stmt_finalize(st);
    return error;
}

struct new_user {
    struct isms_user *user;
    const char *password_hash;
};

static int insert_user(struct isms_db *db, const struct isms_actor *actor, void *ctx)
{
    const struct new_user *new = ctx;
    struct isms_user *user = new->user;
    char entity[ENTITY_SIZE];
    int error;

    snprintf(entity, sizeof(entity), "user:%s", user->name);
    if ((error = insert_user_row(db, user, new->password_hash)) < 0)
        return error;
    return journal(db, actor, "user.create", entity,
                   json_pack("{s:s, s:s, s:b}", "name", user->name, "display_name",
                             user->display_name, "is_admin", user->is_admin));
}

int isms_store_user_insert(struct isms_store *store, struct isms_user *user,
                           const char *password_hash, const struct isms_actor *actor)
{
    return isms_store_write(store, actor, NULL, insert_user,
                            &(struct new_user){user, password_hash});
}

#define CREDENTIAL_COLUMNS                                                                         \
    USER_COLUMNS ", password_hash, totp_secret, totp_pending_secret, totp_last_step"

/* Steps the one-row query that looks a user up by `name` (when not NULL,
 * with `by_name`) or by `id` (with `by_id`): 1 with the row in *st, 0 when
 * there is no such user, or an error. The caller finalizes *st. */
static int step_user(struct isms_stmt **st, struct isms_db *db, const char *by_name,
                     const char *by_id, const char *name, int64_t id)
{
    int error;

    if ((error = isms_db_prepare(st, db, name ? by_name : by_id)) < 0 ||
        (error = name ? isms_stmt_bind_text(*st, 1, name) : isms_stmt_bind_int64(*st, 1, id)) < 0)
        return error;
    return isms_stmt_step(*st);
}

static int select_user(struct isms_user *out, struct isms_store *store, const char *name,
                       int64_t id)
{
    struct isms_db *db = isms_store_acquire(store);
    struct isms_stmt *st = NULL;
    int error = step_user(&st, db, "SELECT " USER_COLUMNS " FROM users WHERE name = $1",
                          "SELECT " USER_COLUMNS " FROM users WHERE id = $1", name, id);

    if (error == 1) {
        read_user(out, st);
        error = 0;
    } else if (error == 0) {
        error = name ? isms_error_set(ISMS_ENOTFOUND, _("user '%s' not found"), name)
                     : isms_error_set(ISMS_ENOTFOUND, "user %" PRId64 " not found", id);
    }
    isms_stmt_finalize(st);
    isms_store_release(store, db);
    return error;
}

int isms_store_user_by_id(struct isms_user *out, struct isms_store *store, int64_t id)
{
    return select_user(out, store, NULL, id);
}

int isms_store_user_by_name(struct isms_user *out, struct isms_store *store, const char *name)
{
    return select_user(out, store, name, 0);
}

static void read_credentials(struct isms_user_credentials *out, struct isms_stmt *st)
{
    read_user(&out->user, st);
    isms_store_copy_text(out->password_hash, sizeof(out->password_hash),
                         isms_stmt_text(st, USER_COLUMN_COUNT));
    isms_store_copy_text(out->totp_secret, sizeof(out->totp_secret),
                         isms_stmt_text(st, USER_COLUMN_COUNT + 1));
    isms_store_copy_text(out->totp_pending_secret, sizeof(out->totp_pending_secret),
                         isms_stmt_text(st, USER_COLUMN_COUNT + 2));
    out->totp_last_step = isms_stmt_int64(st, USER_COLUMN_COUNT + 3);
}

int isms_store_user_credentials(struct isms_user_credentials *out, struct isms_store *store,
                                const char *name, int64_t id)
{
    struct isms_db *db = isms_store_acquire(store);
    struct isms_stmt *st = NULL;
    int error;

    memset(out, 0, sizeof(*out));
    error = step_user(&st, db, "SELECT " CREDENTIAL_COLUMNS " FROM users WHERE name = $1",
                      "SELECT " CREDENTIAL_COLUMNS " FROM users WHERE id = $1", name, id);
    if (error == 1) {
        read_credentials(out, st);
        error = 0;
    } else if (error == 0) {
        error = isms_error_set(ISMS_ENOTFOUND, _("user not found"));
    }
    isms_stmt_finalize(st);
    isms_store_release(store, db);
    return error;
}

int isms_store_user_list(struct isms_user **out, size_t *count, struct isms_store *store)
{
    const struct isms_store_select q = {
        .sql = "SELECT " USER_COLUMNS " FROM users ORDER BY name",
        .read = read_user,
        .item_size = sizeof(**out),
    };

    return isms_store_select_all(out, count, store, &q);
}

int isms_store_user_count(int64_t *out, struct isms_store *store)
{
    struct isms_db *db = isms_store_acquire(store);
    int error = isms_store_query_int64(out, db, "SELECT count(*) FROM users", NULL, 0);

    isms_store_release(store, db);
    return error;
}

static int set_text_column(struct isms_db *db, const char *sql, int64_t user_id, const char *value)
{
    struct isms_stmt *st = NULL;
    int error;

    if ((error = isms_db_prepare(&st, db, sql)) == 0 &&
        (error = isms_stmt_bind_int64(st, 1, user_id)) == 0 &&
        (error = value ? isms_stmt_bind_text(st, 2, value) : isms_stmt_bind_null(st, 2)) == 0)
        error = isms_stmt_step(st);
    isms_stmt_finalize(st);
    return error < 0 ? error : 0;
}

/* The args of a change that sets one text column: `sql` takes the user id
 * as $1 and `value` (NULL for null) as $2. */
struct text_column {
    const char *sql;
    const char *value;
};

static int update_text_column(struct isms_db *db, const struct user_change *change)
{
    const struct text_column *column = change->args;

    return set_text_column(db, column->sql, change->user_id, column->value);
}

struct new_password {
    const char *hash;
    int64_t keep_session_id;
};

/* Sets the hash and signs the user out everywhere but the session kept. */
static int replace_password(struct isms_db *db, const struct user_change *change)
{
    const struct new_password *password = change->args;
    int64_t ids[2] = {change->user_id, password->keep_session_id};
    int error;

    /* A password the user chose themselves ends a required change. */
    if ((error = set_text_column(db,
                                 "UPDATE users SET password_hash = $2, must_change_password = 0 "
                                 "WHERE id = $1",
                                 change->user_id, password->hash)) < 0)
        return error;
    return exec_ints(db, "DELETE FROM sessions WHERE user_id = $1 AND id <> $2", ids, 2);
}

int isms_store_user_set_password(struct isms_store *store, int64_t user_id, const char *hash,
                                 int64_t keep_session_id, const struct isms_actor *actor)
{
    return change_user(store, actor,
                       (struct user_change){user_id, "user.password", NULL, replace_password,
                                            &(struct new_password){hash, keep_session_id}});
}

/* Updates the row; a disabled user is signed out everywhere. */
static int update_user_row(struct isms_db *db, const struct user_change *change)
{
    const struct isms_user *user = change->args;
    struct isms_stmt *st = NULL;
    int error;

    if ((error = isms_db_prepare(&st, db,
                                 "UPDATE users SET display_name = $2, is_admin = $3, "
                                 "disabled = $4 WHERE id = $1")) == 0 &&
        (error = isms_stmt_bind_int64(st, 1, user->id)) == 0 &&
        (error = isms_stmt_bind_text(st, 2, user->display_name)) == 0 &&
        (error = isms_stmt_bind_int64(st, 3, user->is_admin)) == 0 &&
        (error = isms_stmt_bind_int64(st, 4, user->disabled)) == 0)
        error = isms_stmt_step(st);
    isms_stmt_finalize(st);
    if (error < 0 || !user->disabled)
        return error < 0 ? error : 0;
    return exec_ints(db, "DELETE FROM sessions WHERE user_id = $1", &user->id, 1);
}

int isms_store_user_update(struct isms_store *store, const struct isms_user *user,
                           const char *detail, const struct isms_actor *actor)
{
    return change_user(store, actor,
                       (struct user_change){user->id, "user.update",
                                            detail ? json_loads(detail, 0, NULL) : NULL,
                                            update_user_row, user});
}

/* A setting of the user's own, one text column: journaled as `action` with
 * {`key`: value}. `sql` takes the user id as $1 and the value as $2. */
static int set_setting(struct isms_store *store, int64_t user_id, const char *action,
                       const char *key, const char *sql, const char *value,
                       const struct isms_actor *actor)
{
    return change_user(store, actor,
                       (struct user_change){user_id, action, json_pack("{s:s}", key, value),
                                            update_text_column, &(struct text_column){sql, value}});
}

int isms_store_user_set_lang(struct isms_store *store, int64_t user_id, const char *lang,
                             const struct isms_actor *actor)
{
    return set_setting(store, user_id, "user.lang", "lang",
                       "UPDATE users SET lang = $2 WHERE id = $1", lang, actor);
}

int isms_store_user_set_time_zone(struct isms_store *store, int64_t user_id, const char *zone,
                                  const struct isms_actor *actor)
{
    return set_setting(store, user_id, "user.time_zone", "time_zone",
                       "UPDATE users SET time_zone = $2 WHERE id = $1", zone, actor);
}

static int mark_must_change(struct isms_db *db, const struct user_change *change)
{
    return exec_ints(db, "UPDATE users SET must_change_password = 1 WHERE id = $1",
                     &change->user_id, 1);
}

int isms_store_user_require_password_change(struct isms_store *store, int64_t user_id,
                                            const struct isms_actor *actor)
{
    return change_user(
        store, actor,
        (struct user_change){user_id, "user.password.must_change", NULL, mark_must_change, NULL});
}

int isms_store_user_totp_pending(struct isms_store *store, int64_t user_id, const char *secret,
                                 const struct isms_actor *actor)
{
    return change_user(store, actor,
                       (struct user_change){
                           user_id, "user.totp.begin", NULL, update_text_column,
                           &(struct text_column){
                               "UPDATE users SET totp_pending_secret = $2 WHERE id = $1", secret}});
}

struct recovery_codes {
    char (*hashes)[ISMS_SHA256_HEX_SIZE];
    size_t count;
};

static int insert_codes(struct isms_db *db, int64_t user_id, const struct recovery_codes *codes)
{
    int error = exec_ints(db, "DELETE FROM recovery_codes WHERE user_id = $1", &user_id, 1);

    for (size_t i = 0; error == 0 && i < codes->count; i++)
        error = set_text_column(db,
                                "INSERT INTO recovery_codes (user_id, code_hash) "
                                "VALUES ($1, $2)",
                                user_id, codes->hashes[i]);
    return error;
}

static int replace_codes(struct isms_db *db, const struct user_change *change)
{
    return insert_codes(db, change->user_id, change->args);
}

struct totp_activation {
    int64_t step;
    struct recovery_codes codes;
};

/* The pending secret becomes the secret, with fresh recovery codes. */
static int activate_totp(struct isms_db *db, const struct user_change *change)
{
    const struct totp_activation *activation = change->args;
    int64_t values[2] = {change->user_id, activation->step};
    int error;

    if ((error = exec_ints(db,
                           "UPDATE users SET totp_secret = totp_pending_secret, "
                           "totp_pending_secret = NULL, totp_last_step = $2 WHERE id = $1",
                           values, 2)) < 0)
        return error;
    return insert_codes(db, change->user_id, &activation->codes);
}

int isms_store_user_totp_enable(struct isms_store *store, int64_t user_id, int64_t step,
                                char code_hashes[][ISMS_SHA256_HEX_SIZE], size_t code_count,
                                const struct isms_actor *actor)
{
    return change_user(
        store, actor,
        (struct user_change){user_id, "user.totp.enable", NULL, activate_totp,
                             &(struct totp_activation){step, {code_hashes, code_count}}});
}

static int remove_totp(struct isms_db *db, const struct user_change *change)
{
    int error;

    if ((error = exec_ints(db,
                           "UPDATE users SET totp_secret = NULL, totp_pending_secret = NULL "
                           "WHERE id = $1",
                           &change->user_id, 1)) < 0)
        return error;
    return exec_ints(db, "DELETE FROM recovery_codes WHERE user_id = $1", &change->user_id, 1);
}

int isms_store_user_totp_disable(struct isms_store *store, int64_t user_id,
                                 const struct isms_actor *actor)
{
    return change_user(store, actor,
                       (struct user_change){user_id, "user.totp.disable", NULL, remove_totp, NULL});
}

int isms_store_user_totp_used(struct isms_store *store, int64_t user_id, int64_t step)
{
    struct isms_db *db = isms_store_acquire(store);
    struct isms_stmt *st = NULL;
    int error;

    /* One conditional UPDATE: of two logins racing with the same code, one wins. */
    if ((error = isms_db_prepare(&st, db,
                                 "UPDATE users SET totp_last_step = $2 "
                                 "WHERE id = $1 AND totp_last_step < $2")) == 0 &&
        (error = isms_stmt_bind_int64(st, 1, user_id)) == 0 &&
        (error = isms_stmt_bind_int64(st, 2, step)) == 0 && (error = isms_stmt_step(st)) >= 0)
        error = isms_stmt_changes(st) == 1
                    ? 0
                    : isms_error_set(ISMS_EAUTH,
                                     _("this code was already used; wait for the next one"));
    isms_stmt_finalize(st);
    isms_store_release(store, db);
    return error;
}

int isms_store_recovery_replace(struct isms_store *store, int64_t user_id,
                                char code_hashes[][ISMS_SHA256_HEX_SIZE], size_t code_count,
                                const struct isms_actor *actor)
{
    return change_user(store, actor,
                       (struct user_change){user_id, "user.recovery_codes",
                                            json_pack("{s:I}", "count", (json_int_t)code_count),
                                            replace_codes,
                                            &(struct recovery_codes){code_hashes, code_count}});
}

static int mark_code_used(struct isms_db *db, const struct user_change *change)
{
    const char *code_hash = change->args;
    struct isms_stmt *st = NULL;
    char now[ISMS_TIMESTAMP_SIZE];
    int error;

    isms_time_now(now);
    if ((error = isms_db_prepare(&st, db,
                                 "UPDATE recovery_codes SET used_at = $3 WHERE id = "
                                 "(SELECT id FROM recovery_codes WHERE user_id = $1 AND "
                                 "code_hash = $2 AND used_at IS NULL LIMIT 1)")) == 0 &&
        (error = isms_stmt_bind_int64(st, 1, change->user_id)) == 0 &&
        (error = isms_stmt_bind_text(st, 2, code_hash)) == 0 &&
        (error = isms_stmt_bind_text(st, 3, now)) == 0 && (error = isms_stmt_step(st)) >= 0)
        error = isms_stmt_changes(st) == 1
                    ? 0
                    : isms_error_set(ISMS_EAUTH, _("wrong or already used recovery code"));
    isms_stmt_finalize(st);
    return error;
}

int isms_store_recovery_use(struct isms_store *store, int64_t user_id, const char *code_hash,
                            const struct isms_actor *actor)
{
    return change_user(
        store, actor,
        (struct user_change){user_id, "user.recovery_code.use", NULL, mark_code_used, code_hash});
}

static int read_seeds(void *item, struct isms_stmt *st)
{
    struct isms_user_totp_seeds *seeds = item;

    seeds->user_id = isms_stmt_int64(st, 0);
    isms_store_copy_text(seeds->secret, sizeof(seeds->secret), isms_stmt_text(st, 1));
    isms_store_copy_text(seeds->pending, sizeof(seeds->pending), isms_stmt_text(st, 2));
    return 0;
}

int isms_store_user_totp_unsealed(struct isms_user_totp_seeds **out, size_t *count,
                                  struct isms_store *store, const char *sealed_prefix)
{
    struct isms_db *db = isms_store_acquire(store);
    struct isms_user_totp_seeds *rows = NULL;
    struct isms_stmt *st = NULL;
    size_t n = 0, cap = 0;
    int error;

    if ((error = isms_db_prepare(&st, db,
                                 "SELECT id, totp_secret, totp_pending_secret FROM users "
                                 "WHERE substr(totp_secret, 1, length($1)) <> $1 "
                                 "OR substr(totp_pending_secret, 1, length($1)) <> $1 "
                                 "ORDER BY id")) < 0 ||
        (error = isms_stmt_bind_text(st, 1, sealed_prefix)) < 0)
        goto done;
    while ((error = isms_stmt_step(st)) == 1) {
        if ((error = ISMS_ARRAY_RESERVE(rows, cap, n)) < 0)
            goto done;
        read_seeds(&rows[n++], st);
    }
done:
    isms_stmt_finalize(st);
    isms_store_release(store, db);
    if (error < 0) {
        free(rows);
        return error;
    }
    *out = rows;
    *count = n;
    return 0;
}

static int bind_text_or_null(struct isms_stmt *st, int index, const char *text)
{
    return *text ? isms_stmt_bind_text(st, index, text) : isms_stmt_bind_null(st, index);
}

struct totp_reseal {
    const struct isms_user_totp_seeds *old, *sealed;
};

/* Swaps the seeds only if they are still `old` (no enrolment raced us). */
static int reseal_row(struct isms_db *db, const struct user_change *change)
{
    const struct isms_user_totp_seeds *old = ((const struct totp_reseal *)change->args)->old;
    const struct isms_user_totp_seeds *sealed = ((const struct totp_reseal *)change->args)->sealed;
    struct isms_stmt *st = NULL;
    int error;

    if ((error = isms_db_prepare(&st, db,
                                 "UPDATE users SET totp_secret = $2, totp_pending_secret = $3 "
                                 "WHERE id = $1 AND totp_secret IS $4 "
                                 "AND totp_pending_secret IS $5")) == 0 &&
        (error = isms_stmt_bind_int64(st, 1, old->user_id)) == 0 &&
        (error = bind_text_or_null(st, 2, sealed->secret)) == 0 &&
        (error = bind_text_or_null(st, 3, sealed->pending)) == 0 &&
        (error = bind_text_or_null(st, 4, old->secret)) == 0 &&
        (error = bind_text_or_null(st, 5, old->pending)) == 0)
        error = isms_stmt_step(st);
    isms_stmt_finalize(st);
    return error < 0 ? error : 0;
}

int isms_store_user_totp_reseal(struct isms_store *store, const struct isms_user_totp_seeds *old,
                                const struct isms_user_totp_seeds *sealed,
                                const struct isms_actor *actor)
{
    return change_user(store, actor,
                       (struct user_change){old->user_id, "user.totp.seal", NULL, reseal_row,
                                            &(struct totp_reseal){old, sealed}});
}

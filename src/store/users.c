#include "isms_setup.h"
#include <jansson.h>
#include "store/audit.h"
#include "store/db.h"
#include "store/store.h"
#include "store/users.h"
#include "util/error.h"

#define USER_COLUMNS                                                                              \
    "id, name, display_name, lang, is_admin, disabled, totp_secret IS NOT NULL, "                 \
    "(SELECT count(*) FROM recovery_codes r WHERE r.user_id = users.id AND r.used_at IS NULL), " \
    "created_at"
#define USER_COLUMN_COUNT 9
#define ENTITY_SIZE 80 /* "user:" + a login name */

static void copy_text(char *dst, size_t size, const char *src)
{
    snprintf(dst, size, "%s", src ? src : "");
}

static void read_user(struct isms_user *user, struct isms_stmt *st)
{
    user->id = isms_stmt_int64(st, 0);
    copy_text(user->name, sizeof(user->name), isms_stmt_text(st, 1));
    copy_text(user->display_name, sizeof(user->display_name), isms_stmt_text(st, 2));
    copy_text(user->lang, sizeof(user->lang), isms_stmt_text(st, 3));
    user->is_admin = isms_stmt_int64(st, 4) != 0;
    user->disabled = isms_stmt_int64(st, 5) != 0;
    user->totp_enabled = isms_stmt_int64(st, 6) != 0;
    user->recovery_codes_left = (int)isms_stmt_int64(st, 7);
    copy_text(user->created_at, sizeof(user->created_at), isms_stmt_text(st, 8));
}

/* Appends an audit row whose detail is `detail` (stolen; NULL for "{}"). */
static int audit(struct isms_db *db, const struct isms_actor *actor, const char *action,
                 const char *entity, json_t *detail)
{
    char *text = detail ? json_dumps(detail, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
    int error;

    if (detail && !text)
        error = isms_error_set(ISMS_ENOMEM, "out of memory");
    else
        error = isms_store_audit_append(db, actor,
                                        &(struct isms_audit_event){0, action, entity, text});
    free(text);
    json_decref(detail);
    return error;
}

/* "user:NAME" for the audit log; ISMS_ENOTFOUND when the user does not exist. */
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
static int exec_ints(struct isms_db *db, const char *sql, const int64_t *values, int count)
{
    struct isms_stmt *st = NULL;
    int error;

    if ((error = isms_db_prepare(&st, db, sql)) < 0)
        return error;
    for (int i = 0; i < count && error >= 0; i++)
        error = isms_stmt_bind_int64(st, i + 1, values[i]);
    if (error >= 0)
        error = isms_stmt_step(st);
    isms_stmt_finalize(st);
    return error < 0 ? error : 0;
}

/* Makes room in *array (elements of `size` bytes) for index n. */
static int grow(void **array, size_t *cap, size_t n, size_t size)
{
    void *grown;

    if (n < *cap)
        return 0;
    if (!(grown = realloc(*array, (*cap ? *cap * 2 : 16) * size)))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    *cap = *cap ? *cap * 2 : 16;
    *array = grown;
    return 0;
}

/* Commits when `error` is 0, rolls back otherwise; releases the connection. */
static int finish(struct isms_store *store, struct isms_db *db, int error)
{
    if (error == 0)
        error = isms_db_commit(db);
    else
        isms_db_rollback(db);
    isms_store_release(store, db);
    return error;
}

/* Starts a write about user `user_id`: a connection in a transaction and the
 * user's audit entity. On failure nothing is left open; on success the
 * caller ends with finish(). */
static int begin_user_write(struct isms_db **db_out, char entity[ENTITY_SIZE],
                            struct isms_store *store, int64_t user_id)
{
    struct isms_db *db = isms_store_acquire(store);
    int error;

    if ((error = isms_db_begin(db)) == 0 &&
        (error = user_entity(entity, ENTITY_SIZE, db, user_id)) < 0)
        isms_db_rollback(db);
    if (error < 0) {
        isms_store_release(store, db);
        return error;
    }
    *db_out = db;
    return 0;
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
        error = isms_error_set(ISMS_ECONFLICT, "a user named '%s' already exists", user->name);
    }
done:
    isms_stmt_finalize(st);
    return error;
}

int isms_store_user_insert(struct isms_store *store, struct isms_user *user,
                           const char *password_hash, const struct isms_actor *actor)
{
    struct isms_db *db = isms_store_acquire(store);
    char entity[80];
    int error;

    if ((error = isms_db_begin(db)) < 0) {
        isms_store_release(store, db);
        return error;
    }
    snprintf(entity, sizeof(entity), "user:%s", user->name);
    if ((error = insert_user_row(db, user, password_hash)) == 0)
        error = audit(db, actor, "user.create", entity,
                      json_pack("{s:s, s:s, s:b}", "name", user->name, "display_name",
                                user->display_name, "is_admin", user->is_admin));
    return finish(store, db, error);
}

#define CREDENTIAL_COLUMNS \
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
        error = name ? isms_error_set(ISMS_ENOTFOUND, "user '%s' not found", name)
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
    copy_text(out->password_hash, sizeof(out->password_hash),
              isms_stmt_text(st, USER_COLUMN_COUNT));
    copy_text(out->totp_secret, sizeof(out->totp_secret),
              isms_stmt_text(st, USER_COLUMN_COUNT + 1));
    copy_text(out->totp_pending_secret, sizeof(out->totp_pending_secret),
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
        error = isms_error_set(ISMS_ENOTFOUND, "user not found");
    }
    isms_stmt_finalize(st);
    isms_store_release(store, db);
    return error;
}

int isms_store_user_list(struct isms_user **out, size_t *count, struct isms_store *store)
{
    struct isms_db *db = isms_store_acquire(store);
    struct isms_stmt *st = NULL;
    struct isms_user *users = NULL;
    size_t n = 0, cap = 0;
    int error;

    if ((error = isms_db_prepare(&st, db, "SELECT " USER_COLUMNS " FROM users ORDER BY name")) < 0)
        goto done;
    while ((error = isms_stmt_step(st)) == 1) {
        if ((error = grow((void **)&users, &cap, n, sizeof(*users))) < 0)
            goto done;
        read_user(&users[n++], st);
    }
done:
    isms_stmt_finalize(st);
    isms_store_release(store, db);
    if (error < 0) {
        free(users);
        return error;
    }
    *out = users;
    *count = n;
    return 0;
}

int isms_store_user_count(int64_t *out, struct isms_store *store)
{
    struct isms_db *db = isms_store_acquire(store);
    struct isms_stmt *st = NULL;
    int error;

    if ((error = isms_db_prepare(&st, db, "SELECT count(*) FROM users")) == 0 &&
        (error = isms_stmt_step(st)) == 1) {
        *out = isms_stmt_int64(st, 0);
        error = 0;
    }
    isms_stmt_finalize(st);
    isms_store_release(store, db);
    return error < 0 ? error : 0;
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

int isms_store_user_set_password(struct isms_store *store, int64_t user_id, const char *hash,
                                 int64_t keep_session_id, const struct isms_actor *actor)
{
    struct isms_db *db;
    int64_t ids[2] = {user_id, keep_session_id};
    char entity[ENTITY_SIZE];
    int error;

    if ((error = begin_user_write(&db, entity, store, user_id)) < 0)
        return error;
    if ((error = set_text_column(db, "UPDATE users SET password_hash = $2 WHERE id = $1", user_id,
                                 hash)) == 0 &&
        (error = exec_ints(db, "DELETE FROM sessions WHERE user_id = $1 AND id <> $2", ids, 2)) ==
            0)
        error = audit(db, actor, "user.password", entity, NULL);
    return finish(store, db, error);
}

static int update_user_row(struct isms_db *db, const struct isms_user *user)
{
    struct isms_stmt *st = NULL;
    int error;

    if ((error = isms_db_prepare(&st, db, "UPDATE users SET display_name = $2, is_admin = $3, "
                                          "disabled = $4 WHERE id = $1")) == 0 &&
        (error = isms_stmt_bind_int64(st, 1, user->id)) == 0 &&
        (error = isms_stmt_bind_text(st, 2, user->display_name)) == 0 &&
        (error = isms_stmt_bind_int64(st, 3, user->is_admin)) == 0 &&
        (error = isms_stmt_bind_int64(st, 4, user->disabled)) == 0)
        error = isms_stmt_step(st);
    isms_stmt_finalize(st);
    return error < 0 ? error : 0;
}

int isms_store_user_update(struct isms_store *store, const struct isms_user *user,
                           const char *detail, const struct isms_actor *actor)
{
    struct isms_db *db;
    char entity[ENTITY_SIZE];
    json_t *doc;
    int error;

    if ((error = begin_user_write(&db, entity, store, user->id)) < 0)
        return error;
    doc = detail ? json_loads(detail, 0, NULL) : NULL;
    if ((error = update_user_row(db, user)) == 0 &&
        (!user->disabled ||
         (error = exec_ints(db, "DELETE FROM sessions WHERE user_id = $1", &user->id, 1)) == 0)) {
        error = audit(db, actor, "user.update", entity, doc);
        doc = NULL;
    }
    json_decref(doc);
    return finish(store, db, error);
}

int isms_store_user_set_lang(struct isms_store *store, int64_t user_id, const char *lang,
                             const struct isms_actor *actor)
{
    struct isms_db *db;
    char entity[ENTITY_SIZE];
    int error;

    if ((error = begin_user_write(&db, entity, store, user_id)) < 0)
        return error;
    if ((error = set_text_column(db, "UPDATE users SET lang = $2 WHERE id = $1", user_id, lang)) ==
            0)
        error = audit(db, actor, "user.lang", entity, json_pack("{s:s}", "lang", lang));
    return finish(store, db, error);
}

int isms_store_user_totp_pending(struct isms_store *store, int64_t user_id, const char *secret,
                                 const struct isms_actor *actor)
{
    struct isms_db *db;
    char entity[ENTITY_SIZE];
    int error;

    if ((error = begin_user_write(&db, entity, store, user_id)) < 0)
        return error;
    if ((error = set_text_column(db, "UPDATE users SET totp_pending_secret = $2 WHERE id = $1",
                                 user_id, secret)) == 0)
        error = audit(db, actor, "user.totp.begin", entity, NULL);
    return finish(store, db, error);
}

static int insert_codes(struct isms_db *db, int64_t user_id,
                        char code_hashes[][ISMS_TOKEN_TEXT_SIZE], size_t code_count)
{
    int error = exec_ints(db, "DELETE FROM recovery_codes WHERE user_id = $1", &user_id, 1);

    for (size_t i = 0; error == 0 && i < code_count; i++)
        error = set_text_column(db, "INSERT INTO recovery_codes (user_id, code_hash) "
                                    "VALUES ($1, $2)",
                                user_id, code_hashes[i]);
    return error;
}

int isms_store_user_totp_enable(struct isms_store *store, int64_t user_id, int64_t step,
                                char code_hashes[][ISMS_TOKEN_TEXT_SIZE], size_t code_count,
                                const struct isms_actor *actor)
{
    struct isms_db *db;
    int64_t values[2] = {user_id, step};
    char entity[ENTITY_SIZE];
    int error;

    if ((error = begin_user_write(&db, entity, store, user_id)) < 0)
        return error;
    if ((error = exec_ints(db,
                           "UPDATE users SET totp_secret = totp_pending_secret, "
                           "totp_pending_secret = NULL, totp_last_step = $2 WHERE id = $1",
                           values, 2)) == 0 &&
        (error = insert_codes(db, user_id, code_hashes, code_count)) == 0)
        error = audit(db, actor, "user.totp.enable", entity, NULL);
    return finish(store, db, error);
}

int isms_store_user_totp_disable(struct isms_store *store, int64_t user_id,
                                 const struct isms_actor *actor)
{
    struct isms_db *db;
    char entity[ENTITY_SIZE];
    int error;

    if ((error = begin_user_write(&db, entity, store, user_id)) < 0)
        return error;
    if ((error = exec_ints(db,
                           "UPDATE users SET totp_secret = NULL, totp_pending_secret = NULL "
                           "WHERE id = $1",
                           &user_id, 1)) == 0 &&
        (error = exec_ints(db, "DELETE FROM recovery_codes WHERE user_id = $1", &user_id, 1)) == 0)
        error = audit(db, actor, "user.totp.disable", entity, NULL);
    return finish(store, db, error);
}

int isms_store_user_totp_used(struct isms_store *store, int64_t user_id, int64_t step)
{
    struct isms_db *db = isms_store_acquire(store);
    struct isms_stmt *st = NULL;
    int error;

    /* One conditional UPDATE: of two logins racing with the same code, one wins. */
    if ((error = isms_db_prepare(&st, db, "UPDATE users SET totp_last_step = $2 "
                                          "WHERE id = $1 AND totp_last_step < $2")) == 0 &&
        (error = isms_stmt_bind_int64(st, 1, user_id)) == 0 &&
        (error = isms_stmt_bind_int64(st, 2, step)) == 0 && (error = isms_stmt_step(st)) >= 0)
        error = isms_stmt_changes(st) == 1
                    ? 0
                    : isms_error_set(ISMS_EAUTH,
                                     "this code was already used; wait for the next one");
    isms_stmt_finalize(st);
    isms_store_release(store, db);
    return error;
}

int isms_store_recovery_replace(struct isms_store *store, int64_t user_id,
                                char code_hashes[][ISMS_TOKEN_TEXT_SIZE], size_t code_count,
                                const struct isms_actor *actor)
{
    struct isms_db *db;
    char entity[ENTITY_SIZE];
    int error;

    if ((error = begin_user_write(&db, entity, store, user_id)) < 0)
        return error;
    if ((error = insert_codes(db, user_id, code_hashes, code_count)) == 0)
        error = audit(db, actor, "user.recovery_codes", entity,
                      json_pack("{s:I}", "count", (json_int_t)code_count));
    return finish(store, db, error);
}

static int mark_code_used(struct isms_db *db, int64_t user_id, const char *code_hash)
{
    struct isms_stmt *st = NULL;
    char now[ISMS_TIMESTAMP_SIZE];
    int error;

    isms_time_now(now);
    if ((error = isms_db_prepare(&st, db,
                                 "UPDATE recovery_codes SET used_at = $3 WHERE id = "
                                 "(SELECT id FROM recovery_codes WHERE user_id = $1 AND "
                                 "code_hash = $2 AND used_at IS NULL LIMIT 1)")) == 0 &&
        (error = isms_stmt_bind_int64(st, 1, user_id)) == 0 &&
        (error = isms_stmt_bind_text(st, 2, code_hash)) == 0 &&
        (error = isms_stmt_bind_text(st, 3, now)) == 0 && (error = isms_stmt_step(st)) >= 0)
        error = isms_stmt_changes(st) == 1
                    ? 0
                    : isms_error_set(ISMS_EAUTH, "wrong or already used recovery code");
    isms_stmt_finalize(st);
    return error;
}

int isms_store_recovery_use(struct isms_store *store, int64_t user_id, const char *code_hash,
                            const struct isms_actor *actor)
{
    struct isms_db *db;
    char entity[ENTITY_SIZE];
    int error;

    if ((error = begin_user_write(&db, entity, store, user_id)) < 0)
        return error;
    if ((error = mark_code_used(db, user_id, code_hash)) == 0)
        error = audit(db, actor, "user.recovery_code.use", entity, NULL);
    return finish(store, db, error);
}

static void read_seeds(struct isms_user_totp_seeds *seeds, struct isms_stmt *st)
{
    seeds->user_id = isms_stmt_int64(st, 0);
    copy_text(seeds->secret, sizeof(seeds->secret), isms_stmt_text(st, 1));
    copy_text(seeds->pending, sizeof(seeds->pending), isms_stmt_text(st, 2));
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
        if ((error = grow((void **)&rows, &cap, n, sizeof(*rows))) < 0)
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

static int reseal_row(struct isms_db *db, const struct isms_user_totp_seeds *old,
                      const struct isms_user_totp_seeds *sealed)
{
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
    struct isms_db *db;
    char entity[ENTITY_SIZE];
    int error;

    if ((error = begin_user_write(&db, entity, store, old->user_id)) < 0)
        return error;
    if ((error = reseal_row(db, old, sealed)) == 0)
        error = audit(db, actor, "user.totp.seal", entity, NULL);
    return finish(store, db, error);
}

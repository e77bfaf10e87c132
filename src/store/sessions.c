#include "isms_setup.h"
#include <jansson.h>
#include <time.h>
#include "model/actor.h"
#include "store/db.h"
#include "store/query.h"
#include "store/sessions.h"
#include "store/store.h"
#include "util/error.h"

static int insert_session_row(struct isms_db *db, int64_t *id_out,
                              const struct isms_session_row *row)
{
    struct isms_stmt *st = NULL;
    int error;

    if ((error = isms_db_prepare(&st, db,
                                 "INSERT INTO sessions (token_hash, user_id, csrf_token, "
                                 "mfa_pending, created_at, last_seen, expires_at, address, "
                                 "user_agent) VALUES ($1, $2, $3, $4, $5, $5, $6, $7, $8) "
                                 "RETURNING id")) < 0)
        return error;
    if ((error = isms_stmt_bind_text(st, 1, row->token_hash)) < 0 ||
        (error = isms_stmt_bind_int64(st, 2, row->user_id)) < 0 ||
        (error = isms_stmt_bind_text(st, 3, row->csrf)) < 0 ||
        (error = isms_stmt_bind_int64(st, 4, row->mfa_pending)) < 0 ||
        (error = isms_stmt_bind_int64(st, 5, row->created_at)) < 0 ||
        (error = isms_stmt_bind_int64(st, 6, row->expires_at)) < 0 ||
        (error = isms_stmt_bind_text(st, 7, row->address)) < 0 ||
        (error = isms_stmt_bind_text(st, 8, row->user_agent)) < 0)
        goto done;
    if ((error = isms_stmt_step(st)) == 1) {
        *id_out = isms_stmt_int64(st, 0);
        error = 0;
    }
done:
    isms_stmt_finalize(st);
    return error < 0 ? error : 0;
}

struct new_session {
    int64_t *id_out;
    const struct isms_session_row *row;
    int64_t replace_session_id;
};

/* Inserts the session, drops the one it replaces and journals the login. */
static int insert_session(struct isms_db *db, const struct isms_actor *actor, void *ctx)
{
    const struct new_session *new = ctx;
    char entity[40];
    int error;

    if ((error = insert_session_row(db, new->id_out, new->row)) < 0 ||
        (new->replace_session_id &&
         (error = isms_store_each_row(db, "DELETE FROM sessions WHERE id = $1",
                                      &new->replace_session_id, 1, NULL, NULL)) < 0))
        return error;
    snprintf(entity, sizeof(entity), "user:%s", actor->name ? actor->name : "");
    return isms_store_journal_json(db, actor, 0, "session.login", entity,
                                   json_pack("{s:b}", "mfa_pending", new->row->mfa_pending));
}

int isms_store_session_insert(struct isms_store *store, int64_t *id_out,
                              const struct isms_session_row *row, int64_t replace_session_id,
                              const struct isms_actor *actor)
{
    return isms_store_write(store, actor, NULL, insert_session,
                            &(struct new_session){id_out, row, replace_session_id});
}

int isms_store_session_find(struct isms_session *out, int64_t *last_seen, struct isms_store *store,
                            const char *token_hash)
{
    struct isms_db *db = isms_store_acquire(store);
    struct isms_stmt *st = NULL;
    int error;

    memset(out, 0, sizeof(*out));
    if ((error = isms_db_prepare(&st, db,
                                 "SELECT s.id, s.user_id, u.name, u.display_name, u.lang, "
                                 "s.csrf_token, u.is_admin, s.mfa_pending, "
                                 "u.totp_secret IS NOT NULL, s.created_at, s.expires_at, "
                                 "s.last_seen, u.must_change_password, u.time_zone "
                                 "FROM sessions s JOIN users u ON u.id = s.user_id "
                                 "WHERE s.token_hash = $1 AND u.disabled = 0")) < 0 ||
        (error = isms_stmt_bind_text(st, 1, token_hash)) < 0)
        goto done;
    if ((error = isms_stmt_step(st)) == 1) {
        out->id = isms_stmt_int64(st, 0);
        out->user_id = isms_stmt_int64(st, 1);
        isms_store_copy_text(out->name, sizeof(out->name), isms_stmt_text(st, 2));
        isms_store_copy_text(out->display_name, sizeof(out->display_name), isms_stmt_text(st, 3));
        isms_store_copy_text(out->lang, sizeof(out->lang), isms_stmt_text(st, 4));
        isms_store_copy_text(out->csrf, sizeof(out->csrf), isms_stmt_text(st, 5));
        out->is_admin = isms_stmt_int64(st, 6) != 0;
        out->mfa_pending = isms_stmt_int64(st, 7) != 0;
        out->totp_enabled = isms_stmt_int64(st, 8) != 0;
        out->created_at = isms_stmt_int64(st, 9);
        out->expires_at = isms_stmt_int64(st, 10);
        *last_seen = isms_stmt_int64(st, 11);
        out->must_change_password = isms_stmt_int64(st, 12) != 0;
        isms_store_copy_text(out->time_zone, sizeof(out->time_zone), isms_stmt_text(st, 13));
        error = 0;
    } else if (error == 0) {
        error = isms_error_set(ISMS_EAUTH, _("not signed in"));
    }
done:
    isms_stmt_finalize(st);
    isms_store_release(store, db);
    return error;
}

/* Runs one statement whose parameters $1..$count are `values`, on its own
 * connection and without a result. */
static int exec_ints(struct isms_store *store, const char *sql, const int64_t *values, size_t count)
{
    struct isms_db *db = isms_store_acquire(store);
    int error = isms_store_each_row(db, sql, values, count, NULL, NULL);

    isms_store_release(store, db);
    return error;
}

int isms_store_session_touch(struct isms_store *store, int64_t session_id, int64_t now)
{
    const int64_t values[] = {session_id, now};

    return exec_ints(store, "UPDATE sessions SET last_seen = $2 WHERE id = $1", values, 2);
}

int isms_store_session_delete(struct isms_store *store, const char *token_hash)
{
    struct isms_db *db = isms_store_acquire(store);
    struct isms_stmt *st = NULL;
    int error;

    if ((error = isms_db_prepare(&st, db, "DELETE FROM sessions WHERE token_hash = $1")) == 0 &&
        (error = isms_stmt_bind_text(st, 1, token_hash)) == 0)
        error = isms_stmt_step(st);
    isms_stmt_finalize(st);
    isms_store_release(store, db);
    return error < 0 ? error : 0;
}

int isms_store_session_delete_id(struct isms_store *store, int64_t session_id)
{
    return exec_ints(store, "DELETE FROM sessions WHERE id = $1", &session_id, 1);
}

int isms_store_session_purge(struct isms_store *store, int64_t now, int64_t idle_seconds)
{
    const int64_t values[] = {now, now - idle_seconds};

    return exec_ints(store, "DELETE FROM sessions WHERE expires_at <= $1 OR last_seen <= $2",
                     values, 2);
}

int isms_store_login_event_insert(struct isms_store *store, const struct isms_login_event_row *row)
{
    struct isms_db *db = isms_store_acquire(store);
    struct isms_stmt *st = NULL;
    int error;

    if ((error = isms_db_prepare(&st, db,
                                 "INSERT INTO login_events (user_id, name_tried, at, address, "
                                 "user_agent, result, failure) "
                                 "VALUES ($1, $2, $3, $4, $5, $6, $7)")) < 0)
        goto done;
    if ((error = row->user_id ? isms_stmt_bind_int64(st, 1, row->user_id)
                              : isms_stmt_bind_null(st, 1)) < 0 ||
        (error = isms_stmt_bind_text(st, 2, row->name_tried)) < 0 ||
        (error = isms_stmt_bind_int64(st, 3, row->at)) < 0 ||
        (error = isms_stmt_bind_text(st, 4, row->address)) < 0 ||
        (error = isms_stmt_bind_text(st, 5, row->user_agent)) < 0 ||
        (error = isms_stmt_bind_text(st, 6, row->result)) < 0 ||
        (error = isms_stmt_bind_int64(st, 7, row->failure)) < 0)
        goto done;
    error = isms_stmt_step(st);
done:
    isms_stmt_finalize(st);
    isms_store_release(store, db);
    return error < 0 ? error : 0;
}

int isms_store_login_failures(struct isms_login_failures *out, struct isms_store *store,
                              const char *name, const char *address, int64_t since)
{
    struct isms_db *db = isms_store_acquire(store);
    struct isms_stmt *st = NULL;
    int error;

    memset(out, 0, sizeof(*out));
    if ((error = isms_db_prepare(&st, db,
                                 "SELECT count(*), coalesce(max(at), 0), "
                                 "coalesce(sum(address = $2), 0), "
                                 "(SELECT count(*) FROM login_events WHERE address = $2 "
                                 "AND at >= $3 AND failure = 1) "
                                 "FROM login_events WHERE name_tried = $1 AND at >= $3 "
                                 "AND failure = 1")) < 0)
        goto done;
    if ((error = isms_stmt_bind_text(st, 1, name)) < 0 ||
        (error = isms_stmt_bind_text(st, 2, address)) < 0 ||
        (error = isms_stmt_bind_int64(st, 3, since)) < 0)
        goto done;
    if ((error = isms_stmt_step(st)) == 1) {
        out->by_name = isms_stmt_int64(st, 0);
        out->last_by_name = isms_stmt_int64(st, 1);
        out->by_name_here = isms_stmt_int64(st, 2);
        out->by_address = isms_stmt_int64(st, 3);
        error = 0;
    }
done:
    isms_stmt_finalize(st);
    isms_store_release(store, db);
    return error < 0 ? error : 0;
}

static void format_time(char out[ISMS_TIMESTAMP_SIZE], int64_t unix_seconds)
{
    time_t t = (time_t)unix_seconds;
    struct tm tm;

    if (!gmtime_r(&t, &tm) || !strftime(out, ISMS_TIMESTAMP_SIZE, "%Y-%m-%dT%H:%M:%SZ", &tm))
        out[0] = '\0';
}

static int read_login_event(void *item, struct isms_stmt *st)
{
    struct isms_login_event *e = item;

    e->id = isms_stmt_int64(st, 0);
    format_time(e->at, isms_stmt_int64(st, 1));
    isms_store_copy_text(e->address, sizeof(e->address), isms_stmt_text(st, 2));
    isms_store_copy_text(e->user_agent, sizeof(e->user_agent), isms_stmt_text(st, 3));
    isms_store_copy_text(e->result, sizeof(e->result), isms_stmt_text(st, 4));
    return 0;
}

int isms_store_login_events(struct isms_login_event **out, size_t *count, struct isms_store *store,
                            int64_t user_id, int limit)
{
    const int64_t params[] = {user_id, limit};
    const struct isms_store_select q = {
        .sql = "SELECT id, at, address, user_agent, result FROM login_events "
               "WHERE user_id = $1 ORDER BY at DESC, id DESC LIMIT $2",
        .params = params,
        .param_count = 2,
        .read = read_login_event,
        .item_size = sizeof(**out),
    };

    return isms_store_select_all(out, count, store, &q);
}

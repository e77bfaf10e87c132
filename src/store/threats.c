#include "isms_setup.h"
#include <jansson.h>
#include "isms/threat.h"
#include "store/audit.h"
#include "store/db.h"
#include "store/store.h"
#include "store/threats.h"
#include "util/error.h"

#define THREAT_COLUMNS "id, org_id, name_ja, name_en, category, description, created_at"

static void copy_text(char *dst, size_t size, const char *src)
{
    snprintf(dst, size, "%s", src ? src : "");
}

static void read_row(struct isms_own_threat *t, struct isms_stmt *st)
{
    t->id = isms_stmt_int64(st, 0);
    t->org_id = isms_stmt_int64(st, 1);
    copy_text(t->name_ja, sizeof(t->name_ja), isms_stmt_text(st, 2));
    copy_text(t->name_en, sizeof(t->name_en), isms_stmt_text(st, 3));
    copy_text(t->category, sizeof(t->category), isms_stmt_text(st, 4));
    copy_text(t->description, sizeof(t->description), isms_stmt_text(st, 5));
    copy_text(t->created_at, sizeof(t->created_at), isms_stmt_text(st, 6));
}

static int insert_row(struct isms_db *db, struct isms_own_threat *t)
{
    struct isms_stmt *st = NULL;
    int error;

    if ((error = isms_db_prepare(&st, db, "INSERT INTO threats (org_id, name_ja, name_en, "
                                          "category, description, created_at) "
                                          "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id")) < 0 ||
        (error = isms_stmt_bind_int64(st, 1, t->org_id)) < 0 ||
        (error = isms_stmt_bind_text(st, 2, t->name_ja)) < 0 ||
        (error = isms_stmt_bind_text(st, 3, t->name_en)) < 0 ||
        (error = isms_stmt_bind_text(st, 4, t->category)) < 0 ||
        (error = isms_stmt_bind_text(st, 5, t->description)) < 0 ||
        (error = isms_stmt_bind_text(st, 6, t->created_at)) < 0)
        goto done;
    if ((error = isms_stmt_step(st)) == 1) {
        t->id = isms_stmt_int64(st, 0);
        error = 0;
    } else if (error == 0) {
        error = isms_error_set(ISMS_ERROR, "inserting a threat returned no row");
    }
done:
    isms_stmt_finalize(st);
    return error;
}

static int audit_insert(struct isms_db *db, const struct isms_actor *actor,
                        const struct isms_own_threat *t)
{
    json_t *detail = json_pack("{s:s, s:s, s:s}", "name_ja", t->name_ja, "name_en", t->name_en,
                               "category", t->category);
    char *text = detail ? json_dumps(detail, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
    char entity[48];
    int error;

    snprintf(entity, sizeof(entity), "threat:%" PRId64, t->id);
    error = text ? isms_store_audit_append(db, actor,
                                           &(struct isms_audit_event){t->org_id, "threat.create",
                                                                      entity, text})
                 : isms_error_set(ISMS_ENOMEM, "out of memory");
    free(text);
    json_decref(detail);
    return error;
}

int isms_store_threat_insert(struct isms_store *store, const struct isms_actor *actor,
                             struct isms_own_threat *t)
{
    struct isms_db *db = isms_store_acquire(store);
    int error;

    if ((error = isms_db_begin(db)) < 0)
        goto done;
    if ((error = insert_row(db, t)) < 0 || (error = audit_insert(db, actor, t)) < 0) {
        isms_db_rollback(db);
        goto done;
    }
    error = isms_db_commit(db);
done:
    isms_store_release(store, db);
    return error;
}

int isms_store_threat_get(struct isms_own_threat *out, struct isms_store *store, int64_t org_id,
                          int64_t id)
{
    struct isms_db *db = isms_store_acquire(store);
    struct isms_stmt *st = NULL;
    int error;

    if ((error = isms_db_prepare(&st, db, "SELECT " THREAT_COLUMNS " FROM threats "
                                          "WHERE org_id = $1 AND id = $2")) < 0 ||
        (error = isms_stmt_bind_int64(st, 1, org_id)) < 0 ||
        (error = isms_stmt_bind_int64(st, 2, id)) < 0)
        goto done;
    if ((error = isms_stmt_step(st)) == 1) {
        read_row(out, st);
        error = 0;
    } else if (error == 0) {
        error = isms_error_set(ISMS_ENOTFOUND, "threat 'own:%" PRId64 "' not found", id);
    }
done:
    isms_stmt_finalize(st);
    isms_store_release(store, db);
    return error;
}

int isms_store_threat_list(struct isms_own_threat **out, size_t *count,
                           struct isms_store *store, int64_t org_id)
{
    struct isms_db *db = isms_store_acquire(store);
    struct isms_stmt *st = NULL;
    struct isms_own_threat *list = NULL;
    size_t n = 0, cap = 0;
    int error;

    if ((error = isms_db_prepare(&st, db, "SELECT " THREAT_COLUMNS " FROM threats "
                                          "WHERE org_id = $1 ORDER BY id")) < 0 ||
        (error = isms_stmt_bind_int64(st, 1, org_id)) < 0)
        goto done;
    while ((error = isms_stmt_step(st)) == 1) {
        if (n == cap) {
            size_t grown_cap = cap ? cap * 2 : 8;
            struct isms_own_threat *grown = realloc(list, grown_cap * sizeof(*list));
            if (!grown) {
                error = isms_error_set(ISMS_ENOMEM, "out of memory");
                goto done;
            }
            list = grown;
            cap = grown_cap;
        }
        read_row(&list[n++], st);
    }
done:
    isms_stmt_finalize(st);
    isms_store_release(store, db);
    if (error < 0) {
        free(list);
        return error;
    }
    *out = list;
    *count = n;
    return 0;
}

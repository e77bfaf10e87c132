#include "isms_setup.h"
#include <jansson.h>
#include "model/threat.h"
#include "store/db.h"
#include "store/journal.h"
#include "store/query.h"
#include "store/store.h"
#include "store/threats.h"
#include "util/error.h"

#define THREAT_COLUMNS "id, org_id, name_ja, name_en, category, description, created_at"

static int read_row(void *item, struct isms_stmt *st)
{
    struct isms_own_threat *t = item;

    t->id = isms_stmt_int64(st, 0);
    t->org_id = isms_stmt_int64(st, 1);
    isms_store_copy_text(t->name_ja, sizeof(t->name_ja), isms_stmt_text(st, 2));
    isms_store_copy_text(t->name_en, sizeof(t->name_en), isms_stmt_text(st, 3));
    isms_store_copy_text(t->category, sizeof(t->category), isms_stmt_text(st, 4));
    isms_store_copy_text(t->description, sizeof(t->description), isms_stmt_text(st, 5));
    isms_store_copy_text(t->created_at, sizeof(t->created_at), isms_stmt_text(st, 6));
    return 0;
}

static int insert_row(struct isms_db *db, struct isms_own_threat *t)
{
    struct isms_stmt *st = NULL;
    int error;

    if ((error = isms_db_prepare(&st, db,
                                 "INSERT INTO threats (org_id, name_ja, name_en, "
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

static int insert_journaled(struct isms_db *db, const struct isms_actor *actor, void *ctx)
{
    struct isms_own_threat *t = ctx;
    char entity[48];
    int error;

    if ((error = insert_row(db, t)) < 0)
        return error;
    snprintf(entity, sizeof(entity), "threat:%" PRId64, t->id);
    return isms_store_journal_json(db, actor, t->org_id, "threat.create", entity,
                                   json_pack("{s:s, s:s, s:s}", "name_ja", t->name_ja, "name_en",
                                             t->name_en, "category", t->category));
}

int isms_store_threat_insert(struct isms_store *store, const struct isms_actor *actor,
                             struct isms_own_threat *t)
{
    return isms_store_write(store, actor, NULL, insert_journaled, t);
}

int isms_store_threat_get(struct isms_own_threat *out, struct isms_store *store, int64_t org_id,
                          int64_t id)
{
    const struct isms_store_select q = {
        .sql = "SELECT " THREAT_COLUMNS " FROM threats WHERE org_id = $1 AND id = $2",
        .params = (const int64_t[]){org_id, id},
        .param_count = 2,
        .read = read_row,
    };
    int error = isms_store_select_one(out, store, &q);

    if (error == ISMS_ENOTFOUND)
        isms_error_set(error, "threat 'own:%" PRId64 "' not found", id);
    return error;
}

int isms_store_threat_list(struct isms_own_threat **out, size_t *count, struct isms_store *store,
                           int64_t org_id)
{
    const struct isms_store_select q = {
        .sql = "SELECT " THREAT_COLUMNS " FROM threats WHERE org_id = $1 ORDER BY id",
        .params = &org_id,
        .param_count = 1,
        .read = read_row,
        .item_size = sizeof(**out),
    };
    return isms_store_select_all(out, count, store, &q);
}

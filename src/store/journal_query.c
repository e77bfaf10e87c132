#include "isms_setup.h"
#include "store/db.h"
#include "store/journal_query.h"
#include "store/query.h"
#include "store/store.h"
#include "util/error.h"

static int read_entry(struct isms_journal_entry *e, struct isms_stmt *st)
{
    const char *detail = isms_stmt_text(st, 8);

    e->seq = isms_stmt_int64(st, 0);
    isms_store_copy_text(e->at, sizeof(e->at), isms_stmt_text(st, 1));
    e->org_id = isms_stmt_is_null(st, 2) ? 0 : isms_stmt_int64(st, 2);
    e->user_id = isms_stmt_int64(st, 3);
    isms_store_copy_text(e->actor_name, sizeof(e->actor_name), isms_stmt_text(st, 4));
    isms_store_copy_text(e->actor_address, sizeof(e->actor_address), isms_stmt_text(st, 5));
    isms_store_copy_text(e->action, sizeof(e->action), isms_stmt_text(st, 6));
    isms_store_copy_text(e->entity, sizeof(e->entity), isms_stmt_text(st, 7));
    if (!(e->detail = strdup(detail ? detail : "{}")))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    return 0;
}

int isms_store_journal_list(struct isms_journal_entry **out, size_t *count,
                            struct isms_store *store, int64_t org_id, int limit)
{
    struct isms_db *db = isms_store_acquire(store);
    struct isms_stmt *st = NULL;
    struct isms_journal_entry *entries = calloc((size_t)(limit > 0 ? limit : 1), sizeof(*entries));
    size_t n = 0;
    int error;

    if (!entries) {
        error = isms_error_set(ISMS_ENOMEM, "out of memory");
        goto done;
    }
    if ((error = isms_db_prepare(&st, db,
                                 org_id ? "SELECT seq, at, org_id, actor_user_id, actor_name, "
                                          "actor_address, action, entity, detail FROM journal "
                                          "WHERE org_id = $1 ORDER BY seq DESC LIMIT $2"
                                        : "SELECT seq, at, org_id, actor_user_id, actor_name, "
                                          "actor_address, action, entity, detail FROM journal "
                                          "WHERE $1 = 0 ORDER BY seq DESC LIMIT $2")) < 0 ||
        (error = isms_stmt_bind_int64(st, 1, org_id)) < 0 ||
        (error = isms_stmt_bind_int64(st, 2, limit)) < 0)
        goto done;
    while (n < (size_t)limit && (error = isms_stmt_step(st)) == 1)
        if ((error = read_entry(&entries[n++], st)) < 0)
            goto done;
done:
    isms_stmt_finalize(st);
    isms_store_release(store, db);
    if (error < 0) {
        isms_journal_entries_free(entries, n);
        return error;
    }
    *out = entries;
    *count = n;
    return 0;
}

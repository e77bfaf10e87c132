#include "isms_setup.h"
#include <jansson.h>
#include "model/soa.h"
#include "store/db.h"
#include "store/journal.h"
#include "store/soa.h"
#include "store/store.h"
#include "util/error.h"

#define SOA_COLUMNS                                                                                \
    "control_id, applicable, inclusion_basis, inclusion_justification, implementation, "           \
    "exclusion_justification, responsibility, owner, updated_at"

static int replace_text(char **field, const char *value)
{
    char *copy = strdup(value ? value : "");

    if (!copy)
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    free(*field);
    *field = copy;
    return 0;
}

static int read_row(struct isms_soa_entry *e, struct isms_stmt *st)
{
    int error;

    e->applicability = isms_stmt_int64(st, 1) ? ISMS_SOA_APPLICABLE : ISMS_SOA_NOT_APPLICABLE;
    e->inclusion_basis = (unsigned)isms_stmt_int64(st, 2) & ISMS_SOA_BASIS_ALL;
    e->implementation = ISMS_SOA_IMPL_UNSET;
    if (!isms_stmt_is_null(st, 4) &&
        (error = isms_soa_implementation_parse(&e->implementation, isms_stmt_text(st, 4))) < 0)
        return error;
    if ((error = isms_soa_responsibility_parse(&e->responsibility, isms_stmt_text(st, 6))) < 0 ||
        (error = replace_text(&e->inclusion_justification, isms_stmt_text(st, 3))) < 0 ||
        (error = replace_text(&e->exclusion_justification, isms_stmt_text(st, 5))) < 0 ||
        (error = replace_text(&e->owner, isms_stmt_text(st, 7))) < 0)
        return error;
    snprintf(e->updated_at, sizeof(e->updated_at), "%s", isms_stmt_text(st, 8));
    return 0;
}

static struct isms_soa_entry *entry_for(struct isms_soa_entry *entries, size_t count,
                                        const char *control_id)
{
    for (size_t i = 0; i < count; i++)
        if (strcmp(entries[i].control_id, control_id) == 0)
            return &entries[i];
    return NULL;
}

int isms_store_soa_fill(struct isms_store *store, int64_t org_id, const char *only_control,
                        struct isms_soa_entry *entries, size_t count)
{
    struct isms_db *db = isms_store_acquire(store);
    int error = isms_store_soa_fill_on(db, org_id, only_control, entries, count);

    isms_store_release(store, db);
    return error;
}

int isms_store_soa_fill_on(struct isms_db *db, int64_t org_id, const char *only_control,
                           struct isms_soa_entry *entries, size_t count)
{
    struct isms_stmt *st = NULL;
    int error;

    error = isms_db_prepare(&st, db,
                            only_control ? "SELECT " SOA_COLUMNS " FROM soa_entries "
                                           "WHERE org_id = $1 AND control_id = $2"
                                         : "SELECT " SOA_COLUMNS " FROM soa_entries "
                                           "WHERE org_id = $1");
    if (error < 0 || (error = isms_stmt_bind_int64(st, 1, org_id)) < 0 ||
        (only_control && (error = isms_stmt_bind_text(st, 2, only_control)) < 0))
        goto done;
    while ((error = isms_stmt_step(st)) == 1) {
        struct isms_soa_entry *e = entry_for(entries, count, isms_stmt_text(st, 0));
        /* Rows of controls no longer in the catalogs are kept but not shown. */
        if (e && (error = read_row(e, st)) < 0)
            break;
    }
done:
    isms_stmt_finalize(st);
    return error;
}

int isms_store_soa_upsert_on(struct isms_db *db, int64_t org_id, const struct isms_soa_entry *e)
{
    struct isms_stmt *st = NULL;
    int error;

    if ((error = isms_db_prepare(
             &st, db,
             "INSERT INTO soa_entries (org_id, " SOA_COLUMNS ") "
             "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) "
             "ON CONFLICT (org_id, control_id) DO UPDATE SET "
             "applicable = excluded.applicable, inclusion_basis = excluded.inclusion_basis, "
             "inclusion_justification = excluded.inclusion_justification, "
             "implementation = excluded.implementation, "
             "exclusion_justification = excluded.exclusion_justification, "
             "responsibility = excluded.responsibility, owner = excluded.owner, "
             "updated_at = excluded.updated_at")) < 0)
        goto done;
    if ((error = isms_stmt_bind_int64(st, 1, org_id)) < 0 ||
        (error = isms_stmt_bind_text(st, 2, e->control_id)) < 0 ||
        (error = isms_stmt_bind_int64(st, 3, e->applicability == ISMS_SOA_APPLICABLE)) < 0 ||
        (error = isms_stmt_bind_int64(st, 4, e->inclusion_basis)) < 0 ||
        (error = isms_stmt_bind_text(st, 5, e->inclusion_justification)) < 0 ||
        (error = isms_stmt_bind_text(st, 6, isms_soa_implementation_name(e->implementation))) < 0 ||
        (error = isms_stmt_bind_text(st, 7, e->exclusion_justification)) < 0 ||
        (error = isms_stmt_bind_text(st, 8, isms_soa_responsibility_name(e->responsibility))) < 0 ||
        (error = isms_stmt_bind_text(st, 9, e->owner)) < 0 ||
        (error = isms_stmt_bind_text(st, 10, e->updated_at)) < 0)
        goto done;
    error = isms_stmt_step(st);
done:
    isms_stmt_finalize(st);
    return error < 0 ? error : 0;
}

/* The decision as the journal records it. *out is malloc'd. */
static int decision_detail(char **out, const struct isms_soa_entry *e)
{
    const char *impl = isms_soa_implementation_name(e->implementation);
    json_t *detail = json_pack(
        "{s:b, s:i, s:s, s:s?, s:s, s:s, s:s}", "applicable",
        e->applicability == ISMS_SOA_APPLICABLE, "inclusion_basis", (json_int_t)e->inclusion_basis,
        "inclusion_justification", e->inclusion_justification, "implementation", impl,
        "exclusion_justification", e->exclusion_justification, "responsibility",
        isms_soa_responsibility_name(e->responsibility), "owner", e->owner);

    *out = detail ? json_dumps(detail, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
    json_decref(detail);
    return *out ? 0 : isms_error_set(ISMS_ENOMEM, "out of memory");
}

int isms_store_soa_upsert(struct isms_store *store, int64_t org_id, const struct isms_soa_entry *e,
                          const struct isms_actor *actor)
{
    struct isms_db *db = isms_store_acquire(store);
    char *detail = NULL;
    int error;

    if ((error = decision_detail(&detail, e)) < 0 || (error = isms_db_begin(db)) < 0)
        goto done;
    if ((error = isms_store_soa_upsert_on(db, org_id, e)) < 0 ||
        (error = isms_store_journal_append(
             db, actor,
             &(struct isms_journal_event){org_id, "soa.decide", e->control_id, detail})) < 0) {
        isms_db_rollback(db);
        goto done;
    }
    error = isms_db_commit(db);
done:
    free(detail);
    isms_store_release(store, db);
    return error;
}

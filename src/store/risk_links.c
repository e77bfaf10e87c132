#include "isms_setup.h"
#include <jansson.h>
#include "model/risk_link.h"
#include "store/db.h"
#include "store/risk_links.h"
#include "store/risk_rows.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/error.h"

/* --- links --- */

/* The customer side's journal detail: which provider risk it now depends on. */
static json_t *link_detail(int64_t provider_org_id, int64_t provider_risk_id)
{
    if (!provider_org_id)
        return json_pack("{s:n}", "provider_org");
    return json_pack("{s:I, s:I}", "provider_org", (json_int_t)provider_org_id, "provider_risk",
                     (json_int_t)provider_risk_id);
}

struct risk_link {
    int64_t org_id;
    int64_t risk_id;
    int64_t provider_org_id; /* 0: unlink */
    int64_t provider_risk_id;
};

static int write_link(struct isms_db *db, const struct risk_link *l)
{
    struct isms_stmt *st = NULL;
    char now[ISMS_TIMESTAMP_SIZE];
    int error;

    isms_time_now(now);
    if ((error = isms_db_prepare(&st, db,
                                 "UPDATE risks SET provider_org_id = $3, "
                                 "provider_risk_id = $4, updated_at = $5 "
                                 "WHERE org_id = $1 AND id = $2")) < 0 ||
        (error = isms_stmt_bind_int64(st, 1, l->org_id)) < 0 ||
        (error = isms_stmt_bind_int64(st, 2, l->risk_id)) < 0 ||
        (error = l->provider_org_id ? isms_stmt_bind_int64(st, 3, l->provider_org_id)
                                    : isms_stmt_bind_null(st, 3)) < 0 ||
        (error = l->provider_org_id ? isms_stmt_bind_int64(st, 4, l->provider_risk_id)
                                    : isms_stmt_bind_null(st, 4)) < 0 ||
        (error = isms_stmt_bind_text(st, 5, now)) < 0)
        goto done;
    if ((error = isms_stmt_step(st)) >= 0 && isms_stmt_changes(st) == 0)
        error = isms_store_risk_not_found(l->risk_id);
done:
    isms_stmt_finalize(st);
    return error < 0 ? error : 0;
}

/* The provider side's journal row: which customer org linked to (or left) its
 * risk - the customer's risk id is not the provider's to know. */
static int journal_provider(struct isms_db *db, const struct isms_actor *actor, int64_t org_id,
                            int64_t provider_org_id, int64_t provider_risk_id, bool linked)
{
    if (!provider_org_id)
        return 0;
    return isms_store_risk_journal(
        db, actor, provider_org_id, "risk.linked", provider_risk_id,
        json_pack("{s:I, s:b}", "customer_org", (json_int_t)org_id, "linked", linked));
}

/* The provider risk must still be shared when the link is written. */
static int check_shared(struct isms_db *db, const struct risk_link *l)
{
    int64_t shared;
    int error;

    if (!l->provider_org_id)
        return 0;
    if ((error = isms_store_query_int64(&shared, db,
                                        "SELECT count(*) FROM risks WHERE org_id = $1 "
                                        "AND id = $2 AND shared = 1",
                                        (const int64_t[]){l->provider_org_id, l->provider_risk_id},
                                        2)) < 0)
        return error;
    return shared ? 0
                  : isms_error_set(ISMS_ENOTFOUND, "shared risk %" PRId64 " not found",
                                   l->provider_risk_id);
}

static int link_journaled(struct isms_db *db, const struct isms_actor *actor, void *ctx)
{
    const struct risk_link *l = ctx;
    struct isms_risk old;
    bool changed;
    int error;

    if ((error = isms_store_risk_select(&old, db, SELECT_RISK, l->org_id, l->risk_id)) < 0 ||
        (error = check_shared(db, l)) < 0 || (error = write_link(db, l)) < 0 ||
        (error = isms_store_risk_journal(
             db, actor, l->org_id, l->provider_org_id ? "risk.link" : "risk.unlink", l->risk_id,
             link_detail(l->provider_org_id, l->provider_risk_id))) < 0)
        goto done;
    changed = old.provider_org_id != l->provider_org_id ||
              old.provider_risk_id != l->provider_risk_id;
    if (changed && (error = journal_provider(db, actor, l->org_id, old.provider_org_id,
                                             old.provider_risk_id, false)) < 0)
        goto done;
    if (changed)
        error = journal_provider(db, actor, l->org_id, l->provider_org_id, l->provider_risk_id,
                                 true);
done:
    isms_risk_release(&old);
    return error;
}

int isms_store_risk_link(struct isms_store *store, int64_t org_id, int64_t risk_id,
                         int64_t provider_org_id, int64_t provider_risk_id,
                         const struct isms_actor *actor)
{
    struct risk_link l = {org_id, risk_id, provider_org_id, provider_risk_id};

    return isms_store_write(store, actor, NULL, link_journaled, &l);
}

static int read_dependent(void *item, struct isms_stmt *st)
{
    struct isms_risk_dependent *d = item;

    d->org_id = isms_stmt_int64(st, 0);
    isms_store_copy_text(d->org_slug, sizeof(d->org_slug), isms_stmt_text(st, 1));
    isms_store_copy_text(d->org_name, sizeof(d->org_name), isms_stmt_text(st, 2));
    d->risk_count = isms_stmt_int64(st, 3);
    return 0;
}

int isms_store_risk_dependents(struct isms_risk_dependent **out, size_t *count,
                               struct isms_store *store, int64_t org_id, int64_t risk_id)
{
    /* Only the customer orgs' names and counts: see isms/risk_link.h. */
    const struct isms_store_select q = {
        .sql = "SELECT o.id, o.slug, o.name, count(*) FROM risks c "
               "JOIN orgs o ON o.id = c.org_id "
               "WHERE c.provider_org_id = $1 AND c.provider_risk_id = $2 "
               "GROUP BY o.id, o.slug, o.name ORDER BY o.name",
        .params = (const int64_t[]){org_id, risk_id},
        .param_count = 2,
        .read = read_dependent,
        .item_size = sizeof(**out),
    };

    return isms_store_select_all(out, count, store, &q);
}

struct linked_visit {
    isms_store_risk_linked_fn visit;
    void *ctx;
    size_t count;
};

/* A row of LINKED_SHARED: the provider's risk, then the index of the
 * customer's risk among the ids given, the provider's slug and name. */
static int read_linked(void *ctx, struct isms_stmt *st)
{
    const struct linked_visit *v = ctx;
    struct isms_risk shared = {0};
    struct isms_org provider = {0};
    int64_t index = isms_stmt_int64(st, RISK_COLUMN_COUNT);
    int error;

    if (index < 0 || (size_t)index >= v->count)
        ISMS_BUG("json_each returned an index outside its array");
    if ((error = isms_store_risk_read(&shared, st)) >= 0) {
        provider.id = shared.org_id;
        isms_store_copy_text(provider.slug, sizeof(provider.slug),
                             isms_stmt_text(st, RISK_COLUMN_COUNT + 1));
        isms_store_copy_text(provider.name, sizeof(provider.name),
                             isms_stmt_text(st, RISK_COLUMN_COUNT + 2));
        error = v->visit(v->ctx, (size_t)index, &provider, &shared);
    }
    isms_risk_release(&shared);
    return error;
}

/* The ids travel as one JSON array bound to $2, so the statement text is
 * the same for every page (one cached statement) and the customer's risks
 * are still read only through `c.org_id = $1`; the provider's risk must be
 * shared by the org the link names (see isms/risk_link.h). */
#define LINKED_SHARED                                                                              \
    "SELECT " RISK_COLUMNS ", j.key, o.slug, o.name FROM json_each($2) j "                         \
    "JOIN risks c ON c.org_id = $1 AND c.id = j.value "                                            \
    "JOIN risks r ON r.org_id = c.provider_org_id AND r.id = c.provider_risk_id "                  \
    "AND r.shared = 1 JOIN orgs o ON o.id = r.org_id"

int isms_store_risk_linked_shared(struct isms_store *store, int64_t org_id, const int64_t *risk_ids,
                                  size_t count, isms_store_risk_linked_fn visit, void *ctx)
{
    struct linked_visit v = {visit, ctx, count};
    struct isms_buf ids = ISMS_BUF_INIT(count * 21 + 3);
    struct isms_db *db;
    int error = isms_buf_putc(&ids, '[');

    for (size_t i = 0; i < count && error >= 0; i++)
        error = isms_buf_printf(&ids, i ? ",%" PRId64 : "%" PRId64, risk_ids[i]);
    if (error >= 0)
        error = isms_buf_putc(&ids, ']');
    if (error < 0 || count == 0) {
        isms_buf_release(&ids);
        return error < 0 ? error : 0;
    }
    db = isms_store_acquire(store);
    error = isms_store_each_row_text(db, LINKED_SHARED, org_id, isms_buf_cstr(&ids), NULL,
                                     read_linked, &v);
    isms_store_release(store, db);
    isms_buf_release(&ids);
    return error;
}

int isms_store_risk_shared_list(struct isms_risk_list *out, struct isms_store *store,
                                int64_t provider_org_id, int64_t limit, int64_t offset)
{
    return isms_store_risk_read_list(
        out, store, "SELECT count(*) FROM risks WHERE org_id = $1 AND shared = 1",
        "SELECT " RISK_COLUMNS " FROM risks r WHERE r.org_id = $1 AND r.shared = 1 "
        "ORDER BY r.id LIMIT $2 OFFSET $3",
        (const int64_t[]){provider_org_id, limit, offset}, 3);
}

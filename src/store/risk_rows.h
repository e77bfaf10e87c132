/*
 * What the store files about risks share (store/risks.c, risk_search.c,
 * risk_treatment.c, risk_links.c): the column list of a risk row and the
 * readers and journal helpers built on it. Only files under src/store/
 * include this header.
 */
#ifndef ISMS_STORE_RISK_ROWS_H
#define ISMS_STORE_RISK_ROWS_H

#include <jansson.h>
#include "model/risk.h"
#include "store/query.h"

struct isms_db;
struct isms_stmt;
struct isms_store;
struct isms_actor;

/* Column order matters: isms_store_risk_read() reads them by position. */
#define RISK_COLUMNS                                                                               \
    "r.id, r.org_id, r.title, r.threat_source, r.threat_id, r.risk_source, r.event, "              \
    "r.consequence, r.owner, r.matrix_key, r.likelihood, r.impact, r.vulnerability, "              \
    "r.level, r.band, r.treatment, r.residual_likelihood, r.residual_impact, "                     \
    "r.residual_vulnerability, r.residual_level, r.residual_band, r.residual_acceptable, "         \
    "r.accepted_by, r.accepted_at, r.shared, r.provider_org_id, r.provider_risk_id, "              \
    "r.created_at, r.updated_at, "                                                                 \
    "(SELECT count(*) FROM risk_treatment_items t WHERE t.org_id = r.org_id "                      \
    "AND t.risk_id = r.id AND t.status IN ('planned', 'in_progress')), "                           \
    "r.accepted_by_user_id, "                                                                      \
    "(SELECT count(*) FROM risk_treatment_items t WHERE t.org_id = r.org_id "                      \
    "AND t.risk_id = r.id AND t.status <> 'cancelled'), "                                          \
    "r.accepted_comment, r.accepted_level, r.accepted_on_behalf, r.accepted_reason, "              \
    "r.accepted_overdue_items, r.number, r.owner_user_id"
#define RISK_COLUMN_COUNT 39
#define SELECT_RISK "SELECT " RISK_COLUMNS " FROM risks r WHERE r.org_id = $1 AND r.id = $2"

/* ISMS_ENOTFOUND naming risk `id`. */
int isms_store_risk_not_found(int64_t id);

/* Fills the struct isms_risk `item` (zeroed) from a row of RISK_COLUMNS. */
int isms_store_risk_read(void *item, struct isms_stmt *st);

/* Fills *out (zeroed first) with risk `id` of org `org_id` selected by
 * `sql` ($1 org, $2 id); ISMS_ENOTFOUND when there is no such row. */
int isms_store_risk_select(struct isms_risk *out, struct isms_db *db, const char *sql,
                           int64_t org_id, int64_t id);

/* A page of risks: room for `limit` rows, filled by isms_store_risk_page_add(). */
int isms_store_risk_page_init(struct isms_risk_list *list, int64_t limit);
int isms_store_risk_page_add(void *ctx, struct isms_stmt *st);

/* Reads a page of risks and the total: `count_sql` takes $1 = params[0]
 * (the org), `rows_sql` every parameter, $2 = params[1] being its LIMIT. */
int isms_store_risk_read_list(struct isms_risk_list *out, struct isms_store *store,
                              const char *count_sql, const char *rows_sql, const int64_t *params,
                              size_t param_count);

/* isms_store_each_row() for a query with a text parameter: $1 org_id,
 * $2 `text` and, when `limit` is not NULL, $3 *limit. */
int isms_store_each_row_text(struct isms_db *db, const char *sql, int64_t org_id, const char *text,
                             const int64_t *limit, isms_store_row_fn visit, void *ctx);

/* A row visitor storing column 0 into the int64_t `ctx`. */
int isms_store_read_count(void *ctx, struct isms_stmt *st);

/* Appends `action` on "risk:ID" to the journal; `detail` (may be NULL) is
 * taken over. */
int isms_store_risk_journal(struct isms_db *db, const struct isms_actor *actor, int64_t org_id,
                            const char *action, int64_t risk_id, json_t *detail);

/* What the journal records of a created or updated risk (new reference). */
json_t *isms_store_risk_detail(const struct isms_risk *r);

/* ISMS_ECONFLICT ("cannot `what` risk N: ...") while customers' risks link
 * to risk `risk_id` of the provider `org_id`. */
int isms_store_risk_refuse_if_depended_on(struct isms_db *db, int64_t org_id, int64_t risk_id,
                                          const char *what);

#endif

/*
 * SQL that finds risks: filtered pages of the register, the heat map counts
 * and the dashboard's figures, each filtered by org_id.
 */
#ifndef ISMS_STORE_RISK_SEARCH_H
#define ISMS_STORE_RISK_SEARCH_H

struct isms_store;
struct isms_risk_filter;
struct isms_risk_list;
struct isms_risk_cell;

/* Rows matching `filter` (limit/offset applied, already clamped) and the
 * total count. Items have no asset/control lists. */
int isms_store_risk_list(struct isms_risk_list *out, struct isms_store *store, int64_t org_id,
                         const struct isms_risk_filter *filter);

/* The number of org `org_id`'s risks per (likelihood, impact, vulnerability)
 * among those assessed on matrix `matrix_key` (residual scores when
 * `residual`), with one GROUP BY; *other_out gets the number of risks on
 * other matrices. *out is malloc'd (free() it). */
int isms_store_risk_heatmap(struct isms_risk_cell **out, size_t *count, int64_t *other_out,
                            struct isms_store *store, int64_t org_id, const char *matrix_key,
                            bool residual);

/* How many of org `org_id`'s risks are in each band: inherent[band - 1] by
 * level, residual[band - 1] by residual level (risks without residual
 * scores count in inherent only). Two GROUP BY queries on the org. */
int isms_store_risk_band_counts(int64_t inherent[3], int64_t residual[3], struct isms_store *store,
                                int64_t org_id);

/* Risks of org `org_id` whose owner still has to accept the residual risk
 * (residual level above the acceptance criteria, not accepted), highest
 * residual level first, at most `limit`; out->total counts them all. */
int isms_store_risk_awaiting_acceptance(struct isms_risk_list *out, struct isms_store *store,
                                        int64_t org_id, int64_t limit);

#endif

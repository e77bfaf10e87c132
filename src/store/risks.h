/*
 * SQL for the risk register (domain rules live in isms/risk*.c). Every
 * statement filters by org_id; a risk of another org is "not found".
 */
#ifndef ISMS_STORE_RISKS_H
#define ISMS_STORE_RISKS_H

struct isms_store;
struct isms_actor;
struct isms_risk;
struct isms_risk_filter;
struct isms_risk_list;
struct isms_risk_treatment_item;
struct isms_risk_plan_row;
struct isms_risk_dependent;
struct isms_risk_cell;
struct isms_soa_entry;
struct isms_org;

/* Inserts `risk` (computed fields set by the domain) with its assets, sets
 * risk->id and journals "risk.create", in one transaction. ISMS_ENOTFOUND
 * when an asset id is not one of the org's. */
int isms_store_risk_insert(struct isms_store *store, struct isms_risk *risk,
                           const struct isms_actor *actor);

/* Fills the i-th risk of a bulk insert (org_id is set); the store releases it. */
typedef int (*isms_store_risk_next_fn)(struct isms_risk *out, size_t index, void *ctx);

/* Inserts `count` risks of org `org_id` produced by `next`, all in one
 * transaction with one journal event ("risk.import"): all or none. */
int isms_store_risk_insert_many(int64_t *first_id_out, struct isms_store *store, int64_t org_id,
                                size_t count, isms_store_risk_next_fn next, void *ctx,
                                const struct isms_actor *actor);

/* Replaces the inputs and computed fields of risk->id and its assets; when
 * `clear_acceptance`, drops the owner's acceptance. When risk->shared is
 * false and customers' risks link to it: ISMS_ECONFLICT. Journals "risk.update". */
int isms_store_risk_update(struct isms_store *store, const struct isms_risk *risk,
                           bool clear_acceptance, const struct isms_actor *actor);

/* Fills *out with the row, assets, controls, open item count and the
 * number of customers' risks linking to it. ISMS_ENOTFOUND if org `org_id`
 * has no risk `id`. */
int isms_store_risk_get(struct isms_risk *out, struct isms_store *store, int64_t org_id,
                        int64_t id);

/* The row only of risk `id` of org `org_id` when it is shared (for the
 * provider view of a link); ISMS_ENOTFOUND otherwise. */
int isms_store_risk_get_shared(struct isms_risk *out, struct isms_store *store, int64_t org_id,
                               int64_t id);

/* An acceptance as stored (isms/risk.c decides who may give one). */
struct isms_risk_acceptance {
    const char *accepted_by; /* the name shown */
    int64_t accepted_by_user_id; /* the signed-in owner; 0: CLI or on the owner's behalf */
    const char *accepted_at;
    bool on_behalf_of_owner; /* the actor recorded it for the owner */
    const char *comment;     /* the owner's words; may be NULL */
    int residual_level;      /* what was accepted */
    const char *reason;      /* why on the owner's behalf; NULL otherwise */
    int overdue_items;       /* plan items overdue at that moment */
};

/* The user `name` (login or display name) names, when they may own risks of
 * org `org_id`: an enabled member of it, or a system administrator. Sets
 * *user_id (0 when none) and `shown` (the display name, else the login). */
int isms_store_risk_owner_find(int64_t *user_id, char *shown, size_t shown_size,
                               struct isms_store *store, int64_t org_id, const char *name);

/* *out: open plan items of risk `risk_id` due before `today` (YYYY-MM-DD). */
int isms_store_risk_overdue_count(int64_t *out, struct isms_store *store, int64_t org_id,
                                  int64_t risk_id, const char *today);

/* Records the owner's acceptance, journaled as "risk.accept". ISMS_ENOTFOUND
 * if no such risk. */
int isms_store_risk_accept(struct isms_store *store, int64_t org_id, int64_t id,
                           const struct isms_risk_acceptance *acceptance,
                           const struct isms_actor *actor);

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

/* --- selected controls and the SoA --- */

/* What the domain decides for the SoA entry of a control a risk selects
 * or drops (see isms/risk_treatment.c). */
struct isms_store_soa_change {
    bool added;          /* the risk now selects the control (else it dropped it) */
    int64_t other_risks; /* other risks of the org selecting the control */
    bool changed;        /* out: the entry was modified and must be stored */
    bool was_excluded;   /* out: an excluded control became applicable */
};
typedef int (*isms_store_soa_merge_fn)(struct isms_soa_entry *entry,
                                       struct isms_store_soa_change *change, void *ctx);

/* In one transaction: makes risk `risk_id` select exactly the entries whose
 * `selected[i]` is true among `entries` (entries not listed are left as they
 * are); for each control added or dropped, re-reads its SoA entry, lets
 * `merge` update it and stores it, journaled as "soa.decide"; journals
 * "risk.controls". With `delete_risk`, also deletes the risk afterwards
 * (ISMS_ECONFLICT while customers' risks link to it), journaled "risk.delete". */
int isms_store_risk_controls_apply(struct isms_store *store, int64_t org_id, int64_t risk_id,
                                   struct isms_soa_entry *entries, const bool *selected,
                                   size_t count, isms_store_soa_merge_fn merge, void *ctx,
                                   bool delete_risk, const struct isms_actor *actor);

/* --- the treatment plan --- */

/* Items of risk `risk_id` by due date. *out is malloc'd (free() it). */
int isms_store_risk_items(struct isms_risk_treatment_item **out, size_t *count,
                          struct isms_store *store, int64_t org_id, int64_t risk_id);

/* Inserts (item->id == 0) or updates item->id of item->risk_id; sets id and
 * timestamps are the caller's. ISMS_ENOTFOUND for an unknown risk or item. */
int isms_store_risk_item_save(struct isms_store *store, struct isms_risk_treatment_item *item,
                              const struct isms_actor *actor);
int isms_store_risk_item_delete(struct isms_store *store, int64_t org_id, int64_t risk_id,
                                int64_t item_id, const struct isms_actor *actor);

/* Every item of org `org_id` with its risk, by due date. *out is malloc'd;
 * isms_risk_plan_release() frees it. */
int isms_store_risk_plan(struct isms_risk_plan_row **out, size_t *count,
                         struct isms_store *store, int64_t org_id);

/* --- links between organizations --- */

/* Sets (provider_org_id != 0) or clears the link of risk `risk_id`. The
 * provider risk must still be shared inside the transaction, else
 * ISMS_ENOTFOUND. Journaled as "risk.link" for both orgs. */
int isms_store_risk_link(struct isms_store *store, int64_t org_id, int64_t risk_id,
                         int64_t provider_org_id, int64_t provider_risk_id,
                         const struct isms_actor *actor);

/* Customer orgs with risks linked to risk `risk_id` of org `org_id`, and
 * how many. *out is malloc'd (free() it). */
int isms_store_risk_dependents(struct isms_risk_dependent **out, size_t *count,
                               struct isms_store *store, int64_t org_id, int64_t risk_id);

/* Called for the i-th of the ids given to isms_store_risk_linked_shared
 * whose link leads to a risk its provider still shares: `provider` has
 * only id, slug and name; `shared` is the row (no asset/control lists),
 * borrowed for the call. Runs on a borrowed connection: it must not go
 * back to the store. */
typedef int (*isms_store_risk_linked_fn)(void *ctx, size_t index, const struct isms_org *provider,
                                         const struct isms_risk *shared);

/* The provider risks that risks risk_ids[0..count) of org `org_id` link
 * to, in one query (a page of the list, not one query per risk). Only
 * risks the provider org still shares are read; ids of other orgs, unlinked
 * risks and links to risks no longer shared are skipped. */
int isms_store_risk_linked_shared(struct isms_store *store, int64_t org_id,
                                  const int64_t *risk_ids, size_t count,
                                  isms_store_risk_linked_fn visit, void *ctx);

/* Shared risks of org `provider_org_id` (the rows only, by id). */
int isms_store_risk_shared_list(struct isms_risk_list *out, struct isms_store *store,
                                int64_t provider_org_id, int64_t limit, int64_t offset);

/* --- the dashboard --- */

/* How many of org `org_id`'s risks are in each band: inherent[band - 1] by
 * level, residual[band - 1] by residual level (risks without residual
 * scores count in inherent only). Two GROUP BY queries on the org. */
int isms_store_risk_band_counts(int64_t inherent[3], int64_t residual[3],
                                struct isms_store *store, int64_t org_id);

/* Treatment plan items of org `org_id` still planned or in progress whose
 * due date is before `today` ("YYYY-MM-DD"), earliest first, at most
 * `limit` of them; *total gets how many there are. *out is malloc'd;
 * isms_risk_plan_release() frees it. */
int isms_store_risk_overdue_items(struct isms_risk_plan_row **out, size_t *count,
                                  int64_t *total, struct isms_store *store, int64_t org_id,
                                  const char *today, int64_t limit);

/* Risks of org `org_id` whose owner still has to accept the residual risk
 * (residual level above the acceptance criteria, not accepted), highest
 * residual level first, at most `limit`; out->total counts them all. */
int isms_store_risk_awaiting_acceptance(struct isms_risk_list *out, struct isms_store *store,
                                        int64_t org_id, int64_t limit);

#endif

/*
 * SQL for a risk's treatment: the controls it selects (with their SoA entries,
 * in one transaction) and its treatment plan items (isms/risk_treatment.c
 * decides).
 */
#ifndef ISMS_STORE_RISK_TREATMENT_H
#define ISMS_STORE_RISK_TREATMENT_H

struct isms_store;
struct isms_actor;
struct isms_risk_treatment_item;
struct isms_risk_plan_row;
struct isms_soa_entry;

/* *out: open plan items of risk `risk_id` due before `today` (YYYY-MM-DD). */
int isms_store_risk_overdue_count(int64_t *out, struct isms_store *store, int64_t org_id,
                                  int64_t risk_id, const char *today);

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
int isms_store_risk_plan(struct isms_risk_plan_row **out, size_t *count, struct isms_store *store,
                         int64_t org_id);

/* Treatment plan items of org `org_id` still planned or in progress whose
 * due date is before `today` ("YYYY-MM-DD"), earliest first, at most
 * `limit` of them; *total gets how many there are. *out is malloc'd;
 * isms_risk_plan_release() frees it. */
int isms_store_risk_overdue_items(struct isms_risk_plan_row **out, size_t *count, int64_t *total,
                                  struct isms_store *store, int64_t org_id, const char *today,
                                  int64_t limit);

#endif

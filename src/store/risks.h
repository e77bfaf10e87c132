/*
 * SQL for the risk register: a risk's row and assets, written and read, and
 * the owner's acceptance (rules live in isms/risk.c). Every statement filters
 * by org_id; a risk of another org is "not found". Lists and counts are
 * store/risk_search.h, controls and the plan store/risk_treatment.h, links
 * between organizations store/risk_links.h.
 */
#ifndef ISMS_STORE_RISKS_H
#define ISMS_STORE_RISKS_H

struct isms_store;
struct isms_actor;
struct isms_risk;

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
    const char *accepted_by;     /* the name shown */
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

/* Records the owner's acceptance, journaled as "risk.accept". ISMS_ENOTFOUND
 * if no such risk. */
int isms_store_risk_accept(struct isms_store *store, int64_t org_id, int64_t id,
                           const struct isms_risk_acceptance *acceptance,
                           const struct isms_actor *actor);

#endif

/*
 * SQL for links between a customer's risk and the provider's shared risk it
 * depends on (isms/risk_link.c decides what each side sees).
 */
#ifndef ISMS_STORE_RISK_LINKS_H
#define ISMS_STORE_RISK_LINKS_H

struct isms_store;
struct isms_actor;
struct isms_risk;
struct isms_risk_list;
struct isms_risk_dependent;
struct isms_org;

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
int isms_store_risk_linked_shared(struct isms_store *store, int64_t org_id, const int64_t *risk_ids,
                                  size_t count, isms_store_risk_linked_fn visit, void *ctx);

/* Shared risks of org `provider_org_id` (the rows only, by id). */
int isms_store_risk_shared_list(struct isms_risk_list *out, struct isms_store *store,
                                int64_t provider_org_id, int64_t limit, int64_t offset);

#endif

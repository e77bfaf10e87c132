/*
 * The information asset register (情報資産台帳, ISO/IEC 27001:2022 A.5.9): what
 * the organization holds, who is accountable for it, how it is classified,
 * its confidentiality / integrity / availability values (1 low .. 3 high),
 * where it lives (including which registered cloud service) and how long it
 * is kept, with the date it is due for deletion (A.8.10).
 */
#ifndef ISMS_ISMS_ASSET_H
#define ISMS_ISMS_ASSET_H

#include "model/asset.h"
#include "model/retention.h"

struct isms_store;
struct isms_actor;

/* Checks `in` without touching the store (the cloud service is checked on
 * write). ISMS_EINVALID / ISMS_ETOOBIG with a message naming the field;
 * `field_out` (may be NULL) receives that field's API name. */
int isms_asset_check(const struct isms_asset_input *in, const char **field_out);

/* The deletion due date `in` gets when stored on `today`. */
bool isms_asset_due(struct isms_date *out, const struct isms_asset_input *in,
                    const struct isms_date *today);

/* Validates and stores a new asset of org `org_id`; *out is the stored row
 * (release it). ISMS_EINVALID naming the field, also for a cloud service
 * that is not the org's. Journaled as `actor`'s. */
int isms_asset_create(struct isms_asset *out, struct isms_store *store, int64_t org_id,
                      const struct isms_asset_input *in, const struct isms_actor *actor);

/* Stores `count` validated inputs in one transaction with one journal event
 * ("asset.import"): all or none. The bulk path of CSV import and of
 * benchmarks. *first_id_out (may be NULL) gets the first new id; the others
 * follow in order. */
int isms_asset_create_many(int64_t *first_id_out, struct isms_store *store, int64_t org_id,
                           const struct isms_asset_input *inputs, size_t count,
                           const struct isms_actor *actor);

/* Replaces asset `id` of org `org_id` (PUT semantics); the due date is
 * recomputed. ISMS_ENOTFOUND when the org has no such asset. */
int isms_asset_update(struct isms_asset *out, struct isms_store *store, int64_t org_id, int64_t id,
                      const struct isms_asset_input *in, const struct isms_actor *actor);

int isms_asset_delete(struct isms_store *store, int64_t org_id, int64_t id,
                      const struct isms_actor *actor);

/* ISMS_ENOTFOUND when org `org_id` has no asset `id`. */
int isms_asset_get(struct isms_asset *out, struct isms_store *store, int64_t org_id, int64_t id);

/* One page of org `org_id`'s assets by id. A limit of 0 means the default;
 * a limit above ISMS_ASSET_LIST_MAX is ISMS_EINVALID. Release the page. */
int isms_asset_list(struct isms_asset_page *out, struct isms_store *store, int64_t org_id,
                    const struct isms_asset_filter *filter);
int isms_asset_each(struct isms_store *store, int64_t org_id,
                    const struct isms_asset_filter *filter, isms_asset_visit_fn visit, void *ctx);

#endif

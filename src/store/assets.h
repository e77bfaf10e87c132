/* SQL for the information asset register (domain rules live in isms/asset.c). */
#ifndef ISMS_STORE_ASSETS_H
#define ISMS_STORE_ASSETS_H

#include "model/asset.h"

struct isms_store;
struct isms_actor;

/* Inserts `count` validated inputs of org `org_id` with their due dates
 * (`dues[i]` unset: none) and `now` as created/updated time, in one
 * transaction with one prepared statement. One journal event: "asset.create"
 * with the asset's fields when `bulk` is false, else "asset.import" with the
 * count and id range. A cloud service that is not the org's is
 * ISMS_EINVALID (with the row index for bulk writes). *first_id gets the
 * first new id; the others follow consecutively. */
int isms_store_asset_insert(int64_t *first_id, struct isms_store *store, int64_t org_id,
                            const struct isms_asset_input *inputs, const struct isms_date *dues,
                            size_t count, const char *now, bool bulk,
                            const struct isms_actor *actor);

/* Rewrites asset `id` of org `org_id`, journaled. ISMS_ENOTFOUND if none. */
int isms_store_asset_update(struct isms_store *store, int64_t org_id, int64_t id,
                            const struct isms_asset_input *in, const struct isms_date *due,
                            const char *now, const struct isms_actor *actor);

int isms_store_asset_delete(struct isms_store *store, int64_t org_id, int64_t id,
                            const struct isms_actor *actor);

/* *out is filled with owned strings (isms_asset_release). */
int isms_store_asset_get(struct isms_asset *out, struct isms_store *store, int64_t org_id,
                         int64_t id);

/* Streams the matching assets of org `org_id` to `visit` (see
 * isms_asset_each); filter->limit 0 means no limit. */
int isms_store_asset_query(struct isms_store *store, int64_t org_id,
                           const struct isms_asset_filter *filter, isms_asset_visit_fn visit,
                           void *ctx);

/* How many assets of org `org_id` match (limit and offset ignored). */
int isms_store_asset_count(int64_t *out, struct isms_store *store, int64_t org_id,
                           const struct isms_asset_filter *filter);

#endif

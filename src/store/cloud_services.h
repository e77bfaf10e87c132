/* SQL for the cloud service register (domain rules live in isms/cloud_service.c). */
#ifndef ISMS_STORE_CLOUD_SERVICES_H
#define ISMS_STORE_CLOUD_SERVICES_H

struct isms_store;
struct isms_cloud_service;
struct isms_actor;

/* Inserts `s` (org_id and every field set), sets s->id and journals it as
 * `actor`'s, in one transaction. ISMS_ECONFLICT when the org already has a
 * service of that name. */
int isms_store_cloud_service_insert(struct isms_store *store, struct isms_cloud_service *s,
                                    const struct isms_actor *actor);

/* Rewrites service s->id of org s->org_id (s is not changed), journaled. */
int isms_store_cloud_service_update(struct isms_store *store, struct isms_cloud_service *s,
                                    const struct isms_actor *actor);

/* ISMS_ENOTFOUND when org `org_id` has no service `id`; ISMS_ECONFLICT while
 * assets are stored in it. Journaled. */
int isms_store_cloud_service_delete(struct isms_store *store, int64_t org_id, int64_t id,
                                    const struct isms_actor *actor);

/* Fills every stored field (not the computed judgement). */
int isms_store_cloud_service_get(struct isms_cloud_service *out, struct isms_store *store,
                                 int64_t org_id, int64_t id);

/* All services of org `org_id` by name; *out is owned by the caller (free()). */
int isms_store_cloud_service_list(struct isms_cloud_service **out, size_t *count,
                                  struct isms_store *store, int64_t org_id);

/* Services whose contract_end is on or before `until`, soonest first, at most
 * `limit` (1..); *out is owned by the caller (free()). */
int isms_store_cloud_contracts_ending(struct isms_cloud_service **out, size_t *count,
                                      struct isms_store *store, int64_t org_id, const char *until,
                                      int limit);

#endif

/*
 * Organizations: each runs its own ISMS as a cloud service customer (CSC),
 * provider (CSP) or both. Every other record belongs to exactly one org.
 */
#ifndef ISMS_ISMS_ORG_H
#define ISMS_ISMS_ORG_H

#include "model/org.h"

struct isms_store;
struct isms_actor;

/* Creates an org. `slug` may be NULL: one is derived from the name (ASCII
 * letters and digits) or "org-N". Fills *out with the stored row.
 * ISMS_EINVALID for a bad name/slug, ISMS_ECONFLICT for a taken slug.
 * The creation is journaled as `actor`'s. */
int isms_org_create(struct isms_org *out, struct isms_store *store, const char *name,
                    const char *slug, enum isms_org_role role, const struct isms_actor *actor);

/* Renames org `id` and/or changes its slug (NULL or "" keeps a field): the
 * same rules as creation; ISMS_ECONFLICT for a slug in use. The change is
 * journaled as `actor`'s. Fills *out. Old links with the old slug answer 404. */
int isms_org_update(struct isms_org *out, struct isms_store *store, int64_t id, const char *name,
                    const char *slug, const struct isms_actor *actor);

/* Looks an org up by numeric id or slug ("12" or "acme"). ISMS_ENOTFOUND if none. */
int isms_org_find(struct isms_org *out, struct isms_store *store, const char *id_or_slug);
int isms_org_get(struct isms_org *out, struct isms_store *store, int64_t id);

/* All orgs ordered by id. *out is owned by the caller: free() it. */
int isms_org_list(struct isms_org **out, size_t *count, struct isms_store *store);

#endif

/* SQL for organizations (domain rules live in isms/org.c). */
#ifndef ISMS_STORE_ORGS_H
#define ISMS_STORE_ORGS_H

struct isms_store;
struct isms_org;
struct isms_actor;

/* Inserts `org` (slug, name, role, created_at), sets org->id and journals it
 * as `actor`'s, in one transaction. ISMS_ECONFLICT when the slug is taken. */
int isms_store_org_insert(struct isms_store *store, struct isms_org *org,
                          const struct isms_actor *actor);

/* Writes org->name and org->slug of org->id (`old` is what they were, for the
 * journal), journaled as "org.update"; ISMS_ECONFLICT for a slug in use. */
int isms_store_org_update(struct isms_store *store, const struct isms_org *org,
                          const struct isms_org *old, const struct isms_actor *actor);

/* ISMS_ENOTFOUND when there is no such org. */
int isms_store_org_by_id(struct isms_org *out, struct isms_store *store, int64_t id);
int isms_store_org_by_slug(struct isms_org *out, struct isms_store *store, const char *slug);

/* The providers of org `org_id`: provider orgs (csp or both, not itself)
 * that a cloud service of its register names, or that one of its risks
 * already depends on; by name. *out is owned by the caller (free()). */
int isms_store_org_providers(struct isms_org **out, size_t *count, struct isms_store *store,
                             int64_t org_id);

/* All orgs by id; *out is owned by the caller (free()). */
int isms_store_org_list(struct isms_org **out, size_t *count, struct isms_store *store);

#endif

/*
 * SQL of the deletion due list and the deletion records (rules in
 * isms/deletion.c). Every statement filters by org_id.
 */
#ifndef ISMS_STORE_DELETIONS_H
#define ISMS_STORE_DELETIONS_H

#include "model/deletion.h"

struct isms_store;
struct isms_actor;

/* Every asset with a retention rule that is not permanent, by due date
 * (those without one last), with the date of its latest deletion record;
 * `status` is left to the caller. *out: free(). */
int isms_store_deletion_due(struct isms_deletion_due **out, size_t *count, struct isms_store *store,
                            int64_t org_id);

/* The records, newest first; of asset `asset_id` only when it is not 0. */
int isms_store_deletion_records(struct isms_deletion_record **out, size_t *count,
                                struct isms_store *store, int64_t org_id, int64_t asset_id);

/* Stores a record (r->what may be "" for an asset: its name is taken),
 * journaled "deletion.record". ISMS_ENOTFOUND for an asset of another org. */
int isms_store_deletion_record_add(int64_t *id_out, struct isms_store *store, int64_t org_id,
                                   const struct isms_deletion_record *r,
                                   const struct isms_actor *actor);

#endif

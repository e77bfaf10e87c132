/* SQL for Statement of Applicability rows (domain rules live in isms/soa.c). */
#ifndef ISMS_STORE_SOA_H
#define ISMS_STORE_SOA_H

struct isms_store;
struct isms_soa_entry;
struct isms_actor;
struct isms_db;

/* Fills the decided fields of those `entries` (control_id already set) that
 * org `org_id` has a stored row for; `only_control` restricts the query to
 * one control (NULL: all). Entries without a row are left untouched. */
int isms_store_soa_fill(struct isms_store *store, int64_t org_id, const char *only_control,
                        struct isms_soa_entry *entries, size_t count);

/* The same read on a connection the caller holds (e.g. inside a write
 * transaction, so a read-modify-write of an entry cannot lose an update). */
int isms_store_soa_fill_on(struct isms_db *db, int64_t org_id, const char *only_control,
                           struct isms_soa_entry *entries, size_t count);

/* Inserts or replaces the decision of entry->control_id for org `org_id`
 * and appends it to the journal, in one transaction. */
int isms_store_soa_upsert(struct isms_store *store, int64_t org_id,
                          const struct isms_soa_entry *entry, const struct isms_actor *actor);

/* The same write on a connection already inside a transaction (for callers
 * that change the SoA as part of a larger change, e.g. risk treatment);
 * the caller appends the journal event. */
int isms_store_soa_upsert_on(struct isms_db *db, int64_t org_id,
                             const struct isms_soa_entry *entry);

#endif

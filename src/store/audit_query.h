/* Reading the audit log back (the chain itself is store/audit.h). */
#ifndef ISMS_STORE_AUDIT_QUERY_H
#define ISMS_STORE_AUDIT_QUERY_H

#include "store/audit.h"
#include "util/time.h"

struct isms_store;

struct isms_audit_entry {
    int64_t seq;
    char at[ISMS_TIMESTAMP_SIZE];
    int64_t org_id; /* 0: none */
    int64_t user_id;
    char actor_name[80];
    char actor_address[64];
    char action[64];
    char entity[160];
    char *detail; /* JSON text, owned by the array (isms_audit_entries_free) */
};

/* The newest `limit` rows, newest first; only `org_id`'s when it is not 0.
 * Free *out with isms_audit_entries_free. */
int isms_store_audit_list(struct isms_audit_entry **out, size_t *count, struct isms_store *store,
                          int64_t org_id, int limit);
void isms_audit_entries_free(struct isms_audit_entry *entries, size_t count);

#endif

/* Reading the journal back (the chain itself is store/journal.h). */
#ifndef ISMS_STORE_JOURNAL_QUERY_H
#define ISMS_STORE_JOURNAL_QUERY_H

#include "store/journal.h"
#include "util/time.h"

struct isms_store;

struct isms_journal_entry {
    int64_t seq;
    char at[ISMS_TIMESTAMP_SIZE];
    int64_t org_id; /* 0: none */
    int64_t user_id;
    char actor_name[80];
    char actor_address[64];
    char action[64];
    char entity[160];
    char *detail; /* JSON text, owned by the array (isms_journal_entries_free) */
};

/* The newest `limit` rows, newest first; only `org_id`'s when it is not 0.
 * Free *out with isms_journal_entries_free. */
int isms_store_journal_list(struct isms_journal_entry **out, size_t *count, struct isms_store *store,
                          int64_t org_id, int limit);
void isms_journal_entries_free(struct isms_journal_entry *entries, size_t count);

#endif

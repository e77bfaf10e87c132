/* Reading the journal back (the chain itself is store/journal.h). */
#ifndef ISMS_STORE_JOURNAL_QUERY_H
#define ISMS_STORE_JOURNAL_QUERY_H

#include "model/journal.h"

struct isms_store;

/* The newest `limit` rows, newest first; only `org_id`'s when it is not 0.
 * Free *out with isms_journal_entries_free. */
int isms_store_journal_list(struct isms_journal_entry **out, size_t *count,
                            struct isms_store *store, int64_t org_id, int limit);

#endif

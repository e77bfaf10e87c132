/*
 * The journal (the hash-chained change log): reading it back and checking
 * the chain. Every write that matters appends to it in its own transaction
 * (store/journal.h); this is what the command line and the API read.
 */
#ifndef ISMS_ISMS_JOURNAL_H
#define ISMS_ISMS_JOURNAL_H

#include "model/journal.h"

struct isms_store;

#define ISMS_JOURNAL_LIST_DEFAULT 50
#define ISMS_JOURNAL_LIST_MAX 10000

/* The newest `limit` rows (0: the default), newest first; only those about
 * org `org_id` when it is not 0. ISMS_EINVALID for a limit outside
 * 1..ISMS_JOURNAL_LIST_MAX. Free *out with isms_journal_entries_free. */
int isms_journal_list(struct isms_journal_entry **out, size_t *count, struct isms_store *store,
                      int64_t org_id, int64_t limit);

/* Recomputes the whole chain: 0 whether or not it is intact (see
 * report->first_bad), negative only when the check itself failed. */
int isms_journal_verify(struct isms_journal_report *report, struct isms_store *store);

#endif

#include "isms_setup.h"
#include "isms/journal.h"
#include "store/journal.h"
#include "store/journal_query.h"
#include "util/error.h"

int isms_journal_list(struct isms_journal_entry **out, size_t *count, struct isms_store *store,
                      int64_t org_id, int64_t limit)
{
    if (limit == 0)
        limit = ISMS_JOURNAL_LIST_DEFAULT;
    if (limit < 1 || limit > ISMS_JOURNAL_LIST_MAX)
        return isms_error_set(ISMS_EINVALID, _("'limit' must be 1 to %d"), ISMS_JOURNAL_LIST_MAX);
    return isms_store_journal_list(out, count, store, org_id, (int)limit);
}

int isms_journal_verify(struct isms_journal_report *report, struct isms_store *store)
{
    return isms_store_journal_verify(report, store);
}

#include "isms_setup.h"
#include "model/journal.h"

void isms_journal_entries_free(struct isms_journal_entry *entries, size_t count)
{
    if (!entries)
        return;
    for (size_t i = 0; i < count; i++)
        free(entries[i].detail);
    free(entries);
}

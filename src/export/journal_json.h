/* A journal row as JSON, the same for `isms journal list --json` and the API. */
#ifndef ISMS_EXPORT_JOURNAL_JSON_H
#define ISMS_EXPORT_JOURNAL_JSON_H

#include <jansson.h>
#include "model/journal.h"

/* {"seq", "at", "org_id" (null when none), "user_id", "actor", "address",
 * "action", "entity", "detail" (the recorded JSON)}; NULL when memory is out. */
json_t *isms_json_journal_entry(const struct isms_journal_entry *e);

#endif

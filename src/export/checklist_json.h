/* Checklists (isms/checklist.h) as the API's JSON. */
#ifndef ISMS_EXPORT_CHECKLIST_JSON_H
#define ISMS_EXPORT_CHECKLIST_JSON_H

#include <jansson.h>
#include "model/checklist.h"

/* {"key", "name": {"ja", "en"}, "control", "source", "builtin", "item_count"}
 * and, when `with_items`, "items": [{"no", "control", "text": {"ja", "en"}}]. */
json_t *isms_json_checklist_template(const struct isms_checklist_template *t, bool with_items);
/* {"id", "template", "name": {...}, "title", "control", "started_by",
 * "started_at", "updated_at", "counts": {"open", "ok", "ng", "na"}} */
json_t *isms_json_checklist_run(const struct isms_checklist_run *r);
json_t *isms_json_checklist_result(const struct isms_checklist_result *r);

#endif

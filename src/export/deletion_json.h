/* Deletion due list, records and retention templates as the API's JSON. */
#ifndef ISMS_EXPORT_DELETION_JSON_H
#define ISMS_EXPORT_DELETION_JSON_H

#include <jansson.h>
#include "catalog/retention_templates.h"
#include "model/deletion.h"

/* {"asset_id", "name", "owner", "retention_period", "retention_basis",
 * "due" (null when not known), "deleted_on" (null), "status", "law" (the
 * template the rule matches, null)} */
json_t *isms_json_deletion_due(const struct isms_deletion_due *d);
json_t *isms_json_deletion_record(const struct isms_deletion_record *r);
json_t *isms_json_retention_template(const struct isms_retention_template *t);

#endif

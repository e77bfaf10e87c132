/* Evidence of a control or an incident as JSON. */
#ifndef ISMS_EXPORT_EVIDENCE_JSON_H
#define ISMS_EXPORT_EVIDENCE_JSON_H

#include <jansson.h>
#include "model/evidence.h"

/* {"id", "name", "url", "sha256", "size", "added_by", "added_at"} */
json_t *isms_json_evidence(const struct isms_evidence *e);

#endif

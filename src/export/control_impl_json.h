/* Control implementation records as JSON, for the API and `isms control`. */
#ifndef ISMS_EXPORT_CONTROL_IMPL_JSON_H
#define ISMS_EXPORT_CONTROL_IMPL_JSON_H

#include <jansson.h>
#include "export/evidence_json.h"
#include "isms/control_impl.h"

/* {"basic": {"ja", "en"}, "standard": ..., "advanced": ...}. */
json_t *isms_json_control_levels(const struct isms_control_guidance *g);

/* The guidance of one control: {"id": "8.16", "control_id": "A.8.16",
 * "title": {"ja", "en"}, "levels": {...}}. */
json_t *isms_json_control_guidance(const struct isms_control_guidance *g);

/* {"id" (catalog id), "control_id" (SoA id), "title", "theme", "new",
 * "status", "level", "target_level", "owner", "due", "last_review",
 * "next_review", "review_interval_months", "notes", "evidence_count",
 * "updated_at", "guidance" (levels or null)}. */
json_t *isms_json_control_row(const struct isms_control_row *row);

json_t *isms_json_control_level_change(const struct isms_control_level_change *c);

/* Reads a change from a JSON body: "status", "level", "target_level",
 * "owner", "due", "last_review", "review_due", "notes" (strings, "" clears)
 * and "review_interval_months" (an integer); absent fields are kept.
 * Strings are borrowed from `body`. ISMS_EINVALID naming a bad field. */
int isms_json_control_change(struct isms_control_impl_change *out, const json_t *body);

#endif

/* Events and incidents as JSON (the API and `isms incident ... --json`). */
#ifndef ISMS_EXPORT_INCIDENT_JSON_H
#define ISMS_EXPORT_INCIDENT_JSON_H

#include <jansson.h>
#include "isms/incident.h"
#include "model/incident.h"

/* {"id", "kind", "type", "signature", "source", "name", "origin", "line",
 *  "sample", "first_at", "last_at", "count", "indicator_id", "incident_id"} */
json_t *isms_json_event(const struct isms_event *e);
/* {"id", "title", "description", "severity", "status", "opened_at",
 *  "opened_by", "closed_at", "updated_at", "event_count"} */
json_t *isms_json_incident(const struct isms_incident *i);
/* The incident with "timeline", "links", "evidence" and "events". */
json_t *isms_json_incident_detail(const struct isms_incident_detail *d);
json_t *isms_json_incident_link(const struct isms_incident_link *l);

#endif

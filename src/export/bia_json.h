/* The business impact analysis (isms/bia.h) as the API's JSON. */
#ifndef ISMS_EXPORT_BIA_JSON_H
#define ISMS_EXPORT_BIA_JSON_H

#include <jansson.h>
#include "isms/bia.h"

/* Durations appear twice: "rto": "4h" (null when not known) and
 * "rto_minutes": 240 (null likewise). NULL when out of memory. */
json_t *isms_json_bia_process(const struct isms_bia_process *p);
json_t *isms_json_bia_dependency(const struct isms_bia_dependency *d);
json_t *isms_json_bia_contact(const struct isms_bia_contact *c);
json_t *isms_json_bia_exercise(const struct isms_bia_exercise *e);
json_t *isms_json_bia_gap(const struct isms_bia_gap *g);

/* {"processes": [process + "dependencies": [...]], "gaps": [...],
 * "contacts": [...], "exercises": [...]} */
json_t *isms_json_bia(const struct isms_bia *bia);

#endif

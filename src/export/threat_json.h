/*
 * JSON forms of threats, shared by the API and `isms threat list --json`.
 * Built-in and own threats share one shape so a client can list them together:
 * {"ref": "enisa:R9", "source", "id", "name_ja", "name_en", "category",
 *  "summary_ja", "summary_en", ...} (x1601 adds "party", ipa "rank" and
 *  "edition"; own threats carry "description" and "created_at").
 */
#ifndef ISMS_EXPORT_THREAT_JSON_H
#define ISMS_EXPORT_THREAT_JSON_H

#include <jansson.h>

struct isms_threat;
struct isms_threat_source;
struct isms_own_threat;
struct isms_threat_input;

/* New references, or NULL when out of memory. */
json_t *isms_json_threat(const struct isms_threat *t);
json_t *isms_json_own_threat(const struct isms_own_threat *t);
/* {"key", "name_en", "name_ja", "edition", "count"} */
json_t *isms_json_threat_source(const struct isms_threat_source *s);

/* Reads {"name_ja", "name_en", "category", "description"} (strings or null).
 * Strings are borrowed from `body`. ISMS_EINVALID naming a non-string member. */
int isms_json_threat_input(struct isms_threat_input *out, const json_t *body);

#endif

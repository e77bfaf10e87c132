/*
 * JSON representations shared by the REST API and `isms ... --json` / the
 * JSON export, so both always agree. Every function returns a new reference
 * (json_decref() it) or NULL when out of memory.
 */
#ifndef ISMS_EXPORT_JSON_H
#define ISMS_EXPORT_JSON_H

#include <jansson.h>

struct isms_org;
struct isms_catalog;
struct isms_control;
struct isms_soa;
struct isms_soa_entry;

/* {"id", "slug", "name", "role", "created_at"} */
json_t *isms_json_org(const struct isms_org *org);

/* {"key", "name_en", "name_ja", "count"} plus "controls": [...] when asked. */
json_t *isms_json_catalog(const struct isms_catalog *catalog, bool with_controls);

/* {"id", "group", "title_en", "title_ja", "summary_en", "summary_ja",
 *  "attributes": {...} (2022 only), "cloud_guidance": {"csc","csp"},
 *  "related": [...], "new_in_2022"} */
json_t *isms_json_control(const struct isms_control *control, const char *catalog_key);

/* {"control_id", "catalog", "title_en", "title_ja", "applicable" (true/false/null),
 *  "inclusion_basis": [...], "inclusion_justification", "implementation" (string/null),
 *  "exclusion_justification", "responsibility", "owner", "updated_at" (string/null),
 *  "cloud_guidance": {"csc","csp"}} */
json_t *isms_json_soa_entry(const struct isms_soa_entry *entry);

/* {"org": {...}, "summary": {"controls", "undecided", "applicable",
 *  "not_applicable", "implemented"}, "entries": [...]} */
json_t *isms_json_soa(const struct isms_soa *soa);

/* Reads an SoA decision from a JSON object as isms_json_soa_entry writes it
 * (control_id, titles and timestamps are ignored). Strings in *out are
 * borrowed from `body`. ISMS_EINVALID naming the field on a bad value. */
struct isms_soa_decision;
int isms_json_soa_decision(struct isms_soa_decision *out, const json_t *body);

#endif

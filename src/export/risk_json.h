/*
 * JSON forms of risks, shared by the API and `isms risk ... --json`.
 *
 * A risk: {"id", "title", "threat" ("enisa:R9" | null), "risk_source", "event",
 *  "consequence", "owner", "matrix", "likelihood", "impact", "vulnerability",
 *  "level", "band", "treatment" (string | null),
 *  "residual": {"likelihood", "impact", "vulnerability", "level", "band",
 *               "acceptable"} | null,
 *  "acceptance": {"accepted_by", "accepted_at"} | null, "acceptance_required",
 *  "status", "open_items", "shared", "assets": [ids], "controls": [SoA ids],
 *  "provider": null | {"available": false, "org": {"id"}, "risk": {"id"}}
 *            | {"available": true, "org": {"id", "slug", "name"},
 *               "risk": {"id", "title", "level", "band", "treatment", "status"}},
 *  "dependents": [{"org": {"id", "slug", "name"}, "risks": N}] (shared risks),
 *  "created_at", "updated_at"}
 * List items leave out assets, controls, dependents and the long texts.
 *
 * Builders return a new reference or NULL when out of memory.
 */
#ifndef ISMS_EXPORT_RISK_JSON_H
#define ISMS_EXPORT_RISK_JSON_H

#include <jansson.h>

struct isms_risk;
struct isms_risk_input;
struct isms_risk_list;
struct isms_risk_dependent;
struct isms_risk_provider_view;
struct isms_risk_treatment_item;
struct isms_risk_item_input;

json_t *isms_json_risk(const struct isms_risk *r, const struct isms_risk_dependent *deps,
                       size_t dep_count);

/* {"total", "limit", "offset", "risks": [...]} */
json_t *isms_json_risk_list(const struct isms_risk_list *list, int64_t limit, int64_t offset);

/* {"org": {...}, "risk": {...}} of a shared risk as a customer sees it. */
json_t *isms_json_risk_provider_view(const struct isms_risk_provider_view *v);

/* {"id", "risk_id", "action", "owner", "due_date", "status", "created_at", "updated_at"} */
json_t *isms_json_risk_item(const struct isms_risk_treatment_item *item);

/* Reads a risk as isms_json_risk writes it (derived members ignored).
 * Strings in *out are borrowed from `body`; asset ids go to *assets_out
 * (malloc'd, free() it, NULL when none). ISMS_EINVALID naming the member. */
int isms_json_risk_input(struct isms_risk_input *out, int64_t **assets_out, const json_t *body);

/* Reads {"action", "owner", "due_date", "status"}; strings borrowed. */
int isms_json_risk_item_input(struct isms_risk_item_input *out, const json_t *body);

#endif

/*
 * The JSON form of a risk matrix, shared by the API, `isms matrix show
 * --json` and `isms matrix define FILE`: what isms_json_risk_matrix writes,
 * isms_json_risk_matrix_definition reads back (derived members ignored).
 *
 * {"key", "id" (custom only), "builtin", "name_ja", "name_en", "method",
 *  "likelihood": SCALE, "impact": SCALE, "vulnerability": SCALE (ATV only),
 *  "acceptance_threshold", "bands": {"medium_from", "high_from"},
 *  derived: "levels": {"min", "max"}, "table": [[level per impact] per likelihood]
 *  (not for the ATV method)}
 * SCALE = {"min", "max", "name": {"ja", "en"}, "labels": [{"value", "ja", "en"}...]}
 */
#ifndef ISMS_EXPORT_RISK_MATRIX_JSON_H
#define ISMS_EXPORT_RISK_MATRIX_JSON_H

#include <jansson.h>

struct isms_risk_matrix;

/* A new reference, or NULL when out of memory. */
json_t *isms_json_risk_matrix(const struct isms_risk_matrix *m);

/* Reads a custom matrix definition and validates it (isms_risk_matrix_validate).
 * ISMS_EINVALID / ISMS_ETOOBIG with a message naming the member otherwise. */
int isms_json_risk_matrix_definition(struct isms_risk_matrix *out, const json_t *body);

#endif

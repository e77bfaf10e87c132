/* The JSON form of the cloud service register, shared by the API and the CLI. */
#ifndef ISMS_EXPORT_CLOUD_SERVICE_JSON_H
#define ISMS_EXPORT_CLOUD_SERVICE_JSON_H

#include <jansson.h>

struct isms_cloud_service;
struct isms_cloud_service_input;

/* {"id", "name", "provider", "provider_org": {"id", "name"} | null,
 *  "service_model", "responsibility": {"csp": [...], "csc": [...], "notes"},
 *  "department", "managed_by", "risk_assessment", "purpose", "cost_bearer",
 *  "shadow_category": 1-4, "judgement": "legitimate" | "shadow",
 *  "shadow_reasons": [...], "notes", "created_at", "updated_at"}.
 * New reference, NULL when out of memory. */
json_t *isms_json_cloud_service(const struct isms_cloud_service *service);

/* Reads a service as isms_json_cloud_service writes it; "responsibility_notes"
 * is read flat. "provider_org" may be an org id (number) or an id/slug
 * (string): it is returned in *provider_org (NULL when absent or null,
 * pointing into `body` or `id_buf`) for the caller to resolve; the input's
 * provider_org_id stays 0. Strings are borrowed from `body`. ISMS_EINVALID
 * naming the field. */
int isms_json_cloud_service_input(struct isms_cloud_service_input *out, const char **provider_org,
                                  char id_buf[24], const json_t *body);

#endif

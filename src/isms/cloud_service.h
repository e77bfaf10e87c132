/*
 * The cloud service register (ISO/IEC 27001:2022 A.5.23, ISO/IEC 27017): every
 * cloud service the organization uses, its provider, service model and the
 * responsibility split that follows from it, who manages it, whether its
 * risks were assessed, whether its use is within the approved purpose and who
 * pays. From the last four follows the shadow-cloud (野良クラウド) category
 * 1-4 and whether the use is legitimate (正規) or shadow (野良).
 */
#ifndef ISMS_ISMS_CLOUD_SERVICE_H
#define ISMS_ISMS_CLOUD_SERVICE_H

#include "model/cloud_service.h"

struct isms_store;
struct isms_actor;

/* The shadow-cloud table of the 11-new-controls guide (5.23): a personal
 * contract is category 4; otherwise IT-managed 1, department-managed 2,
 * individual 3. Only category 1 with a completed risk assessment and use
 * within the approved purpose is legitimate. Pure; aborts on values outside
 * the enums. */
void isms_cloud_judge(struct isms_cloud_judgement *out, enum isms_cloud_managed_by managed_by,
                      enum isms_cloud_risk_assessment risk, enum isms_cloud_purpose purpose,
                      enum isms_cloud_cost_bearer cost);

/* The layers of a service the provider and the customer secure under a
 * service model (facility ... data); NULL-terminated static lists. */
const char *const *isms_cloud_model_csp_layers(enum isms_cloud_model model);
const char *const *isms_cloud_model_csc_layers(enum isms_cloud_model model);

/* Validates `in` and stores a new service of org `org_id`; *out is the stored
 * row. ISMS_EINVALID naming the field, ISMS_ECONFLICT when the org already
 * has a service of that name. Journaled as `actor`'s. */
int isms_cloud_service_create(struct isms_cloud_service *out, struct isms_store *store,
                              int64_t org_id, const struct isms_cloud_service_input *in,
                              const struct isms_actor *actor);

/* Replaces service `id` of org `org_id` with `in` (PUT semantics). */
int isms_cloud_service_update(struct isms_cloud_service *out, struct isms_store *store,
                              int64_t org_id, int64_t id, const struct isms_cloud_service_input *in,
                              const struct isms_actor *actor);

/* ISMS_ECONFLICT while assets still name the service. */
int isms_cloud_service_delete(struct isms_store *store, int64_t org_id, int64_t id,
                              const struct isms_actor *actor);

/* ISMS_ENOTFOUND when org `org_id` has no service `id`. */
int isms_cloud_service_get(struct isms_cloud_service *out, struct isms_store *store, int64_t org_id,
                           int64_t id);

/* All services of org `org_id` by name; *out is owned by the caller (free()). */
int isms_cloud_service_list(struct isms_cloud_service **out, size_t *count,
                            struct isms_store *store, int64_t org_id);

/* Services of org `org_id` whose contract ends on or before `until`
 * ("YYYY-MM-DD"), soonest first, at most `limit`; *out owned (free()). */
int isms_cloud_service_contracts_ending(struct isms_cloud_service **out, size_t *count,
                                        struct isms_store *store, int64_t org_id, const char *until,
                                        int limit);

#endif

/*
 * Linked risks across organizations (seed 002, "リスクアセスメントの連携"):
 * a cloud service customer's risk may depend on a risk of its provider,
 * e.g. the customer's "backup unusable after data loss" on the provider's
 * "backup contains vendor-specific software (lock-in)".
 *
 * A provider (role csp or both) marks some of its risks `shared`. A
 * customer (csc or both) may link its risk to a shared risk of another
 * organization. What each side sees of the other:
 *
 *   customer, on its risk: the provider's name and slug, the provider
 *   risk's id, title, level, band, treatment option and status - what it
 *   needs to judge whether the dependency is handled, nothing of the
 *   provider's assets, scores, owner, plan or other risks;
 *
 *   provider, on its shared risk: which customer organizations link to it
 *   and how many of their risks do - it needs to know whom a change of the
 *   risk affects (ISO/IEC 27017 CLD.12.1.5 / 6.3.1 shared roles), and it
 *   knows its customers anyway. Not the customers' risk titles: a
 *   customer's register describes its own assets and weaknesses, which it
 *   never agreed to disclose by linking.
 *
 * Anything else of the other organization stays unreadable: risk ids of
 * another org are "not found" everywhere else.
 */
#ifndef ISMS_ISMS_RISK_LINK_H
#define ISMS_ISMS_RISK_LINK_H

#include "isms/risk.h"
#include "model/risk_link.h"

/* Links risk `risk_id` of org `org_id` to risk `provider_risk_id` of
 * `provider` (id or slug), or unlinks it when `provider` is NULL. The
 * customer must be csc/both (ISMS_EINVALID), the provider another org
 * (ISMS_EINVALID) that is a provider of the customer as
 * isms_risk_shared_list says (ISMS_ENOTFOUND), the provider risk shared
 * (ISMS_ENOTFOUND: a risk that is not shared is "not found", like one that
 * does not exist). Fills *out. */
int isms_risk_link_set(struct isms_risk *out, struct isms_store *store, int64_t org_id,
                       int64_t risk_id, const char *provider, int64_t provider_risk_id,
                       const struct isms_actor *actor);

/* Customer orgs depending on risk `risk_id` of org `org_id`. *out is
 * malloc'd (free() it). */
int isms_risk_dependents(struct isms_risk_dependent **out, size_t *count, struct isms_store *store,
                         int64_t org_id, int64_t risk_id);

/* The provider orgs a customer org `org_id` may browse and link to (the
 * rule of isms_risk_shared_list), by name. *out is malloc'd (free() it). */
int isms_risk_providers(struct isms_org **out, size_t *count, struct isms_store *store,
                        int64_t org_id);

/* The shared risks of `provider` (id or slug) as customer org `org_id` may
 * see them (items carry only the fields of struct isms_risk_provider_view).
 * ISMS_ENOTFOUND unless `provider` is a provider of the org: a cloud service
 * of its register names it, or one of its risks depends on it already. */
int isms_risk_shared_list(struct isms_risk_provider_view **out, size_t *count, int64_t *total,
                          struct isms_store *store, int64_t org_id, const char *provider,
                          int64_t limit, int64_t offset);

#endif

/*
 * Statement of Applicability (ISO/IEC 27001 6.1.3 d, JIP-ISMS517 A.4): for
 * every ISO/IEC 27001:2022 Annex A control and every ISO/IEC 27017 CLD
 * control, whether it applies and why, whether it is implemented, why it is
 * excluded, and whether the customer (CSC), the provider (CSP) or both carry it.
 *
 * SoA control ids are "A.5.23" for Annex A and "CLD.6.3.1" for 27017.
 */
#ifndef ISMS_ISMS_SOA_H
#define ISMS_ISMS_SOA_H

#include "isms/org.h"
#include "model/soa.h"

struct isms_control;
struct isms_actor;

/* The responsibility an org carries unless it decides otherwise. */
enum isms_soa_responsibility isms_soa_default_responsibility(enum isms_org_role role);

/* Number of controls an SoA covers (93 Annex A + the CLD controls). */
size_t isms_soa_control_count(void);

/* Resolves a user-given id ("A.5.23", "5.23", "CLD.6.3.1", case-insensitive
 * prefix) to the canonical SoA id and its catalog entry. ISMS_ENOTFOUND if
 * it is not an SoA control. */
int isms_soa_control_resolve(char canonical[ISMS_SOA_ID_MAX + 1],
                             const struct isms_control **control_out, const char **catalog_key_out,
                             const char *id);

/* Loads the SoA of org `org_id`. ISMS_ENOTFOUND if there is no such org.
 * Release with isms_soa_release(). */
int isms_soa_load(struct isms_soa *out, struct isms_store *store, int64_t org_id);

/* One entry of org `org_id`'s SoA. Release with isms_soa_entry_release(). */
int isms_soa_get(struct isms_soa_entry *out, struct isms_store *store, int64_t org_id,
                 const char *control_id);

/* Validates and stores a decision, then fills *out as isms_soa_get would.
 * An applicable control needs a basis or a justification; an excluded one
 * needs an exclusion justification and no implementation status.
 * ISMS_EINVALID with a message naming the field otherwise. The decision is
 * journaled as `actor`'s. */
int isms_soa_decide(struct isms_soa_entry *out, struct isms_store *store, int64_t org_id,
                    const char *control_id, const struct isms_soa_decision *decision,
                    const struct isms_actor *actor);

/* Entries still undecided (ISO/IEC 27001 6.1.3 c). */
size_t isms_soa_undecided_count(const struct isms_soa *soa);

#endif

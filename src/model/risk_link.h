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
#ifndef ISMS_MODEL_RISK_LINK_H
#define ISMS_MODEL_RISK_LINK_H

#include "model/risk.h"

struct isms_risk_dependent {
    int64_t org_id;
    char org_slug[ISMS_ORG_SLUG_MAX + 1];
    char org_name[ISMS_ORG_NAME_MAX + 1];
    int64_t risk_count; /* the customer's risks linked to this one */
};

#endif

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
#include "util/time.h"

struct isms_control;
struct isms_actor;

enum isms_soa_applicability {
    ISMS_SOA_UNDECIDED = 0,
    ISMS_SOA_APPLICABLE = 1,
    ISMS_SOA_NOT_APPLICABLE = 2,
};

enum isms_soa_implementation {
    ISMS_SOA_IMPL_UNSET = 0,
    ISMS_SOA_IMPL_YES,
    ISMS_SOA_IMPL_PARTIAL,
    ISMS_SOA_IMPL_NO,
    ISMS_SOA_IMPL_PLANNED,
};

enum isms_soa_responsibility {
    ISMS_SOA_RESP_CSC = 1,
    ISMS_SOA_RESP_CSP = 2,
    ISMS_SOA_RESP_SHARED = 3,
};

/* Why an applicable control was included; a bit set. */
#define ISMS_SOA_BASIS_RISK 0x1u          /* risk treatment */
#define ISMS_SOA_BASIS_LEGAL 0x2u         /* legal or regulatory requirement */
#define ISMS_SOA_BASIS_CONTRACT 0x4u      /* contractual obligation */
#define ISMS_SOA_BASIS_BEST_PRACTICE 0x8u /* good practice */
#define ISMS_SOA_BASIS_ALL 0xfu

#define ISMS_SOA_ID_MAX 23
#define ISMS_SOA_TEXT_MAX 4000 /* bytes in any free-text field */
#define ISMS_SOA_OWNER_MAX 200

/* What a user decides for one control (input of isms_soa_decide). Text
 * fields may be NULL for empty. */
struct isms_soa_decision {
    enum isms_soa_applicability applicability;
    unsigned inclusion_basis;
    const char *inclusion_justification;
    enum isms_soa_implementation implementation;
    const char *exclusion_justification;
    enum isms_soa_responsibility responsibility; /* 0: keep (new: the org's default) */
    const char *owner;
};

struct isms_soa_entry {
    char control_id[ISMS_SOA_ID_MAX + 1];
    const char *catalog_key;            /* ISMS_CATALOG_27001_2022 or _27017_2015 */
    const struct isms_control *control; /* borrowed from the catalog */
    enum isms_soa_applicability applicability;
    unsigned inclusion_basis;
    char *inclusion_justification; /* never NULL */
    enum isms_soa_implementation implementation;
    char *exclusion_justification; /* never NULL */
    enum isms_soa_responsibility responsibility;
    char *owner; /* never NULL */
    char updated_at[ISMS_TIMESTAMP_SIZE]; /* "" while never decided */
};

/* A whole SoA: one entry per control, Annex A first, then CLD, catalog order. */
struct isms_soa {
    struct isms_org org;
    struct isms_soa_entry *entries;
    size_t count;
};

/* Names used by the API, CLI and exports; parse returns ISMS_EINVALID. */
const char *isms_soa_implementation_name(enum isms_soa_implementation impl); /* NULL for unset */
int isms_soa_implementation_parse(enum isms_soa_implementation *out, const char *name);
const char *isms_soa_responsibility_name(enum isms_soa_responsibility resp);
int isms_soa_responsibility_parse(enum isms_soa_responsibility *out, const char *name);
/* "risk", "legal", "contract", "best_practice" for a single bit; NULL otherwise. */
const char *isms_soa_basis_name(unsigned bit);
int isms_soa_basis_parse(unsigned *bit_out, const char *name);

/* The responsibility an org carries unless it decides otherwise. */
enum isms_soa_responsibility isms_soa_default_responsibility(enum isms_org_role role);

/* Number of controls an SoA covers (93 Annex A + the CLD controls). */
size_t isms_soa_control_count(void);

/* Resolves a user-given id ("A.5.23", "5.23", "CLD.6.3.1", case-insensitive
 * prefix) to the canonical SoA id and its catalog entry. ISMS_ENOTFOUND if
 * it is not an SoA control. */
int isms_soa_control_resolve(char canonical[ISMS_SOA_ID_MAX + 1],
                             const struct isms_control **control_out,
                             const char **catalog_key_out, const char *id);

/* Loads the SoA of org `org_id`. ISMS_ENOTFOUND if there is no such org.
 * Release with isms_soa_release(). */
int isms_soa_load(struct isms_soa *out, struct isms_store *store, int64_t org_id);
void isms_soa_release(struct isms_soa *soa);

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

void isms_soa_entry_release(struct isms_soa_entry *entry);

/* Entries still undecided (ISO/IEC 27001 6.1.3 c). */
size_t isms_soa_undecided_count(const struct isms_soa *soa);

#endif

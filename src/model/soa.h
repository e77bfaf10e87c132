/*
 * Statement of Applicability (ISO/IEC 27001 6.1.3 d, JIP-ISMS517 A.4): for
 * every ISO/IEC 27001:2022 Annex A control and every ISO/IEC 27017 CLD
 * control, whether it applies and why, whether it is implemented, why it is
 * excluded, and whether the customer (CSC), the provider (CSP) or both carry it.
 *
 * SoA control ids are "A.5.23" for Annex A and "CLD.6.3.1" for 27017.
 */
#ifndef ISMS_MODEL_SOA_H
#define ISMS_MODEL_SOA_H

#include "model/org.h"
#include "util/time.h"

struct isms_control;

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
    char *owner;                          /* never NULL */
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
void isms_soa_release(struct isms_soa *soa);

void isms_soa_entry_release(struct isms_soa_entry *entry);

#endif

/*
 * The words for the values of a Statement of Applicability, in English and
 * in JIS Q 27001:2023 Japanese: the one source the SoA pages, the CSV and the
 * xlsx take them from, so a file says what the screen says.
 */
#ifndef ISMS_ISMS_SOA_LABELS_H
#define ISMS_ISMS_SOA_LABELS_H

#include "isms/org.h"
#include "isms/soa.h"

struct isms_label {
    const char *en;
    const char *ja;
};

/* Each returns a label that lives for the process; an unset value (no
 * implementation status yet) has empty texts. */
const struct isms_label *isms_soa_applicability_label(enum isms_soa_applicability a);
const struct isms_label *isms_soa_implementation_label(enum isms_soa_implementation impl);
const struct isms_label *isms_soa_responsibility_label(enum isms_soa_responsibility r);
/* One bit of ISMS_SOA_BASIS_*. */
const struct isms_label *isms_soa_basis_label(unsigned bit);
/* The organization's role: customer, provider or both. */
const struct isms_label *isms_org_role_label(enum isms_org_role role);

#endif

/*
 * The move of an ISMS from ISO/IEC 27001:2013 to 2022 (ISO/IEC 27001
 * 6.1.3 c): what the 2013 Statement of Applicability decided for each 2013
 * control, as imported from the organization's file.
 */
#ifndef ISMS_MODEL_TRANSITION_H
#define ISMS_MODEL_TRANSITION_H

#include "util/hex.h"
#include "util/time.h"

#define ISMS_TRANSITION_ID_MAX 15 /* "A.18.2.3" */
#define ISMS_TRANSITION_TEXT_MAX 4000

/* Implemented as the 2013 SoA said: not said, yes, partially, no. */
enum isms_transition_implemented {
    ISMS_TRANSITION_IMPL_UNSET = 0,
    ISMS_TRANSITION_IMPL_YES,
    ISMS_TRANSITION_IMPL_PARTIAL,
    ISMS_TRANSITION_IMPL_NO,
};

struct isms_transition_decision {
    char control_id[ISMS_TRANSITION_ID_MAX + 1]; /* the 2013 id, "A.12.6.1" */
    bool applicable;
    enum isms_transition_implemented implemented;
    char *justification; /* owned, never NULL once read */
    size_t line;         /* of the imported file */
};

/* When and by whom the decisions were imported. */
struct isms_transition_import_info {
    char file_sha256[ISMS_SHA256_HEX_SIZE];
    int64_t rows;
    char imported_by[80];
    char imported_at[ISMS_TIMESTAMP_SIZE]; /* "" while nothing was imported */
};

/* "" (unset), "yes", "partial", "no". */
const char *isms_transition_implemented_name(enum isms_transition_implemented v);
int isms_transition_implemented_from_name(enum isms_transition_implemented *out, const char *name);

void isms_transition_decisions_free(struct isms_transition_decision *d, size_t count);

#endif

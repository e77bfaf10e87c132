/*
 * An organization's threat library (ISO/IEC 27005 threat identification):
 * the built-in threats (catalog/threats.h: ENISA 2009, ITU-T X.1601, IPA
 * 10大脅威) plus the org's own threats, which it adds here.
 *
 * Any threat is named by a reference "SOURCE:ID": "enisa:R9", "x1601:CSP-C2",
 * "ipa:3" or "own:12" (12 = the own threat's id).
 */
#ifndef ISMS_MODEL_THREAT_H
#define ISMS_MODEL_THREAT_H

#include "util/time.h"

#define ISMS_THREAT_SOURCE_OWN "own"
#define ISMS_THREAT_NAME_MAX 200 /* bytes of UTF-8 */
#define ISMS_THREAT_CATEGORY_MAX 100
#define ISMS_THREAT_DESCRIPTION_MAX 2000
#define ISMS_THREAT_REF_MAX 63

struct isms_own_threat {
    int64_t id;
    int64_t org_id;
    char name_ja[ISMS_THREAT_NAME_MAX + 1]; /* at least one of the names is set */
    char name_en[ISMS_THREAT_NAME_MAX + 1];
    char category[ISMS_THREAT_CATEGORY_MAX + 1]; /* free text, may be "" */
    char description[ISMS_THREAT_DESCRIPTION_MAX + 1];
    char created_at[ISMS_TIMESTAMP_SIZE];
};

/* What a user gives for a new threat; NULL fields are empty. */
struct isms_threat_input {
    const char *name_ja;
    const char *name_en;
    const char *category;
    const char *description; /* may span lines */
};

/* A threat reference as people read it: "enisa" + "R9" -> "ENISA R9",
 * "ipa" + "3" -> "IPA 10大脅威 3" (the source's name in the language). */
void isms_threat_ref_label(char *out, size_t size, const char *source, const char *id,
                           bool japanese);

/* What a reference names, whichever source it is from. */
struct isms_threat_info {
    char ref[ISMS_THREAT_REF_MAX + 1]; /* canonical "SOURCE:ID" */
    char source[16];
    char id[32];
    char name_ja[ISMS_THREAT_NAME_MAX + 1];
    char name_en[ISMS_THREAT_NAME_MAX + 1];
};

#endif

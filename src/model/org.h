/*
 * Organizations: each runs its own ISMS as a cloud service customer (CSC),
 * provider (CSP) or both. Every other record belongs to exactly one org.
 */
#ifndef ISMS_MODEL_ORG_H
#define ISMS_MODEL_ORG_H

#include "util/time.h"

enum isms_org_role {
    ISMS_ORG_CSC = 1,
    ISMS_ORG_CSP = 2,
    ISMS_ORG_BOTH = 3,
};

#define ISMS_ORG_SLUG_MAX 63
#define ISMS_ORG_NAME_MAX 200 /* bytes of UTF-8 */

struct isms_org {
    int64_t id;
    char slug[ISMS_ORG_SLUG_MAX + 1]; /* [a-z0-9-], unique, used in URLs and --org */
    char name[ISMS_ORG_NAME_MAX + 1];
    enum isms_org_role role;
    char created_at[ISMS_TIMESTAMP_SIZE];
};

/* "csc", "csp", "both"; parse returns ISMS_EINVALID for anything else. */
const char *isms_org_role_name(enum isms_org_role role);
int isms_org_role_parse(enum isms_org_role *out, const char *name);

#endif

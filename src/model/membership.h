/*
 * Who may do what in an organization. A user belongs to an org with one
 * role; the roles are ordered, each one may do everything the ones below it
 * may:
 *
 *   auditor     read everything in the org, change nothing
 *   risk_owner  also change risks, treatments and risk acceptance
 *   manager     (ISMS manager) also change everything else in the org
 *   admin       also manage the org's members
 *
 * A system administrator (users.is_admin) acts as admin in every org, and is
 * the only one who creates orgs and users.
 */
#ifndef ISMS_MODEL_MEMBERSHIP_H
#define ISMS_MODEL_MEMBERSHIP_H

#include "model/org.h"

enum isms_role {
    ISMS_ROLE_NONE = 0, /* not a member */
    ISMS_ROLE_AUDITOR = 1,
    ISMS_ROLE_RISK_OWNER = 2,
    ISMS_ROLE_MANAGER = 3,
    ISMS_ROLE_ADMIN = 4,
};

/* "auditor", "risk_owner", "manager", "admin" ("none" for ISMS_ROLE_NONE);
 * parse returns ISMS_EINVALID for anything else (also for "none"). */
const char *isms_role_name(enum isms_role role);
int isms_role_parse(enum isms_role *out, const char *name);

struct isms_member {
    int64_t user_id;
    char name[65]; /* the user's login name */
    char display_name[201];
    enum isms_role role;
};

#endif

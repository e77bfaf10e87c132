#include "isms_setup.h"
#include "model/org.h"
#include "util/error.h"
#include "util/names.h"
#include "util/text.h"

static const char *const role_names[] = {
    [ISMS_ORG_CSC] = "csc",
    [ISMS_ORG_CSP] = "csp",
    [ISMS_ORG_BOTH] = "both",
};

const char *isms_org_role_name(enum isms_org_role role)
{
    if (role < ISMS_ORG_CSC || role > ISMS_ORG_BOTH)
        ISMS_BUG("unknown organization role");
    return role_names[role];
}

int isms_org_role_parse(enum isms_org_role *out, const char *name)
{
    int r = isms_names_find(role_names, ISMS_ORG_CSC, ISMS_ORG_BOTH, name);

    if (r >= 0) {
        *out = (enum isms_org_role)r;
        return 0;
    }
    return isms_error_set(ISMS_EINVALID, _("role must be 'csc', 'csp' or 'both', not '%s'"),
                          name ? name : "");
}

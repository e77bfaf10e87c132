#include "isms_setup.h"
#include "model/membership.h"
#include "util/error.h"
#include "util/names.h"

static const char *const role_names[] = {
    [ISMS_ROLE_NONE] = "none",
    [ISMS_ROLE_AUDITOR] = "auditor",
    [ISMS_ROLE_RISK_OWNER] = "risk_owner",
    [ISMS_ROLE_MANAGER] = "manager",
    [ISMS_ROLE_ADMIN] = "admin",
};

const char *isms_role_name(enum isms_role role)
{
    if (role < ISMS_ROLE_NONE || role > ISMS_ROLE_ADMIN)
        ISMS_BUG("unknown membership role");
    return role_names[role];
}

int isms_role_parse(enum isms_role *out, const char *name)
{
    int r = isms_names_find(role_names, ISMS_ROLE_AUDITOR, ISMS_ROLE_ADMIN, name);

    if (r >= 0) {
        *out = (enum isms_role)r;
        return 0;
    }
    return isms_error_set(
        ISMS_EINVALID, _("role must be 'admin', 'manager', 'risk_owner' or 'auditor', not '%.64s'"),
        name ? name : "");
}

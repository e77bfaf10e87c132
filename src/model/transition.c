#include "isms_setup.h"
#include "model/transition.h"
#include "util/error.h"

static const char *const implemented_names[] = {"", "yes", "partial", "no"};

const char *isms_transition_implemented_name(enum isms_transition_implemented v)
{
    return (unsigned)v < ISMS_ARRAY_SIZE(implemented_names) ? implemented_names[v] : "";
}

int isms_transition_implemented_from_name(enum isms_transition_implemented *out, const char *name)
{
    for (size_t i = 0; i < ISMS_ARRAY_SIZE(implemented_names); i++)
        if (strcmp(name ? name : "", implemented_names[i]) == 0) {
            *out = (enum isms_transition_implemented)i;
            return 0;
        }
    return isms_error_set(ISMS_ERROR, "unknown implementation '%s' in the store", name);
}

void isms_transition_decisions_free(struct isms_transition_decision *d, size_t count)
{
    for (size_t i = 0; d && i < count; i++)
        free(d[i].justification);
    free(d);
}

#include "isms_setup.h"
#include "util/embedded.h"

const struct isms_embedded_file *isms_embedded_find(const struct isms_embedded_file *set,
                                                    const char *name)
{
    for (; set->name; set++)
        if (strcmp(set->name, name) == 0)
            return set;
    return NULL;
}

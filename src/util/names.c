/* Enum values spelled as names (names.h). */
#include "isms_setup.h"
#include "util/names.h"

int isms_names_find(const char *const names[], int first, int last, const char *name)
{
    for (int i = first; name && i <= last; i++)
        if (strcmp(name, names[i]) == 0)
            return i;
    return -1;
}

#include "isms_setup.h"
#include "util/format.h"

static size_t conversion_length(const char *percent)
{
    size_t n = 1 + strcspn(percent + 1, "diouxXeEfgGcspn%");

    return percent[n] ? n + 1 : n;
}

bool isms_format_same_conversions(const char *a, const char *b)
{
    for (;;) {
        size_t na, nb;

        a = strchr(a, '%');
        b = strchr(b, '%');
        if (!a || !b)
            return !a && !b;
        na = conversion_length(a);
        nb = conversion_length(b);
        if (na != nb || strncmp(a, b, na) != 0)
            return false;
        a += na;
        b += nb;
    }
}

#include "isms_setup.h"
#include "web/http/params.h"

const char *isms_web_params_get(const struct isms_web_params *params, const char *name)
{
    size_t n = strlen(name);

    for (size_t i = 0; i < params->count; i++)
        if (params->items[i].name_len == n && memcmp(params->items[i].name, name, n) == 0)
            return params->items[i].value;
    return NULL;
}

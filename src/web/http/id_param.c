/* Ids in paths, query strings and forms (id_param.h). */
#include "isms_setup.h"
#include "util/error.h"
#include "web/http/id_param.h"

int isms_web_parse_id(int64_t *out, const char *text, int code, const char *what)
{
    char *end;
    long long v;

    *out = 0;
    if (text && *text >= '0' && *text <= '9') {
        errno = 0;
        v = strtoll(text, &end, 10);
        if (!errno && !*end && v > 0) {
            *out = v;
            return 0;
        }
    }
    return code == ISMS_ENOTFOUND
               ? isms_error_set(code, "%s '%.40s' not found", what, text ? text : "")
               : isms_error_set(code, "'%s' must be a positive integer, not '%.40s'", what,
                                text ? text : "");
}

#include "isms_setup.h"
#include <strings.h>
#include "model/indicator.h"
#include "util/error.h"

static const char *const tlps[] = {"", "clear", "green", "amber", "amber+strict", "red"};
static const char *const directions[] = {"", "both", "inbound", "outbound"};

const char *isms_tlp_name(enum isms_tlp t)
{
    return (unsigned)t < ISMS_ARRAY_SIZE(tlps) ? tlps[t] : "";
}

int isms_tlp_parse(enum isms_tlp *out, const char *text)
{
    if (text && strncasecmp(text, "TLP:", 4) == 0)
        text += 4;
    for (size_t i = 1; text && i < ISMS_ARRAY_SIZE(tlps); i++)
        if (strcasecmp(text, tlps[i]) == 0) {
            *out = (enum isms_tlp)i;
            return 0;
        }
    return isms_error_set(ISMS_EINVALID,
                          _("'tlp' must be clear, green, amber, amber+strict or red, not '%.40s'"),
                          text ? text : "");
}

const char *isms_direction_name(enum isms_direction d)
{
    return (unsigned)d < ISMS_ARRAY_SIZE(directions) ? directions[d] : "";
}

int isms_direction_parse(enum isms_direction *out, const char *text)
{
    static const struct {
        const char *word;
        enum isms_direction d;
    } words[] = {{"both", ISMS_DIRECTION_BOTH},     {"inbound", ISMS_DIRECTION_INBOUND},
                 {"in", ISMS_DIRECTION_INBOUND},    {"outbound", ISMS_DIRECTION_OUTBOUND},
                 {"out", ISMS_DIRECTION_OUTBOUND},  {"双方向", ISMS_DIRECTION_BOTH},
                 {"外→内", ISMS_DIRECTION_INBOUND}, {"内→外", ISMS_DIRECTION_OUTBOUND}};

    for (size_t i = 0; text && i < ISMS_ARRAY_SIZE(words); i++)
        if (strcasecmp(text, words[i].word) == 0) {
            *out = words[i].d;
            return 0;
        }
    return isms_error_set(ISMS_EINVALID,
                          _("'direction' must be inbound, outbound or both (外→内, 内→外), not "
                            "'%.40s'"),
                          text ? text : "");
}

bool isms_indicator_active(const struct isms_indicator *i, const struct isms_date *day)
{
    if (isms_date_is_set(&i->active_from) && isms_date_compare(day, &i->active_from) < 0)
        return false;
    return !isms_date_is_set(&i->active_until) || isms_date_compare(day, &i->active_until) <= 0;
}

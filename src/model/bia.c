#include "isms_setup.h"
#include <errno.h>
#include "model/bia.h"
#include "util/error.h"

static const char *const kind_names[] = {"", "ict_service", "asset", "cloud_service"};

const char *isms_bia_dependency_kind_name(enum isms_bia_dependency_kind k)
{
    return (unsigned)k < ISMS_ARRAY_SIZE(kind_names) ? kind_names[k] : "";
}

int isms_bia_dependency_kind_parse(enum isms_bia_dependency_kind *out, const char *text)
{
    for (size_t i = 1; text && i < ISMS_ARRAY_SIZE(kind_names); i++)
        if (strcmp(text, kind_names[i]) == 0) {
            *out = (enum isms_bia_dependency_kind)i;
            return 0;
        }
    return isms_error_set(ISMS_EINVALID,
                          _("'kind' must be ict_service, asset or cloud_service, not '%.40s'"),
                          text ? text : "");
}

static const struct {
    const char *unit;
    int minutes;
} units[] = {
    {"", 60},  {"h", 60},   {"時間", 60}, {"m", 1},     {"min", 1},
    {"分", 1}, {"d", 1440}, {"日", 1440}, {"w", 10080}, {"週間", 10080},
};

int isms_bia_duration_parse(int *minutes, const char *text, const char *field)
{
    char *end;
    long n;

    *minutes = -1;
    if (!text || !*text)
        return 0;
    errno = 0;
    n = strtol(text, &end, 10);
    while (*end == ' ')
        end++;
    for (size_t i = 0; end != text && errno == 0 && n >= 0 && i < ISMS_ARRAY_SIZE(units); i++)
        if (strcmp(end, units[i].unit) == 0 && n <= ISMS_BIA_DURATION_MAX / units[i].minutes) {
            *minutes = (int)n * units[i].minutes;
            return 0;
        }
    return isms_error_set(ISMS_EINVALID,
                          _("'%s' must be a duration such as 4h, 30m or 2d (at most a year), not "
                            "'%.40s'"),
                          field, text);
}

void isms_bia_duration_format(char out[ISMS_BIA_DURATION_SIZE], int minutes)
{
    if (minutes < 0)
        out[0] = '\0';
    else if (minutes && minutes % 1440 == 0)
        snprintf(out, ISMS_BIA_DURATION_SIZE, "%dd", minutes / 1440);
    else if (minutes % 60 == 0)
        snprintf(out, ISMS_BIA_DURATION_SIZE, "%dh", minutes / 60);
    else
        snprintf(out, ISMS_BIA_DURATION_SIZE, "%dm", minutes);
}

void isms_bia_duration_format_ja(char out[ISMS_BIA_DURATION_SIZE], int minutes)
{
    if (minutes < 0)
        snprintf(out, ISMS_BIA_DURATION_SIZE, "-");
    else if (minutes && minutes % 1440 == 0)
        snprintf(out, ISMS_BIA_DURATION_SIZE, "%d日", minutes / 1440);
    else if (minutes % 60 == 0)
        snprintf(out, ISMS_BIA_DURATION_SIZE, "%d時間", minutes / 60);
    else
        snprintf(out, ISMS_BIA_DURATION_SIZE, "%d分", minutes);
}

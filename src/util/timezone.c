#include "isms_setup.h"
#include <glib.h>
#include <time.h>
#include "util/error.h"
#include "util/time.h"
#include "util/timezone.h"

/* GLib's identifiers are file names below the zoneinfo directory: refuse
 * anything that could walk out of it before GLib looks. */
static bool plausible(const char *name)
{
    size_t n = name ? strlen(name) : 0;

    if (n == 0 || n > ISMS_TZ_NAME_MAX || name[0] == '/' || strstr(name, ".."))
        return false;
    for (const char *p = name; *p; p++)
        if (!g_ascii_isalnum(*p) && !strchr("/_+-", *p))
            return false;
    return true;
}

static GTimeZone *zone_new(const char *name)
{
    return plausible(name) ? g_time_zone_new_identifier(name) : NULL;
}

bool isms_tz_known(const char *name)
{
    GTimeZone *tz = zone_new(name);

    if (!tz)
        return false;
    g_time_zone_unref(tz);
    return true;
}

int isms_tz_local(struct isms_local_time *out, const char *zone, const char *timestamp)
{
    GTimeZone *tz = zone_new(zone);
    GDateTime *utc = NULL, *local = NULL;
    int y, mo, d, h, mi, s, error = 0;
    char z;

    memset(out, 0, sizeof(*out));
    if (!timestamp ||
        sscanf(timestamp, "%4d-%2d-%2dT%2d:%2d:%2d%c", &y, &mo, &d, &h, &mi, &s, &z) != 7 ||
        z != 'Z' || !(utc = g_date_time_new_utc(y, mo, d, h, mi, s))) {
        error = isms_error_set(ISMS_EINVALID, "'%.40s' is not a UTC timestamp",
                               timestamp ? timestamp : "");
        goto done;
    }
    local = tz ? g_date_time_to_timezone(utc, tz) : g_date_time_ref(utc);
    out->year = g_date_time_get_year(local);
    out->month = g_date_time_get_month(local);
    out->day = g_date_time_get_day_of_month(local);
    out->hour = g_date_time_get_hour(local);
    out->minute = g_date_time_get_minute(local);
    out->second = g_date_time_get_second(local);
    out->utc_offset_seconds = (int)(g_date_time_get_utc_offset(local) / G_TIME_SPAN_SECOND);
    snprintf(out->abbreviation, sizeof(out->abbreviation), "%s",
             g_date_time_get_timezone_abbreviation(local));
done:
    if (local)
        g_date_time_unref(local);
    if (utc)
        g_date_time_unref(utc);
    if (tz)
        g_time_zone_unref(tz);
    return error;
}

int isms_tz_offset_now(const char *zone)
{
    struct isms_local_time t;
    char now[ISMS_TIMESTAMP_SIZE];

    isms_time_now(now);
    return zone && *zone && isms_tz_local(&t, zone, now) == 0 ? t.utc_offset_seconds : 0;
}

int isms_tz_host_offset(void)
{
    time_t now = time(NULL);
    struct tm tm;

    return localtime_r(&now, &tm) ? (int)tm.tm_gmtoff : 0;
}

#include "isms_setup.h"
#include "engines/ioc/log_time.h"

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian). */
static int64_t days_from_civil(int64_t y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static int month_of(const char *p)
{
    static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";

    for (int m = 0; m < 12; m++)
        if (memcmp(p, months + 3 * m, 3) == 0)
            return m + 1;
    return 0;
}

static int two(const char *p)
{
    return (p[0] == ' ' ? 0 : (p[0] - '0') * 10) + (p[1] - '0');
}

static bool digits(const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] < '0' || p[i] > '9')
            return false;
    return true;
}

static int64_t year_of(int64_t now)
{
    int64_t days = now / 86400, y = 1970;

    while (days_from_civil(y + 1, 1, 1) <= days)
        y++;
    return y;
}

/* "Dec  3 10:00:01" */
static int64_t bsd_time(const char *p, int64_t now)
{
    int m = month_of(p), d = two(p + 4);
    int64_t y = year_of(now), t;

    if (!m || !digits(p + 7, 2) || !digits(p + 10, 2) || !digits(p + 13, 2))
        return -1;
    t = days_from_civil(y, m, d) * 86400 + two(p + 7) * 3600 + two(p + 10) * 60 + two(p + 13);
    /* December's lines read in January belong to the year before. */
    return t > now + 86400 ? t - (days_from_civil(y, 1, 1) - days_from_civil(y - 1, 1, 1)) * 86400
                           : t;
}

/* "2026-12-03T10:00:01[.fff][Z|+09:00]" */
static int64_t iso_time(const char *p, size_t len)
{
    int64_t t;
    size_t i = 19;

    if (len < 19 || !digits(p, 4) || !digits(p + 5, 2) || !digits(p + 8, 2) || !digits(p + 11, 2) ||
        !digits(p + 14, 2) || !digits(p + 17, 2))
        return -1;
    t = days_from_civil((p[0] - '0') * 1000 + (p[1] - '0') * 100 + two(p + 2), two(p + 5),
                        two(p + 8)) *
            86400 +
        two(p + 11) * 3600 + two(p + 14) * 60 + two(p + 17);
    while (i < len && (p[i] == '.' || (p[i] >= '0' && p[i] <= '9')))
        i++;
    if (i + 6 <= len && (p[i] == '+' || p[i] == '-') && digits(p + i + 1, 2) && p[i + 3] == ':' &&
        digits(p + i + 4, 2))
        t -= (p[i] == '+' ? 1 : -1) * (two(p + i + 1) * 3600 + two(p + i + 4) * 60);
    return t;
}

/* "03/Dec/2026:10:00:03 +0900" */
static int64_t combined_time(const char *p, size_t len)
{
    int m;
    int64_t t;

    if (len < 26 || !digits(p, 2) || !(m = month_of(p + 3)) || !digits(p + 7, 4) ||
        !digits(p + 12, 2) || !digits(p + 15, 2) || !digits(p + 18, 2))
        return -1;
    t = days_from_civil((p[7] - '0') * 1000 + (p[8] - '0') * 100 + two(p + 9), m, two(p)) * 86400 +
        two(p + 12) * 3600 + two(p + 15) * 60 + two(p + 18);
    if ((p[21] == '+' || p[21] == '-') && digits(p + 22, 4))
        t -= (p[21] == '+' ? 1 : -1) * (two(p + 22) * 3600 + two(p + 24) * 60);
    return t;
}

int64_t isms_log_time(enum isms_log_format format, const char *line, size_t len, int64_t now)
{
    return isms_log_time_local(format, line, len, now, 0);
}

int64_t isms_log_time_local(enum isms_log_format format, const char *line, size_t len, int64_t now,
                            int local_offset)
{
    const char *at;
    size_t n;

    if (format == ISMS_LOG_AUTO)
        format = isms_log_format_of(line, len);
    if (!isms_log_timestamp(format, line, len, &at, &n))
        return -1;
    if (format == ISMS_LOG_COMBINED)
        return combined_time(at, n);
    if (n == 15 && at[3] == ' ')
        return bsd_time(at, now + local_offset) - local_offset;
    return iso_time(at, n);
}

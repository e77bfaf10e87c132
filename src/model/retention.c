#include "isms_setup.h"
#include <strings.h>
#include <time.h>
#include "model/retention.h"
#include "util/error.h"

/* Far beyond any legal retention period, small enough that no sum overflows. */
#define PERIOD_UNIT_MAX 100000
#define YEAR_MIN 1900
#define YEAR_MAX 9999

static bool is_leap(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int days_in_month(int year, int month)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    return month == 2 && is_leap(year) ? 29 : days[month - 1];
}

bool isms_date_is_set(const struct isms_date *date)
{
    return date->year != 0;
}

static bool date_valid(const struct isms_date *d)
{
    return d->year >= YEAR_MIN && d->year <= YEAR_MAX && d->month >= 1 && d->month <= 12 &&
           d->day >= 1 && d->day <= days_in_month(d->year, d->month);
}

/* Reads 1..max_digits ASCII digits. */
static const char *read_number(int *out, const char *p, int max_digits)
{
    int n = 0, digits = 0;

    while (*p >= '0' && *p <= '9' && digits < max_digits) {
        n = n * 10 + (*p++ - '0');
        digits++;
    }
    *out = n;
    return digits ? p : NULL;
}

int isms_date_parse(struct isms_date *out, const char *text)
{
    struct isms_date d = {0};
    const char *p = text ? text : "";
    char sep;

    memset(out, 0, sizeof(*out));
    if (!(p = read_number(&d.year, p, 4)) || p - text != 4 || (*p != '-' && *p != '/'))
        goto bad;
    sep = *p++;
    if (!(p = read_number(&d.month, p, 2)) || *p++ != sep || !(p = read_number(&d.day, p, 2)) ||
        *p != '\0' || !date_valid(&d))
        goto bad;
    *out = d;
    return 0;
bad:
    return isms_error_set(ISMS_EINVALID, _("'%.40s' is not a date (YYYY-MM-DD)"), text ? text : "");
}

void isms_date_format(char out[ISMS_DATE_SIZE], const struct isms_date *date)
{
    if (!isms_date_is_set(date)) {
        out[0] = '\0';
        return;
    }
    /* Dates come from isms_date_parse or date arithmetic on them: 4-digit years. */
    snprintf(out, ISMS_DATE_SIZE, "%04u-%02u-%02u", (unsigned)date->year % 10000u,
             (unsigned)date->month % 100u, (unsigned)date->day % 100u);
}

int isms_date_compare(const struct isms_date *a, const struct isms_date *b)
{
    long ka = (long)a->year * 10000 + a->month * 100 + a->day;
    long kb = (long)b->year * 10000 + b->month * 100 + b->day;

    return ka < kb ? -1 : ka > kb;
}

void isms_date_today(struct isms_date *out)
{
    time_t now = time(NULL);
    struct tm tm;

    gmtime_r(&now, &tm);
    *out = (struct isms_date){tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

/* Days since 1970-01-01 and back (Howard Hinnant's civil-date algorithms). */
static long days_from_civil(int y, int m, int d)
{
    long era, yoe, doy, doe;

    y -= m <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = y - era * 400;
    doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static struct isms_date civil_from_days(long z)
{
    long era, doe, yoe, doy, mp, y;
    int m, d;

    z += 719468;
    era = (z >= 0 ? z : z - 146096) / 146097;
    doe = z - era * 146097;
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = yoe + era * 400;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    d = (int)(doy - (153 * mp + 2) / 5 + 1);
    m = (int)(mp < 10 ? mp + 3 : mp - 9);
    return (struct isms_date){(int)(y + (m <= 2)), m, d};
}

void isms_date_add(struct isms_date *out, const struct isms_date *date,
                   const struct isms_retention_period *period)
{
    long months = (long)date->year * 12 + (date->month - 1) + (long)period->years * 12 +
                  period->months;
    struct isms_date d = {(int)(months / 12), (int)(months % 12) + 1, date->day};
    int last = days_in_month(d.year, d.month);

    if (d.day > last)
        d.day = last;
    *out = period->days ? civil_from_days(days_from_civil(d.year, d.month, d.day) + period->days)
                        : d;
}

/* Units a period may be written in, longest spelling first where one is a
 * prefix of another. */
static const struct {
    const char *text;
    char unit; /* 'y', 'm', 'd' */
} period_units[] = {
    {"years", 'y'}, {"year", 'y'},   {"年間", 'y'}, {"年", 'y'},     {"y", 'y'},    {"months", 'm'},
    {"month", 'm'}, {"ヶ月間", 'm'}, {"ヶ月", 'm'}, {"か月間", 'm'}, {"か月", 'm'}, {"カ月間", 'm'},
    {"カ月", 'm'},  {"ケ月", 'm'},   {"ヵ月", 'm'}, {"箇月", 'm'},   {"m", 'm'},    {"days", 'd'},
    {"day", 'd'},   {"日間", 'd'},   {"日", 'd'},   {"d", 'd'},
};

static const char *skip_spaces(const char *p)
{
    while (*p == ' ' || *p == '\t')
        p++;
    if (strncmp(p, "\xe3\x80\x80", 3) == 0) /* ideographic space */
        return skip_spaces(p + 3);
    return p;
}

/* A number in ASCII or full-width (０-９, U+FF10..FF19) digits. */
static const char *read_wide_number(int *out, const char *p)
{
    long n = 0;
    int digits = 0;

    for (;;) {
        int digit;
        if (*p >= '0' && *p <= '9') {
            digit = *p - '0';
            p++;
        } else if ((unsigned char)p[0] == 0xef && (unsigned char)p[1] == 0xbc &&
                   (unsigned char)p[2] >= 0x90 && (unsigned char)p[2] <= 0x99) {
            digit = (unsigned char)p[2] - 0x90;
            p += 3;
        } else {
            break;
        }
        if (++digits > 6)
            return NULL;
        n = n * 10 + digit;
    }
    *out = (int)n;
    return digits ? p : NULL;
}

static const char *read_unit(char *unit, const char *p)
{
    for (size_t i = 0; i < ISMS_ARRAY_SIZE(period_units); i++) {
        size_t n = strlen(period_units[i].text);
        if (strncasecmp(p, period_units[i].text, n) == 0) {
            *unit = period_units[i].unit;
            return p + n;
        }
    }
    return NULL;
}

static bool is_permanent(const char *text)
{
    static const char *const words[] = {"permanent", "永年", "永年保存", "永久", "永久保存"};
    const char *p = skip_spaces(text);
    size_t len = strlen(p);

    while (len && (p[len - 1] == ' ' || p[len - 1] == '\t'))
        len--;
    for (size_t i = 0; i < ISMS_ARRAY_SIZE(words); i++)
        if (strlen(words[i]) == len && strncasecmp(p, words[i], len) == 0)
            return true;
    return false;
}

int isms_retention_period_parse(struct isms_retention_period *out, const char *text)
{
    struct isms_retention_period period = {0};
    const char *p = text ? text : "";
    bool seen[3] = {false, false, false};

    memset(out, 0, sizeof(*out));
    if (is_permanent(p)) {
        out->permanent = true;
        return 0;
    }
    while (*(p = skip_spaces(p))) {
        int n, *slot, which;
        char unit;
        if (!(p = read_wide_number(&n, p)) || !(p = read_unit(&unit, skip_spaces(p))))
            goto bad;
        which = unit == 'y' ? 0 : unit == 'm' ? 1 : 2;
        slot = which == 0 ? &period.years : which == 1 ? &period.months : &period.days;
        if (seen[which] || n > PERIOD_UNIT_MAX)
            goto bad;
        seen[which] = true;
        *slot = n;
    }
    if (period.years + period.months + period.days == 0)
        goto bad;
    *out = period;
    return 0;
bad:
    return isms_error_set(ISMS_EINVALID,
                          _("'%.40s' is not a retention period (e.g. '10y', '6m', "
                            "'1y6m', '90d', '10年', 'permanent')"),
                          text ? text : "");
}

void isms_retention_period_format(char out[ISMS_RETENTION_PERIOD_SIZE],
                                  const struct isms_retention_period *p)
{
    size_t used = 0;

    out[0] = '\0';
    if (p->permanent) {
        snprintf(out, ISMS_RETENTION_PERIOD_SIZE, "permanent");
        return;
    }
    if (p->years)
        used += (size_t)snprintf(out + used, ISMS_RETENTION_PERIOD_SIZE - used, "%dy", p->years);
    if (p->months)
        used += (size_t)snprintf(out + used, ISMS_RETENTION_PERIOD_SIZE - used, "%dm", p->months);
    if (p->days)
        snprintf(out + used, ISMS_RETENTION_PERIOD_SIZE - used, "%dd", p->days);
}

void isms_retention_period_format_ja(char out[ISMS_RETENTION_PERIOD_SIZE * 2],
                                     const struct isms_retention_period *p)
{
    const size_t size = ISMS_RETENTION_PERIOD_SIZE * 2;
    size_t used = 0;

    out[0] = '\0';
    if (p->permanent) {
        snprintf(out, size, "永年");
        return;
    }
    if (p->years)
        used += (size_t)snprintf(out + used, size - used, "%d年", p->years);
    if (p->months)
        used += (size_t)snprintf(out + used, size - used, "%dか月", p->months);
    if (p->days)
        snprintf(out + used, size - used, "%d日", p->days);
}

static const struct {
    const char *name;
    const char *ja;
    const char *aliases[3];
} basis_table[] = {
    [ISMS_RETENTION_CREATED] = {"created", "作成日", {"作成", "取得日", "creation"}},
    [ISMS_RETENTION_CONTRACT_END] = {"contract_end",
                                     "契約終了日",
                                     {"契約終了", "解約日", "契約満了日"}},
    [ISMS_RETENTION_EMPLOYMENT_END] = {"employment_end", "退職日", {"退職", "退職の日", NULL}},
    [ISMS_RETENTION_LAST_USE] = {"last_use", "最終利用日", {"最終利用", "利用終了日", NULL}},
    [ISMS_RETENTION_FIXED_DATE] = {"fixed_date", "指定日", {"fixed", "日付指定", NULL}},
};

const char *isms_retention_basis_name(enum isms_retention_basis basis)
{
    return basis >= ISMS_RETENTION_CREATED && basis <= ISMS_RETENTION_FIXED_DATE
               ? basis_table[basis].name
               : NULL;
}

const char *isms_retention_basis_label_en(enum isms_retention_basis basis)
{
    static const char *const en[] = {"",         "Creation date", "Contract end", "Employment end",
                                     "Last use", "Fixed date"};

    return basis >= ISMS_RETENTION_CREATED && basis <= ISMS_RETENTION_FIXED_DATE ? en[basis] : "";
}

const char *isms_retention_basis_label_ja(enum isms_retention_basis basis)
{
    return basis >= ISMS_RETENTION_CREATED && basis <= ISMS_RETENTION_FIXED_DATE
               ? basis_table[basis].ja
               : "";
}

int isms_retention_basis_parse(enum isms_retention_basis *out, const char *text)
{
    for (int b = ISMS_RETENTION_CREATED; b <= ISMS_RETENTION_FIXED_DATE; b++) {
        bool match = text && (strcasecmp(text, basis_table[b].name) == 0 ||
                              strcmp(text, basis_table[b].ja) == 0);
        for (size_t i = 0; text && !match && i < ISMS_ARRAY_SIZE(basis_table[b].aliases); i++)
            match = basis_table[b].aliases[i] && strcasecmp(text, basis_table[b].aliases[i]) == 0;
        if (match) {
            *out = (enum isms_retention_basis)b;
            return 0;
        }
    }
    return isms_error_set(ISMS_EINVALID,
                          _("retention basis must be 'created', 'contract_end', "
                            "'employment_end', 'last_use' or 'fixed_date', not "
                            "'%.40s'"),
                          text ? text : "");
}

static bool empty(const char *s)
{
    return !s || !*s;
}

int isms_retention_parse(struct isms_retention *out, const char *period, const char *basis,
                         const char *basis_date)
{
    struct isms_retention r = {0};
    int error;

    memset(out, 0, sizeof(*out));
    if (empty(period) && empty(basis) && empty(basis_date))
        return 0;
    if (empty(period))
        return isms_error_set(ISMS_EINVALID, _("a retention basis needs a retention period"));
    if ((error = isms_retention_period_parse(&r.period, period)) < 0)
        return error;
    if (empty(basis) && !r.period.permanent)
        return isms_error_set(ISMS_EINVALID, _("a retention period needs a retention basis "
                                               "(what it is counted from)"));
    if (!empty(basis) && (error = isms_retention_basis_parse(&r.basis, basis)) < 0)
        return error;
    if (!empty(basis_date) && isms_date_parse(&r.basis_date, basis_date) < 0)
        return isms_error_set(ISMS_EINVALID,
                              _("retention basis date '%.40s' is not a date "
                                "(YYYY-MM-DD)"),
                              basis_date);
    if (r.basis == ISMS_RETENTION_FIXED_DATE && !isms_date_is_set(&r.basis_date))
        return isms_error_set(ISMS_EINVALID, _("a 'fixed_date' retention basis needs its date"));
    *out = r;
    return 0;
}

bool isms_retention_due(struct isms_date *out, const struct isms_retention *rule,
                        const struct isms_date *created)
{
    const struct isms_date *start = &rule->basis_date;

    memset(out, 0, sizeof(*out));
    if (rule->basis == ISMS_RETENTION_NONE || rule->period.permanent)
        return false;
    if (!isms_date_is_set(start) && rule->basis == ISMS_RETENTION_CREATED && created)
        start = created;
    if (!isms_date_is_set(start))
        return false;
    isms_date_add(out, start, &rule->period);
    return true;
}

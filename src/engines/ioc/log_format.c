#include "isms_setup.h"
#include "engines/ioc/log_format.h"
#include "util/error.h"

int isms_log_format_parse(enum isms_log_format *out, const char *text)
{
    static const char *const names[] = {"auto", "syslog", "sshd", "combined", "jsonl"};

    for (size_t i = 0; text && i < ISMS_ARRAY_SIZE(names); i++)
        if (strcmp(text, names[i]) == 0) {
            *out = (enum isms_log_format)i;
            return 0;
        }
    return isms_error_set(ISMS_EINVALID,
                          "--format must be auto, syslog, sshd, combined or jsonl, not '%.20s'",
                          text ? text : "");
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* "Dec  3 10:00:01" (RFC 3164) at the start: 15 bytes. */
static bool bsd_stamp(const char *p, size_t len)
{
    return len >= 15 && p[0] >= 'A' && p[0] <= 'Z' && p[3] == ' ' &&
           (p[4] == ' ' || is_digit(p[4])) && is_digit(p[5]) && p[6] == ' ' && p[9] == ':' &&
           p[12] == ':';
}

/* "2026-12-03T10:00:01..." at `p`: its length up to the next space. */
static size_t iso_stamp(const char *p, size_t len)
{
    size_t n = 0;

    if (len < 19 || !is_digit(p[0]) || p[4] != '-' || p[7] != '-' ||
        (p[10] != 'T' && p[10] != ' ') || p[13] != ':')
        return 0;
    while (n < len && p[n] != ' ' && (n != 10 || p[n] == 'T'))
        n++;
    return n == 10 ? 19 : n;
}

enum isms_log_format isms_log_format_of(const char *line, size_t len)
{
    const char *open = memchr(line, '[', len < 200 ? len : 200);

    if (len && line[0] == '{')
        return ISMS_LOG_JSONL;
    if (bsd_stamp(line, len) || iso_stamp(line, len) || (len > 3 && line[0] == '<'))
        return ISMS_LOG_SYSLOG;
    if (open && (size_t)(line + len - open) > 21 && is_digit(open[1]) && open[3] == '/' &&
        open[7] == '/' && open[12] == ':')
        return ISMS_LOG_COMBINED;
    return ISMS_LOG_PLAIN;
}

static bool syslog_stamp(const char *line, size_t len, const char **at, size_t *at_len)
{
    const char *p = line;
    size_t n;

    if (bsd_stamp(line, len)) {
        *at = line;
        *at_len = 15;
        return true;
    }
    if (len > 3 && *p == '<') { /* RFC 5424: <PRI>VERSION SP TIMESTAMP */
        const char *space = memchr(p, ' ', len);
        if (!space)
            return false;
        p = space + 1;
        len -= (size_t)(p - line);
    }
    if ((n = iso_stamp(p, len))) {
        *at = p;
        *at_len = n;
        return true;
    }
    return false;
}

static bool json_stamp(const char *line, size_t len, const char **at, size_t *at_len)
{
    static const char *const keys[] = {"\"@timestamp\"", "\"timestamp\"", "\"time\""};

    for (size_t k = 0; k < ISMS_ARRAY_SIZE(keys); k++) {
        size_t n = strlen(keys[k]);
        for (size_t i = 0; i + n < len; i++) {
            const char *p = line + i + n, *end = line + len, *close;
            if (memcmp(line + i, keys[k], n) != 0)
                continue;
            while (p < end && (*p == ' ' || *p == ':'))
                p++;
            if (p == end || *p != '"' || !(close = memchr(p + 1, '"', (size_t)(end - p - 1))))
                continue;
            *at = p + 1;
            *at_len = (size_t)(close - p - 1);
            return true;
        }
    }
    return false;
}

bool isms_log_timestamp(enum isms_log_format format, const char *line, size_t len, const char **at,
                        size_t *at_len)
{
    const char *open, *close;

    if (format == ISMS_LOG_AUTO)
        format = isms_log_format_of(line, len);
    switch (format) {
    case ISMS_LOG_SYSLOG:
    case ISMS_LOG_SSHD:
        return syslog_stamp(line, len, at, at_len);
    case ISMS_LOG_COMBINED:
        if (!(open = memchr(line, '[', len)) ||
            !(close = memchr(open, ']', (size_t)(line + len - open))))
            return false;
        *at = open + 1;
        *at_len = (size_t)(close - open - 1);
        return true;
    case ISMS_LOG_JSONL:
        return json_stamp(line, len, at, at_len);
    default:
        return false;
    }
}

/*
 * File paths and registry keys as indicators and as log tokens, in one
 * canonical form so that the spellings a log uses find the listed value:
 * Windows paths and registry keys are case-insensitive, take '/' for '\'
 * and show their separators doubled when a log is JSON ("C:\\Temp"); a
 * registry hive is written in full or abbreviated (HKLM). POSIX paths are
 * case-sensitive and kept as written, repeated slashes collapsed.
 */
#include "isms_setup.h"
#include <strings.h>
#include "engines/ioc/ioc.h"

static const struct {
    const char *full, *abbreviation;
} hives[] = {
    {"HKEY_LOCAL_MACHINE", "HKLM"}, {"HKEY_CURRENT_USER", "HKCU"},   {"HKEY_CLASSES_ROOT", "HKCR"},
    {"HKEY_USERS", "HKU"},          {"HKEY_CURRENT_CONFIG", "HKCC"},
};

static bool is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_separator(char c)
{
    return c == '\\' || c == '/';
}

size_t isms_ioc_registry_hive(const char *p, size_t len, const char **full)
{
    for (size_t i = 0; i < ISMS_ARRAY_SIZE(hives); i++) {
        const char *names[] = {hives[i].full, hives[i].abbreviation};
        for (size_t k = 0; k < 2; k++) {
            size_t n = strlen(names[k]);
            if (len > n && strncasecmp(p, names[k], n) == 0 && p[n] == '\\') {
                if (full)
                    *full = hives[i].full;
                return n;
            }
        }
    }
    return 0;
}

/* Appends [p, p + len) lower-cased, each run of separators as one '\',
 * none at the end; false when it leaves nothing or does not fit. */
static bool append_windows(char *out, size_t used, const char *p, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        char c = p[i];
        if (is_separator(c)) {
            if (used && out[used - 1] == '\\')
                continue;
            c = '\\';
        } else if ((unsigned char)c < 0x20) {
            return false;
        } else if (c >= 'A' && c <= 'Z') {
            c = (char)(c + 32);
        }
        if (used == ISMS_IOC_VALUE_MAX)
            return false;
        out[used++] = c;
    }
    while (used && out[used - 1] == '\\')
        used--;
    out[used] = '\0';
    return used > 0;
}

bool isms_ioc_canonical_registry_key(char out[ISMS_IOC_VALUE_MAX + 1], const char *p, size_t len)
{
    const char *full;
    size_t hive = isms_ioc_registry_hive(p, len, &full), used;

    if (!hive)
        return false;
    used = (size_t)snprintf(out, ISMS_IOC_VALUE_MAX + 1, "%s\\", full);
    /* The hive stays upper case as Windows shows it; the key below it is
     * compared without case. */
    return append_windows(out, used, p + hive, len - hive) && strlen(out) > used;
}

/* "C:\", "c:/", "\\server\share", "%SystemRoot%\" */
static bool is_windows_path(const char *p, size_t len)
{
    const char *close;

    if (len >= 4 && is_alpha(p[0]) && p[1] == ':' && is_separator(p[2]))
        return true;
    if (len >= 4 && p[0] == '\\' && p[1] == '\\')
        return true;
    return len >= 4 && p[0] == '%' && (close = memchr(p + 1, '%', len - 1)) && close > p + 1 &&
           close + 1 < p + len && is_separator(close[1]);
}

bool isms_ioc_canonical_path(char out[ISMS_IOC_VALUE_MAX + 1], const char *p, size_t len)
{
    size_t used = 0;

    if (len == 0 || len > ISMS_IOC_VALUE_MAX || p[len - 1] == ' ' || p[0] == ' ')
        return false;
    if (is_windows_path(p, len)) {
        /* A UNC path keeps its leading "\\". */
        bool unc = p[0] == '\\' && p[1] == '\\';
        if (unc) {
            out[0] = out[1] = '\\';
            used = 2;
            while (len && *p == '\\')
                p++, len--;
        }
        return append_windows(out, used, p, len) && strlen(out) > 3;
    }
    /* POSIX: "/" and one name at least; "//host" is a URL's, not a path. */
    if (p[0] != '/' || len < 2 || p[1] == '/')
        return false;
    out[used++] = '/';
    for (size_t i = 1; i < len; i++) {
        if ((unsigned char)p[i] < 0x20)
            return false;
        if (p[i] == '/' && out[used - 1] == '/')
            continue;
        out[used++] = p[i];
    }
    while (used > 1 && out[used - 1] == '/')
        used--;
    out[used] = '\0';
    return used > 1;
}

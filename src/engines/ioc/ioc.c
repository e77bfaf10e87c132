#include "isms_setup.h"
#include <strings.h>
#include "engines/ioc/ioc.h"
#include "util/error.h"
#include "util/hex.h"

static const char *const type_names[] = {"",       "ipv4",  "ipv6",      "cidr",
                                         "domain", "url",   "md5",       "sha1",
                                         "sha256", "email", "file_path", "registry_key"};

const char *isms_ioc_type_name(enum isms_ioc_type t)
{
    return (unsigned)t < ISMS_ARRAY_SIZE(type_names) ? type_names[t] : "";
}

int isms_ioc_type_parse(enum isms_ioc_type *out, const char *text)
{
    for (size_t i = 1; text && i < ISMS_ARRAY_SIZE(type_names); i++)
        if (strcasecmp(text, type_names[i]) == 0) {
            *out = (enum isms_ioc_type)i;
            return 0;
        }
    return isms_error_set(ISMS_EINVALID, "unknown indicator type '%.40s'", text ? text : "");
}

bool isms_ioc_parse_ipv4(struct isms_ioc_addr *out, const char *p, size_t len)
{
    const char *end = p + len;
    uint8_t b[4];

    for (int i = 0; i < 4; i++) {
        int v = 0, digits = 0;
        if (i && (p == end || *p++ != '.'))
            return false;
        while (p < end && *p >= '0' && *p <= '9' && digits < 4) {
            v = v * 10 + (*p++ - '0');
            digits++;
        }
        if (!digits || digits > 3 || v > 255 || (digits > 1 && p[-digits] == '0'))
            return false;
        b[i] = (uint8_t)v;
    }
    if (p != end)
        return false;
    memset(out, 0, sizeof(*out));
    out->b[10] = out->b[11] = 0xff;
    memcpy(out->b + 12, b, 4);
    out->v4 = true;
    return true;
}

/* Groups before and after a "::", then the embedded IPv4 if any. */
bool isms_ioc_parse_ipv6(struct isms_ioc_addr *out, const char *p, size_t len)
{
    const char *end = p + len, *zone = memchr(p, '%', len);
    uint16_t groups[8];
    int count = 0, gap = -1;

    if (zone)
        end = zone; /* a zone names an interface: the address is the same */
    if (end - p >= 2 && p[0] == ':' && p[1] == ':') {
        gap = 0;
        p += 2;
    } else if (p < end && *p == ':') {
        return false;
    }
    while (p < end) {
        const char *start = p;
        int v = 0, digits = 0, h;
        while (p < end && (h = isms_hex_digit(*p)) >= 0 && digits < 5) {
            v = v * 16 + h;
            p++;
            digits++;
        }
        if (p < end && *p == '.' && count <= 6) {
            struct isms_ioc_addr v4;
            if (!isms_ioc_parse_ipv4(&v4, start, (size_t)(end - start)))
                return false;
            groups[count++] = (uint16_t)(v4.b[12] << 8 | v4.b[13]);
            groups[count++] = (uint16_t)(v4.b[14] << 8 | v4.b[15]);
            p = end;
            break;
        }
        if (!digits || digits > 4 || count == 8)
            return false;
        groups[count++] = (uint16_t)v;
        if (p == end)
            break;
        if (*p++ != ':' || p == end)
            return false;
        if (*p == ':') {
            if (gap >= 0)
                return false;
            gap = count;
            p++;
        }
    }
    if ((gap < 0 && count != 8) || (gap >= 0 && count > 7))
        return false;
    memset(out, 0, sizeof(*out));
    for (int i = 0, o = 0; i < count; i++) {
        if (i == gap)
            o += 8 - count;
        out->b[2 * o] = (uint8_t)(groups[i] >> 8);
        out->b[2 * o + 1] = (uint8_t)groups[i];
        o++;
    }
    /* ::ffff:a.b.c.d is the IPv4 address a.b.c.d (RFC 4291 2.5.5.2). */
    out->v4 = memcmp(out->b, (const uint8_t[12]){[10] = 0xff, [11] = 0xff}, 12) == 0;
    return true;
}

static bool is_alnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static bool is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool isms_ioc_is_domain(const char *p, size_t len)
{
    size_t labels = 0, start = 0;

    if (len < 3 || len > 253)
        return false;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && p[i] != '.') {
            if (!is_alnum(p[i]) && p[i] != '-')
                return false;
            continue;
        }
        if (i == start || i - start > 63 || p[start] == '-' || p[i - 1] == '-')
            return false;
        labels++;
        if (i < len)
            start = i + 1;
    }
    /* The last label: two letters or more, or an IDN label (xn--). */
    if (labels < 2 || len - start < 2)
        return false;
    if (len - start > 4 && strncasecmp(p + start, "xn--", 4) == 0)
        return true;
    for (size_t k = start; k < len; k++)
        if (!is_alpha(p[k]))
            return false;
    return true;
}

enum isms_ioc_type isms_ioc_hash_type(const char *p, size_t len)
{
    if (len != 32 && len != 40 && len != 64)
        return ISMS_IOC_NONE;
    for (size_t i = 0; i < len; i++)
        if (isms_hex_digit(p[i]) < 0)
            return ISMS_IOC_NONE;
    return len == 32 ? ISMS_IOC_MD5 : len == 40 ? ISMS_IOC_SHA1 : ISMS_IOC_SHA256;
}

void isms_ioc_addr_format(char out[48], const struct isms_ioc_addr *a)
{
    int best = -1, best_len = 0;
    size_t used = 0;

    if (a->v4) {
        snprintf(out, 48, "%u.%u.%u.%u", a->b[12], a->b[13], a->b[14], a->b[15]);
        return;
    }
    /* RFC 5952: the longest run of two or more zero groups becomes "::". */
    for (int i = 0; i < 8;) {
        int n = 0;
        while (i + n < 8 && !a->b[2 * (i + n)] && !a->b[2 * (i + n) + 1])
            n++;
        if (n > best_len && n >= 2) {
            best = i;
            best_len = n;
        }
        i += n ? n : 1;
    }
    out[0] = '\0';
    for (int i = 0; i < 8; i++) {
        if (i == best) {
            used += (size_t)snprintf(out + used, 48 - used, "::");
            i += best_len - 1;
            continue;
        }
        used += (size_t)snprintf(out + used, 48 - used, "%s%x",
                                 used && out[used - 1] != ':' ? ":" : "",
                                 (unsigned)(a->b[2 * i] << 8 | a->b[2 * i + 1]));
    }
}

static void lower_copy(char *out, const char *p, size_t len)
{
    for (size_t i = 0; i < len; i++)
        out[i] = (p[i] >= 'A' && p[i] <= 'Z') ? (char)(p[i] - 'A' + 'a') : p[i];
    out[len] = '\0';
}

/* "10.0.0.0/8", "2001:db8::/32": the network, masked to its prefix. */
static bool parse_cidr(struct isms_ioc_addr *addr, int *prefix, const char *p, size_t len)
{
    const char *slash = memchr(p, '/', len), *end = p + len, *d;
    int n = 0;

    if (!slash || slash + 1 == end || end - slash > 4)
        return false;
    /* The text is not NUL-terminated: the digits are read within it. */
    for (d = slash + 1; d < end; d++) {
        if (*d < '0' || *d > '9')
            return false;
        n = n * 10 + (*d - '0');
    }
    if (isms_ioc_parse_ipv4(addr, p, (size_t)(slash - p)) && n <= 32)
        n += 96;
    else if (!isms_ioc_parse_ipv6(addr, p, (size_t)(slash - p)) || n > 128 || addr->v4)
        return false;
    for (int bit = n; bit < 128; bit++)
        addr->b[bit / 8] &= (uint8_t) ~(0x80u >> (bit % 8));
    *prefix = n;
    return true;
}

bool isms_ioc_email_local_byte(char c)
{
    return is_alnum(c) || (c && strchr("._%+-", c));
}

static bool is_email(const char *p, size_t len)
{
    const char *at = memchr(p, '@', len);

    if (!at || at == p || memchr(at + 1, '@', (size_t)(p + len - at - 1)))
        return false;
    for (const char *c = p; c < at; c++)
        if (!isms_ioc_email_local_byte(*c))
            return false;
    return isms_ioc_is_domain(at + 1, (size_t)(p + len - at - 1));
}

enum isms_ioc_type isms_ioc_classify(char out[ISMS_IOC_VALUE_MAX + 1], struct isms_ioc_addr *addr,
                                     int *prefix, const char *text, size_t len)
{
    enum isms_ioc_type hash;
    const char *scheme;

    *prefix = 0;
    out[0] = '\0';
    if (len == 0 || len > ISMS_IOC_VALUE_MAX)
        return ISMS_IOC_NONE;
    if (isms_ioc_parse_ipv4(addr, text, len) || isms_ioc_parse_ipv6(addr, text, len)) {
        isms_ioc_addr_format(out, addr);
        return addr->v4 ? ISMS_IOC_IPV4 : ISMS_IOC_IPV6;
    }
    if (parse_cidr(addr, prefix, text, len)) {
        char net[48];
        isms_ioc_addr_format(net, addr);
        snprintf(out, ISMS_IOC_VALUE_MAX + 1, "%s/%d", net, addr->v4 ? *prefix - 96 : *prefix);
        return ISMS_IOC_CIDR;
    }
    if (isms_ioc_canonical_registry_key(out, text, len))
        return ISMS_IOC_REGISTRY_KEY;
    if (isms_ioc_canonical_path(out, text, len))
        return ISMS_IOC_FILE_PATH;
    lower_copy(out, text, len);
    if ((hash = isms_ioc_hash_type(text, len)))
        return hash;
    scheme = strstr(out, "://");
    if (scheme && scheme > out)
        return ISMS_IOC_URL;
    if (is_email(text, len))
        return ISMS_IOC_EMAIL;
    if (isms_ioc_is_domain(text, len))
        return ISMS_IOC_DOMAIN;
    out[0] = '\0';
    return ISMS_IOC_NONE;
}

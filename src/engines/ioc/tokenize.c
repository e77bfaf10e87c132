#include "isms_setup.h"
#include <pthread.h>
#include "engines/ioc/byte_masks.h"
#include "engines/ioc/tokenize.h"
#include "util/error.h"

/* Byte classes: one table lookup a byte on the hot path. A run is a maximal
 * stretch of RUN bytes; what else a run holds (dots, colons, '@', bytes no
 * hex digit) decides which tokens it can be, before any parsing. */
enum {
    C_RUN = 1, /* letters, digits, . - _ @ + % : */
    C_DIGIT = 2,
    C_ALPHA = 4,
    C_DOT = 8,
    C_COLON = 16,
    C_AT = 32,
    C_NOT_HEX = 64, /* in a run but no hex digit */
};

static uint8_t classes[256];

static void init_classes(void)
{
    for (int c = 0; c < 256; c++) {
        uint8_t k = 0;
        bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        if (alpha || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_' || c == '@' ||
            c == '+' || c == '%' || c == ':')
            k |= C_RUN;
        if (c >= '0' && c <= '9')
            k |= C_DIGIT;
        if (alpha)
            k |= C_ALPHA;
        k |= c == '.' ? C_DOT : c == ':' ? C_COLON : c == '@' ? C_AT : 0;
        if ((k & C_RUN) && !hex)
            k |= C_NOT_HEX;
        classes[c] = k;
    }
}

static uint8_t class_of(char c)
{
    return classes[(unsigned char)c];
}

static int emit(isms_ioc_token_fn fn, void *ctx, enum isms_ioc_type type, const char *text,
                size_t len, const struct isms_ioc_addr *addr)
{
    struct isms_ioc_token t = {type, text, len, {{0}, false}};

    if (addr)
        t.addr = *addr;
    return fn(&t, ctx);
}

static uint8_t classes_of(const char *p, size_t len)
{
    uint8_t seen = 0;

    for (size_t i = 0; i < len; i++)
        seen |= class_of(p[i]);
    return seen;
}

/* A piece of a run without colons: a hash, an IPv4 address, an e-mail
 * address (and its domain) or a domain, told apart by what it holds
 * (`seen`: the classes of its bytes, as the caller found them). */
#define WANTS(wanted, type) ((wanted) >> (type)&1u)

static int word(const char *p, size_t len, uint8_t seen, unsigned wanted, isms_ioc_token_fn fn,
                void *ctx)
{
    struct isms_ioc_addr addr;
    enum isms_ioc_type hash;
    const char *at;
    int stop;

    size_t was = len;

    while (len && (p[len - 1] == '.' || p[len - 1] == '-' || p[len - 1] == '_'))
        len--; /* "see example.com." */
    while (len && (*p == '.' || *p == '-' || *p == '_'))
        p++, len--;
    if (len < 3)
        return 0;
    if (len != was) /* what was cut may have been the only dot */
        seen = classes_of(p, len);
    if (!(seen & (C_DOT | C_AT))) {
        if (!(seen & C_NOT_HEX) && (hash = isms_ioc_hash_type(p, len)) && WANTS(wanted, hash))
            return emit(fn, ctx, hash, p, len, NULL);
        return 0;
    }
    if (!(seen & (C_ALPHA | C_AT))) {
        if (WANTS(wanted, ISMS_IOC_IPV4) && isms_ioc_parse_ipv4(&addr, p, len))
            return emit(fn, ctx, ISMS_IOC_IPV4, p, len, &addr);
        return 0; /* digits and dots: no domain (its last label has letters) */
    }
    if ((seen & C_AT) && (at = memchr(p, '@', len))) {
        const char *domain = at + 1;
        size_t n = (size_t)(p + len - domain);
        if (!(wanted & (1u << ISMS_IOC_EMAIL | 1u << ISMS_IOC_DOMAIN)) ||
            !isms_ioc_is_domain(domain, n))
            return 0;
        if (WANTS(wanted, ISMS_IOC_EMAIL) && (stop = emit(fn, ctx, ISMS_IOC_EMAIL, p, len, NULL)))
            return stop;
        return WANTS(wanted, ISMS_IOC_DOMAIN) ? emit(fn, ctx, ISMS_IOC_DOMAIN, domain, n, NULL) : 0;
    }
    if ((seen & C_ALPHA) && WANTS(wanted, ISMS_IOC_DOMAIN) && isms_ioc_is_domain(p, len))
        return emit(fn, ctx, ISMS_IOC_DOMAIN, p, len, NULL);
    return 0;
}

/* A URL from its scheme: up to white space, a quote or an angle bracket. */
static size_t url_length(const char *p, const char *end)
{
    const char *q = p;

    while (q < end && *q != ' ' && *q != '\t' && *q != '"' && *q != '\'' && *q != '<' && *q != '>')
        q++;
    return (size_t)(q - p);
}

/* A run with two colons or more is an IPv6 address (a %zone kept in the
 * token, ignored by the parse) or nothing: a clock time or a MAC address
 * holds no address either. */
static int colon_run(const char *p, size_t len, unsigned wanted, isms_ioc_token_fn fn, void *ctx)
{
    struct isms_ioc_addr addr;
    enum isms_ioc_type type;

    while (len && p[len - 1] == '.')
        len--; /* "::1." ends a sentence */
    if (!isms_ioc_parse_ipv6(&addr, p, len))
        return 0;
    type = addr.v4 ? ISMS_IOC_IPV4 : ISMS_IOC_IPV6;
    return WANTS(wanted, type) ? emit(fn, ctx, type, p, len, &addr) : 0;
}

/* ----------------------------------------------- from candidate to candidate */

/* The bits of x that start 32 ones in a row. */
static uint64_t starts_of_32(uint64_t x)
{
    x &= x >> 1;
    x &= x >> 2;
    x &= x >> 4;
    x &= x >> 8;
    return x & x >> 16;
}

/* The bytes of block b a token can be found from: a dot, colon or '@' (in
 * every token but a hash), or the start of 32 hex digits in a row (in a
 * hash; the row may go on into the next block); only those of the types
 * wanted. */
#define HASH_TYPES (1u << ISMS_IOC_MD5 | 1u << ISMS_IOC_SHA1 | 1u << ISMS_IOC_SHA256)

static uint64_t candidates(const struct isms_byte_masks *blocks, size_t b, size_t count,
                           unsigned wanted)
{
    const uint64_t *m = blocks[b].m;
    uint64_t hex = m[ISMS_BYTE_HEX], found = 0, across;

    if (wanted & ~HASH_TYPES)
        found = m[ISMS_BYTE_DOT] | m[ISMS_BYTE_COLON] | m[ISMS_BYTE_AT];
    if (!(wanted & HASH_TYPES))
        return found;
    across = hex >> 32 | (b + 1 < count ? blocks[b + 1].m[ISMS_BYTE_HEX] << 32 : 0);
    return found | starts_of_32(hex) | (starts_of_32(across) & 0xffffffffu) << 32;
}

/* A line's masks, and what a stretch [s, e) of it holds, read from them. */
struct masked_line {
    const char *text;
    size_t len;
    const struct isms_byte_masks *blocks;
    size_t count;
};

struct stretch {
    uint8_t seen;          /* the C_* of its bytes word() reads (not C_DIGIT) */
    unsigned dots, colons; /* counted up to DOTS_COUNTED, COLONS_COUNTED a block */
    bool double_colon;     /* "::" */
    size_t first_colon;    /* offset in the line; valid when colons > 0 */
};

/* The bits of block b that lie in [s, e). */
static uint64_t within(size_t b, size_t s, size_t e)
{
    size_t lo = b * 64, hi = lo + 64;
    uint64_t from = s > lo ? ~0ull << (s - lo) : ~0ull;
    uint64_t to = e < hi ? (1ull << (e - lo)) - 1 : ~0ull;

    return from & to;
}

/* The set bits of x, counted up to `limit` (a CPU without popcnt makes
 * __builtin_popcountll a library call). */
static unsigned bits_up_to(uint64_t x, unsigned limit)
{
    unsigned n = 0;

    for (; x && n < limit; n++)
        x &= x - 1;
    return n;
}

#define DOTS_COUNTED 3   /* an IPv4 address has three */
#define COLONS_COUNTED 6 /* an IPv6 address without "::" six or seven */

static struct stretch stretch_of(const struct masked_line *l, size_t s, size_t e)
{
    struct stretch r = {0, 0, 0, false, 0};
    uint64_t run = 0, alpha = 0, at = 0, pairs = 0, carry = 0;

    for (size_t b = s / 64; b * 64 < e; b++) {
        const uint64_t *m = l->blocks[b].m, in = within(b, s, e);
        uint64_t colon = m[ISMS_BYTE_COLON] & in;
        if (colon && !r.colons)
            r.first_colon = b * 64 + (size_t)__builtin_ctzll(colon);
        r.colons += bits_up_to(colon, COLONS_COUNTED);
        pairs |= (colon & (colon >> 1)) | (carry & colon);
        carry = colon >> 63;
        r.dots += bits_up_to(m[ISMS_BYTE_DOT] & in, DOTS_COUNTED);
        run |= m[ISMS_BYTE_RUN] & in & ~m[ISMS_BYTE_HEX];
        alpha |= m[ISMS_BYTE_ALPHA] & in;
        at |= m[ISMS_BYTE_AT] & in;
    }
    r.seen = (uint8_t)((e > s ? C_RUN : 0) | (run ? C_NOT_HEX : 0) | (alpha ? C_ALPHA : 0) |
                       (at ? C_AT : 0) | (r.dots ? C_DOT : 0) | (r.colons ? C_COLON : 0));
    r.double_colon = pairs != 0;
    return r;
}

/* Where the run that holds byte c ends: the first byte after it in no run. */
static size_t run_end(const struct masked_line *l, size_t c)
{
    for (size_t b = c / 64; b < l->count; b++) {
        uint64_t out = ~l->blocks[b].m[ISMS_BYTE_RUN] & within(b, c, l->len);
        if (out)
            return b * 64 + (size_t)__builtin_ctzll(out);
    }
    return l->len;
}

/* Where it starts, not before `floor` (where the last token ended). */
static size_t run_start(const struct masked_line *l, size_t c, size_t floor)
{
    for (size_t b = c / 64 + 1; b-- > floor / 64;) {
        uint64_t out = ~l->blocks[b].m[ISMS_BYTE_RUN] & within(b, floor, c);
        if (out)
            return b * 64 + 64 - (size_t)__builtin_clzll(out);
    }
    return floor;
}

/* A stretch [s, e) without colons, `r` what it holds: its word, unless it
 * is digits with fewer than three dots ("HTTP/1.1", "5.0"), which are no
 * address, no domain and no hash. */
static int piece_of(const struct masked_line *l, size_t s, size_t e, const struct stretch *r,
                    unsigned wanted, isms_ioc_token_fn fn, void *ctx)
{
    if (r->dots && r->dots < DOTS_COUNTED && !(r->seen & (C_ALPHA | C_AT)))
        return 0;
    return word(l->text + s, e - s, r->seen, wanted, fn, ctx);
}

static int piece(const struct masked_line *l, size_t s, size_t e, unsigned wanted,
                 isms_ioc_token_fn fn, void *ctx)
{
    struct stretch r = stretch_of(l, s, e);

    return piece_of(l, s, e, &r, wanted, fn, ctx);
}

/* The run [s, e) that holds a candidate: its tokens. *next is where the
 * search goes on (a URL's host is searched as a run of its own). */
static int run(const struct masked_line *l, size_t s, size_t e, size_t *next, unsigned wanted,
               isms_ioc_token_fn fn, void *ctx)
{
    const char *p = l->text + s, *end = l->text + l->len, *colon;
    struct stretch r = stretch_of(l, s, e);

    *next = e;
    if (!(r.seen & (C_DOT | C_AT | C_COLON)) &&
        ((r.seen & C_NOT_HEX) || (e - s != 32 && e - s != 40 && e - s != 64)))
        return 0; /* hex digits, but no hash */
    if (r.colons >= 2) {
        /* An IPv6 address has a "::" or six colons at least. */
        if (r.colons < COLONS_COUNTED && !r.double_colon)
            return 0;
        return WANTS(wanted, ISMS_IOC_IPV4) || WANTS(wanted, ISMS_IOC_IPV6)
                   ? colon_run(p, e - s, wanted, fn, ctx)
                   : 0;
    }
    if (r.colons == 0)
        return piece_of(l, s, e, &r, wanted, fn, ctx);
    colon = l->text + r.first_colon;
    if (colon + 3 <= end && colon[1] == '/' && colon[2] == '/' && colon > p &&
        (class_of(*p) & C_ALPHA)) {
        /* scheme://host...: the URL, then its host as a token of its own */
        *next = r.first_colon + 3;
        return WANTS(wanted, ISMS_IOC_URL)
                   ? emit(fn, ctx, ISMS_IOC_URL, p, url_length(p, end), NULL)
                   : 0;
    }
    { /* host:port, key:value */
        int stop = piece(l, s, r.first_colon, wanted, fn, ctx);
        return stop ? stop : piece(l, r.first_colon + 1, e, wanted, fn, ctx);
    }
}

#define STACK_BLOCKS 256 /* lines of up to 16 KiB take their masks from the stack */

int isms_ioc_tokenize(const char *line, size_t len, isms_ioc_token_fn fn, void *ctx)
{
    return isms_ioc_tokenize_wanted(line, len, ~0u, fn, ctx);
}

int isms_ioc_tokenize_wanted(const char *line, size_t len, unsigned wanted, isms_ioc_token_fn fn,
                             void *ctx)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    struct isms_byte_masks stack[STACK_BLOCKS], *blocks = stack;
    struct masked_line l = {line, len, stack, ISMS_BYTE_BLOCKS(len)};
    size_t next = 0;
    int stop = 0;

    pthread_once(&once, init_classes);
    if (l.count > STACK_BLOCKS && !(blocks = malloc(l.count * sizeof(*blocks))))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    l.blocks = blocks;
    isms_byte_masks_line(blocks, line, len);
    for (size_t b = 0; !stop && b < l.count; b++) {
        uint64_t m = candidates(blocks, b, l.count, wanted);
        if (next > b * 64)
            m &= next - b * 64 >= 64 ? 0 : ~0ull << (next - b * 64);
        while (m && !stop) {
            size_t c = b * 64 + (size_t)__builtin_ctzll(m);
            stop = run(&l, run_start(&l, c, next), run_end(&l, c), &next, wanted, fn, ctx);
            m = next - b * 64 >= 64 ? 0 : m & ~0ull << (next - b * 64);
        }
    }
    if (blocks != stack)
        free(blocks);
    return stop;
}

/* ------------------------------------------------- paths and registry keys */

/* What may stand before a path or a key: nothing, a space, a quote, or
 * the punctuation of key=value, (...) and lists. */
static bool opens_path(const char *line, const char *p)
{
    return p == line || strchr(" \t\"'=([{,;<>|", p[-1]) != NULL;
}

/* Where a path or key that starts at `p` ends: at the quote that opened it
 * (a quoted path may hold spaces: "C:\Program Files\x.exe"), else at white
 * space or punctuation; a sentence's full stop is not part of it. */
static const char *path_end(const char *line, const char *p, const char *end)
{
    char quote = p > line && (p[-1] == '"' || p[-1] == '\'') ? p[-1] : 0;
    const char *q = p;

    if (quote)
        while (q < end && *q != quote)
            q++;
    else
        while (q < end && !strchr(" \t\"'<>|,;)]}", *q))
            q++;
    while (q > p && (q[-1] == '.' || q[-1] == ':'))
        q--;
    return q;
}

/* The start of a path or key that has a '\' at `p`: a hive name before it,
 * a drive ("C:"), a variable ("%APPDATA%") or the "\\" of a UNC path; NULL
 * for none. */
static const char *backslash_start(const char *line, const char *p, const char *end)
{
    const char *s = p;

    while (s > line && (class_of(s[-1]) & C_ALPHA || s[-1] == '_'))
        s--;
    if (s < p && opens_path(line, s) && isms_ioc_registry_hive(s, (size_t)(end - s), NULL))
        return s;
    if (p - line >= 2 && p[-1] == ':' && (class_of(p[-2]) & C_ALPHA) && opens_path(line, p - 2))
        return p - 2;
    if (p - line >= 3 && p[-1] == '%') { /* %APPDATA%\ */
        for (s = p - 2; s > line && (class_of(*s) & (C_ALPHA | C_DIGIT) || *s == '_'); s--)
            ;
        if (s < p - 2 && *s == '%' && opens_path(line, s))
            return s;
    }
    if (p + 2 < end && p[1] == '\\' && (class_of(p[2]) & C_RUN) && opens_path(line, p))
        return p;
    return NULL;
}

int isms_ioc_tokenize_paths(const char *line, size_t len, isms_ioc_token_fn fn, void *ctx)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    const char *p = line, *end = line + len;
    int stop = 0;

    pthread_once(&once, init_classes);
    while (!stop && p < end) {
        const char *start = NULL, *stop_at;
        enum isms_ioc_type type = ISMS_IOC_FILE_PATH;
        if (*p == '\\')
            start = backslash_start(line, p, end);
        else if (*p == '/' && p + 1 < end && p[1] != '/' && opens_path(line, p))
            start = p;
        if (!start) {
            p++;
            continue;
        }
        if (isms_ioc_registry_hive(start, (size_t)(end - start), NULL))
            type = ISMS_IOC_REGISTRY_KEY;
        stop_at = path_end(line, start, end);
        if ((size_t)(stop_at - start) <= ISMS_IOC_VALUE_MAX && stop_at - start > 2)
            stop = emit(fn, ctx, type, start, (size_t)(stop_at - start), NULL);
        p = stop_at > p ? stop_at : p + 1;
    }
    return stop;
}

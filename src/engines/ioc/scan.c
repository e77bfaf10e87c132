#include "isms_setup.h"
#include <errno.h>
#include "engines/ioc/scan.h"
#include "util/error.h"

struct line_ctx {
    const struct isms_ioc_set *set;
    isms_ioc_hit_fn fn;
    isms_ioc_line_fn line_fn;
    void *ctx;
    struct isms_ioc_scan_stats *stats;
    size_t line;
    const char *text;
    size_t len;
    bool paths;      /* the set has paths or keys to look for */
    unsigned wanted; /* the token types it has */
};

static int on_token(const struct isms_ioc_token *token, void *ctx)
{
    struct line_ctx *l = ctx;
    struct isms_ioc_hit hit = {l->line, l->text, l->len, token, {0, NULL, 0}};

    l->stats->tokens++;
    if (!isms_ioc_set_find(l->set, token, &hit.match))
        return 0;
    l->stats->hits++;
    l->stats->hits_by_type[token->type]++;
    return l->fn ? l->fn(&hit, l->ctx) : 0;
}

static int scan_line(struct line_ctx *l, const char *p, size_t n)
{
    int stop;

    if (n && p[n - 1] == '\r')
        n--;
    l->text = p;
    l->len = n;
    if (l->line_fn && (stop = l->line_fn(l->line, p, n, l->ctx)))
        return stop;
    if ((stop = isms_ioc_tokenize_wanted(p, n, l->wanted, on_token, l)))
        return stop;
    return l->paths ? isms_ioc_tokenize_paths(p, n, on_token, l) : 0;
}

int isms_ioc_scan(FILE *in, const char *name, const struct isms_ioc_set *set, isms_ioc_hit_fn fn,
                  isms_ioc_line_fn line_fn, void *ctx, struct isms_ioc_scan_stats *stats)
{
    struct line_ctx l = {set,
                         fn,
                         line_fn,
                         ctx,
                         stats,
                         0,
                         NULL,
                         0,
                         isms_ioc_set_has_paths(set),
                         isms_ioc_set_wanted(set)};
    char *buf = malloc(ISMS_IOC_SCAN_BUFFER);
    size_t have = 0, got;
    bool continued = false; /* the buffer holds the rest of a cut line */
    int stop = 0;

    memset(stats, 0, sizeof(*stats));
    if (!buf)
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    while (!stop && (got = fread(buf + have, 1, ISMS_IOC_SCAN_BUFFER - have, in)) > 0) {
        char *p = buf, *end = buf + have + got, *nl;
        stats->bytes += got;
        while (!stop && (nl = memchr(p, '\n', (size_t)(end - p)))) {
            if (!continued)
                l.line++;
            continued = false;
            stop = scan_line(&l, p, (size_t)(nl - p));
            p = nl + 1;
        }
        have = (size_t)(end - p);
        if (have == ISMS_IOC_SCAN_BUFFER) { /* one line fills the buffer: scan it in parts */
            if (!continued)
                l.line++;
            stats->long_lines += !continued;
            continued = true;
            stop = scan_line(&l, buf, have);
            have = 0;
        } else if (have && p != buf) {
            memmove(buf, p, have);
        }
    }
    if (!stop && ferror(in))
        stop = isms_error_set(ISMS_ERROR, "cannot read '%s': %s", name, strerror(errno));
    if (!stop && have) { /* the last line has no newline */
        if (!continued)
            l.line++;
        stop = scan_line(&l, buf, have);
    }
    stats->lines = l.line;
    free(buf);
    return stop;
}

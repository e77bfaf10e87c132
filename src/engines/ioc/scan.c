#include "isms_setup.h"
#include "engines/ioc/scan.h"
#include "util/error.h"
#include "util/lines.h"

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

static int scan_line(const char *p, size_t n, size_t line_no, void *ctx)
{
    struct line_ctx *l = ctx;
    int stop;

    l->line = line_no;
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
    struct isms_lines_stats lines;
    int stop;

    memset(stats, 0, sizeof(*stats));
    stop = isms_lines_each(in, name, scan_line, &l, &lines);
    stats->bytes = lines.bytes;
    stats->lines = lines.lines;
    stats->long_lines = lines.long_lines;
    return stop;
}

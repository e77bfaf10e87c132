/*
 * Streaming a log through the tokenizer and the indicator set: any size in
 * constant memory (util/lines.h: one buffer of ISMS_LINES_BUFFER bytes), line numbers
 * counted from 1, a line longer than the buffer scanned in pieces (a token
 * across a cut may be missed; such lines are counted).
 */
#ifndef ISMS_ENGINES_IOC_SCAN_H
#define ISMS_ENGINES_IOC_SCAN_H

#include <stdio.h>
#include "engines/ioc/indicator_set.h"

struct isms_ioc_hit {
    size_t line;      /* 1-based */
    const char *text; /* the line, for context */
    size_t text_len;
    const struct isms_ioc_token *token; /* what the log wrote */
    struct isms_ioc_match match;        /* what it matched */
};

/* Returns nonzero to stop the scan. */
typedef int (*isms_ioc_hit_fn)(const struct isms_ioc_hit *hit, void *ctx);
/* Every line before its tokens (rules.h counts them); nonzero stops. */
typedef int (*isms_ioc_line_fn)(size_t line, const char *text, size_t len, void *ctx);

struct isms_ioc_scan_stats {
    size_t lines, bytes, tokens, hits, long_lines;
    size_t hits_by_type[ISMS_IOC_TYPES]; /* by the token's type */
    size_t alerts;                       /* the caller's count (rules.h) */
};

/* Scans `in` to its end; `fn` and `line_fn` may be NULL. 0, ISMS_ERROR for
 * a read error (message names `name`), or a callback's nonzero value. */
int isms_ioc_scan(FILE *in, const char *name, const struct isms_ioc_set *set, isms_ioc_hit_fn fn,
                  isms_ioc_line_fn line_fn, void *ctx, struct isms_ioc_scan_stats *stats);

#endif

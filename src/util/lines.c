#include "isms_setup.h"
#include "util/error.h"
#include "util/lines.h"

static int hand_over(isms_line_fn fn, void *ctx, const char *p, size_t n, size_t line_no)
{
    if (n && p[n - 1] == '\r')
        n--;
    return fn(p, n, line_no, ctx);
}

int isms_lines_each(FILE *in, const char *name, isms_line_fn fn, void *ctx,
                    struct isms_lines_stats *stats)
{
    char *buf = malloc(ISMS_LINES_BUFFER);
    size_t have = 0, got, line = 0;
    bool continued = false; /* the buffer holds the rest of a cut line */
    int stop = 0;

    memset(stats, 0, sizeof(*stats));
    if (!buf)
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    while (!stop && (got = fread(buf + have, 1, ISMS_LINES_BUFFER - have, in)) > 0) {
        char *p = buf, *end = buf + have + got, *nl;
        stats->bytes += got;
        while (!stop && (nl = memchr(p, '\n', (size_t)(end - p)))) {
            line += !continued;
            continued = false;
            stop = hand_over(fn, ctx, p, (size_t)(nl - p), line);
            p = nl + 1;
        }
        have = (size_t)(end - p);
        if (have == ISMS_LINES_BUFFER) { /* one line fills the buffer: hand it in parts */
            stats->long_lines += !continued;
            line += !continued;
            continued = true;
            stop = hand_over(fn, ctx, buf, have, line);
            have = 0;
        } else if (have && p != buf) {
            memmove(buf, p, have);
        }
    }
    if (!stop && ferror(in))
        stop = isms_error_set(ISMS_ERROR, "cannot read '%s': %s", name, strerror(errno));
    if (!stop && have) { /* the last line has no newline */
        line += !continued;
        stop = hand_over(fn, ctx, buf, have, line);
    }
    stats->lines = line;
    free(buf);
    return stop;
}

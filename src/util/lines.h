/*
 * The lines of a stream in constant memory: one buffer of ISMS_LINES_BUFFER
 * bytes, lines handed over without their newline (and a '\r' before it), a
 * line longer than the buffer in parts, each with the same line number.
 * The log and leak scanners read their files through it.
 */
#ifndef ISMS_UTIL_LINES_H
#define ISMS_UTIL_LINES_H

#include <stddef.h>
#include <stdio.h>

#define ISMS_LINES_BUFFER (1u << 20)

/* `line_no` is 1-based. Returns nonzero to stop. */
typedef int (*isms_line_fn)(const char *line, size_t len, size_t line_no, void *ctx);

struct isms_lines_stats {
    size_t bytes, lines;
    size_t long_lines; /* lines handed over in parts */
};

/* Every line of `in`; fn's nonzero value, or an ISMS_E* code when the
 * stream cannot be read (`name` for the message). */
int isms_lines_each(FILE *in, const char *name, isms_line_fn fn, void *ctx,
                    struct isms_lines_stats *stats);

#endif

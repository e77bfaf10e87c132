/*
 * What an import from a file found wrong: every bad cell with its line and
 * column, in English and Japanese, so a user fixes the whole file at once.
 * The asset register import and the 2013 SoA import (transition.h) report
 * through this; pages, the API and the CLI show it the same way.
 */
#ifndef ISMS_ISMS_IMPORT_ERRORS_H
#define ISMS_ISMS_IMPORT_ERRORS_H

#include "isms_setup.h"

#define ISMS_IMPORT_ERRORS_MAX 1000 /* reported in full; beyond that only counted */

struct isms_import_error {
    size_t line;     /* 1-based line of the file where the row starts */
    size_t column;   /* 1-based column; 0: the row or file as a whole */
    char header[64]; /* that column's header as written in the file ("" for 0) */
    char message[240];
    char message_ja[400]; /* the same in Japanese (util/error.h) */
};

struct isms_import_errors {
    struct isms_import_error *list;
    size_t count; /* held in `list` */
    size_t total; /* including those past ISMS_IMPORT_ERRORS_MAX */
    size_t rows;  /* rows with at least one error */
};

/* Adds one error (`fmt` a translatable message, util/error.h; "%s" passes
 * a message already made, translated as the text it is). */
void isms_import_error_add(struct isms_import_errors *errors, size_t line, size_t column,
                           const char *header, const char *fmt, ...) ISMS_PRINTF(5, 6);
void isms_import_error_vadd(struct isms_import_errors *errors, size_t line, size_t column,
                            const char *header, const char *fmt, va_list ap) ISMS_PRINTF(5, 0);

/* An error that stops the import (the file as a whole is refused): added
 * at `line`, column 0, and kept in *fatal unless one is there already.
 * Returns `code`. */
int isms_import_error_fatal(struct isms_import_errors *errors, int *fatal, int code, size_t line,
                            const char *message);

/* The import's result: 0 without errors; else `fatal` (a file refused as a
 * whole) or ISMS_EINVALID, with the message set. */
int isms_import_errors_result(const struct isms_import_errors *errors, int fatal);

void isms_import_errors_release(struct isms_import_errors *errors);

#endif

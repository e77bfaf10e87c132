/*
 * One import of indicators (isms/indicator.h): its format, the rows read
 * with their texts, the errors, and what every reader (the lists and CSV of
 * indicator.c, the JSON feeds of indicator_feeds.c) does with one value.
 */
#ifndef ISMS_ISMS_INDICATOR_IMPORT_H
#define ISMS_ISMS_INDICATOR_IMPORT_H

#include "isms/import_errors.h"
#include "model/indicator.h"
#include "util/arena.h"

#define ISMS_INDICATOR_FILE_MAX (256u << 20)
#define ISMS_INDICATOR_ROWS_MAX 5000000

enum isms_indicator_format {
    ISMS_INDICATOR_AUTO = 0,    /* STIX or MISP for their JSON, CSV for a header naming 'value',
                                 * else a list */
    ISMS_INDICATOR_LIST,        /* one value a line, '#' comments, the type found per line */
    ISMS_INDICATOR_CSV,         /* a header: value, type, threat, source, tlp, first_seen,
                                 * active_from, active_until, direction, confidence, tags */
    ISMS_INDICATOR_STIX,        /* a STIX 2.1 bundle: indicator objects and their patterns */
    ISMS_INDICATOR_MISP,        /* a MISP event (JSON): attributes meant for detection */
    ISMS_INDICATOR_WARNINGLIST, /* a MISP warning list: known-good values that suppress hits */
};
int isms_indicator_format_parse(enum isms_indicator_format *out, const char *text);

struct isms_indicator_import {
    struct isms_indicator *rows;
    size_t count, room;
    size_t skipped; /* bad lines left out with skip_bad */
    size_t added;   /* new ones, after the import was stored */
    struct isms_import_errors errors;
    struct isms_arena texts; /* what the rows point into */
};

void isms_indicator_import_release(struct isms_indicator_import *import);

/* A new row of the import with the defaults (amber, both directions), not
 * yet counted; NULL past the caps or out of memory. */
struct isms_indicator *isms_indicator_next_row(struct isms_indicator_import *out);

/* The row's value: its type and canonical text (kept in the import's
 * arena). ISMS_EINVALID for a value of no known kind. */
int isms_indicator_take_value(struct isms_indicator_import *out, struct isms_indicator *row,
                              const char *text, size_t len);

/* A value of the file at `where` (its line, or its object's place; column
 * 1 for a list's, 0 for none) with `fields` (NULL: the defaults): counted,
 * skipped or an error of the import. <0 only past the caps. */
int isms_indicator_add_value(struct isms_indicator_import *out, size_t where, size_t column,
                             const char *value, const struct isms_indicator *fields, bool skip_bad);

#endif

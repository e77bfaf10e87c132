/* What the indicator readers (indicator.c, indicator_feeds.c) share. */
#ifndef ISMS_ISMS_INDICATOR_ROWS_H
#define ISMS_ISMS_INDICATOR_ROWS_H

#include "isms/indicator.h"

/* A new row of the import with the defaults (amber, both directions), not
 * yet counted; NULL past the caps or out of memory. */
struct isms_indicator *isms_indicator_next_row(struct isms_indicator_import *out);

/* The row's value: its type and canonical text (kept in the import's
 * arena). ISMS_EINVALID for a value of no known kind. */
int isms_indicator_take_value(struct isms_indicator_import *out, struct isms_indicator *row,
                              const char *text, size_t len);

/* STIX or MISP when `data` is the JSON of one, else 0 (AUTO). */
enum isms_indicator_format isms_indicator_sniff_json(const char *data, size_t len);

/* Reads a STIX 2.1 bundle or a MISP event into `out`; the "line" of an
 * error is the object's (or attribute's) place, 1-based. */
int isms_indicator_parse_feed(struct isms_indicator_import *out, const char *data, size_t len,
                              enum isms_indicator_format format, bool skip_bad);

#endif

/* Indicators from STIX 2.1 bundles, MISP events and MISP warning lists. */
#ifndef ISMS_ISMS_INDICATOR_FEEDS_H
#define ISMS_ISMS_INDICATOR_FEEDS_H

#include "isms/indicator_import.h"

/* STIX, MISP or WARNINGLIST when `data` is the JSON of one, else 0 (AUTO). */
enum isms_indicator_format isms_indicator_sniff_json(const char *data, size_t len);

/* Reads a STIX 2.1 bundle or a MISP event into `out`; the "line" of an
 * error is the object's (or attribute's) place, 1-based. */
int isms_indicator_parse_feed(struct isms_indicator_import *out, const char *data, size_t len,
                              enum isms_indicator_format format, bool skip_bad);

#endif

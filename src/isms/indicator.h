/*
 * Indicators of an organization (model/indicator.h): import from plain lists
 * and CSV, the list, and the set a log scan looks up (only the indicators
 * active today). Re-importing is idempotent: an indicator is its type and
 * canonical value.
 */
#ifndef ISMS_ISMS_INDICATOR_H
#define ISMS_ISMS_INDICATOR_H

#include "engines/ioc/indicator_set.h"
#include "isms/import_errors.h"
#include "model/indicator.h"
#include "util/arena.h"

struct isms_store;
struct isms_actor;

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

/* Parses `data`. 0 when every line is good (or `skip_bad` left the bad ones
 * out, counted in out->skipped); ISMS_EINVALID with every bad line in
 * out->errors otherwise. Release *out in every case. */
int isms_indicator_parse(struct isms_indicator_import *out, const char *data, size_t len,
                         enum isms_indicator_format format, bool skip_bad);

/* Parses and, only without errors, stores the import (all in one
 * transaction, journaled "indicator.import" naming `source_name`). */
int isms_indicator_import(struct isms_indicator_import *out, struct isms_store *store,
                          int64_t org_id, const char *data, size_t len,
                          enum isms_indicator_format format, bool skip_bad, const char *source_name,
                          const struct isms_actor *actor);
void isms_indicator_import_release(struct isms_indicator_import *import);

/* Every indicator of the org, by type and value (see store/indicators.h). */
int isms_indicator_each(struct isms_store *store, int64_t org_id,
                        int (*visit)(const struct isms_indicator *indicator, void *ctx), void *ctx);

/* Adds the org's indicators active on `day` to `set` (tag: the indicator's id). */
int isms_indicator_load_set(struct isms_ioc_set *set, size_t *loaded, struct isms_store *store,
                            int64_t org_id, const struct isms_date *day);

#endif

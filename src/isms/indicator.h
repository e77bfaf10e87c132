/*
 * Indicators of an organization (model/indicator.h): import from plain lists
 * and CSV, the list, and the set a log scan looks up (only the indicators
 * active today). Re-importing is idempotent: an indicator is its type and
 * canonical value.
 */
#ifndef ISMS_ISMS_INDICATOR_H
#define ISMS_ISMS_INDICATOR_H

#include "engines/ioc/indicator_set.h"
#include "isms/indicator_import.h"

struct isms_store;
struct isms_actor;

/* Parses `data`. 0 when every line is good (or `skip_bad` left the bad ones
 * out, counted in out->skipped); ISMS_EINVALID with every bad line in
 * out->errors otherwise. Release *out in every case. */
int isms_indicator_parse(struct isms_indicator_import *out, const char *data, size_t len,
                         enum isms_indicator_format format, bool skip_bad);

struct isms_indicator_import_options {
    enum isms_indicator_format format;
    bool skip_bad;
    const char *source_name; /* the file's name, for the journal */
    /* The threat of the library ("ipa:3") of the rows that name none; NULL
     * or "" for none. */
    const char *threat_ref;
};

/* Parses and, only without errors, stores the import (all in one
 * transaction, journaled "indicator.import" naming the source). Each
 * threat_ref is resolved: ISMS_EINVALID/ISMS_ENOTFOUND for one not in the
 * org's library. */
int isms_indicator_import(struct isms_indicator_import *out, struct isms_store *store,
                          int64_t org_id, const char *data, size_t len,
                          const struct isms_indicator_import_options *options,
                          const struct isms_actor *actor);

/* Every indicator of the org, by type and value (see store/indicators.h). */
int isms_indicator_each(struct isms_store *store, int64_t org_id,
                        int (*visit)(const struct isms_indicator *indicator, void *ctx), void *ctx);

/* Adds the org's indicators active on `day` to `set` (tag: the indicator's id). */
int isms_indicator_load_set(struct isms_ioc_set *set, size_t *loaded, struct isms_store *store,
                            int64_t org_id, const struct isms_date *day);

#endif

/*
 * SQL of the indicators (rules in isms/indicator.c). Every statement
 * filters by org_id.
 */
#ifndef ISMS_STORE_INDICATORS_H
#define ISMS_STORE_INDICATORS_H

#include "model/indicator.h"

struct isms_store;
struct isms_actor;

/* Inserts each indicator, or updates the one of the same type and value
 * (re-importing a list is idempotent), in one transaction with one journal
 * event ("indicator.import"); *added gets how many were new. */
int isms_store_indicators_upsert(size_t *added, struct isms_store *store, int64_t org_id,
                                 const struct isms_indicator *rows, size_t count,
                                 const char *source_name, const struct isms_actor *actor);

/* Calls `visit` for each indicator of the org (of `type` unless 0), by
 * type and value, with one struct reused: constant memory for any count.
 * Stops at visit's error. */
typedef int (*isms_indicator_visit_fn)(const struct isms_indicator *indicator, void *ctx);
int isms_store_indicators_each(struct isms_store *store, int64_t org_id, int type,
                               isms_indicator_visit_fn visit, void *ctx);

int isms_store_indicator_count(int64_t *out, struct isms_store *store, int64_t org_id);

#endif

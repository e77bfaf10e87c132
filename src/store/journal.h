/*
 * The journal: every change that matters is appended, in the same
 * transaction as the change itself, as one row of a SHA-256 hash chain.
 * Each row's hash covers its own fields and the previous row's hash, so
 * editing or deleting any row breaks the chain from that row on
 * (isms_store_journal_verify finds the first break).
 */
#ifndef ISMS_STORE_JOURNAL_H
#define ISMS_STORE_JOURNAL_H

#include "model/journal.h"

struct isms_db;
struct isms_store;
struct isms_actor;

struct isms_journal_event {
    int64_t org_id;     /* 0: not about one organization (users, orgs list) */
    const char *action; /* dotted verb, e.g. "org.create", "soa.decide", "risk.update" */
    const char *entity; /* what was changed: "A.5.23", "risk:42", "user:alice" */
    const char *detail; /* JSON object text with the new values; NULL for "{}" */
};

/* Appends `event` by `actor`. Must run inside a write transaction on `db`
 * (isms_db_begin), so the change and its journal row commit or fail together. */
int isms_store_journal_append(struct isms_db *db, const struct isms_actor *actor,
                              const struct isms_journal_event *event);

/* Recomputes the whole chain. Returns 0 whether or not it is intact (see
 * report->first_bad); negative only when the check itself failed. */
int isms_store_journal_verify(struct isms_journal_report *report, struct isms_store *store);

#endif

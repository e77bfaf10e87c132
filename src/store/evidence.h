/*
 * Evidence rows of one subject (a control, an incident): files kept with
 * their SHA-256, and links. Each table that holds them names its SQL in a
 * `struct isms_store_evidence_table`; the statements are the same shape.
 */
#ifndef ISMS_STORE_EVIDENCE_H
#define ISMS_STORE_EVIDENCE_H

#include "model/evidence.h"

struct isms_store;
struct isms_actor;

struct isms_store_evidence_table {
    /* $1 org, $2 subject, $3 name, $4 url, $5 sha256, $6 size, $7 content,
     * $8 added_by, $9 added_at; RETURNING id. */
    const char *insert_sql;
    /* $1 org, $2 subject: EVIDENCE_COLUMNS, newest first. */
    const char *list_sql;
    /* $1 org, $2 evidence id, $3 subject: EVIDENCE_COLUMNS + content. */
    const char *file_sql;
    const char *action; /* journaled, e.g. "control.evidence" */
    const char *kind;   /* the journal names the entity "kind:subject" ("" : subject) */
};

#define ISMS_STORE_EVIDENCE_COLUMNS "id, name, url, sha256, size, added_by, added_at"

struct isms_store_evidence_row {
    const char *subject; /* the control id, the incident's id */
    const char *name;
    const char *url;
    const char *sha256;
    const void *content;
    size_t size;
};

/* Stores a file (`content` of `size` bytes) or a link (`url`, no content),
 * journaled; *out gets the evidence as stored. */
int isms_store_evidence_add(struct isms_evidence *out, struct isms_store *store,
                            const struct isms_store_evidence_table *table, int64_t org_id,
                            const struct isms_store_evidence_row *row,
                            const struct isms_actor *actor);

/* The evidence of one subject, newest first (without the content). *out: free(). */
int isms_store_evidence_list(struct isms_evidence **out, size_t *count, struct isms_store *store,
                             const struct isms_store_evidence_table *table, int64_t org_id,
                             const char *subject);

/* The file `evidence_id` of one subject with its content; ISMS_ENOTFOUND
 * (a generic message) for a link, or an id of another subject or org. */
int isms_store_evidence_file(struct isms_evidence_file *out, struct isms_store *store,
                             const struct isms_store_evidence_table *table, int64_t org_id,
                             const char *subject, int64_t evidence_id);

#endif

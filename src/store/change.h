/*
 * One change of one row and its journal event, in one transaction: the
 * shape of most writes of the smaller registers (BIA, deletion records,
 * checklists). The statement carries its own org_id filter.
 */
#ifndef ISMS_STORE_CHANGE_H
#define ISMS_STORE_CHANGE_H

#include <jansson.h>

struct isms_store;
struct isms_actor;

/* A value bound to $n of a statement. */
enum isms_sql_kind {
    ISMS_SQL_NULL,
    ISMS_SQL_INT,
    ISMS_SQL_TEXT
};
struct isms_sql_value {
    enum isms_sql_kind kind;
    int64_t i;
    const char *t;
};
static inline struct isms_sql_value isms_sql_int(int64_t v)
{
    return (struct isms_sql_value){ISMS_SQL_INT, v, NULL};
}

/* NULL reads as "". */
static inline struct isms_sql_value isms_sql_text(const char *v)
{
    return (struct isms_sql_value){ISMS_SQL_TEXT, 0, v ? v : ""};
}

/* SQL NULL for 0 (an optional reference to another row). */
static inline struct isms_sql_value isms_sql_id(int64_t v)
{
    return (struct isms_sql_value){v ? ISMS_SQL_INT : ISMS_SQL_NULL, v, NULL};
}

struct isms_store_change {
    int64_t org_id;
    const char *sql; /* an INSERT ... RETURNING id, or an UPDATE/DELETE of row `id` */
    const struct isms_sql_value *values;
    size_t count;
    const char *action; /* the journal's action, e.g. "bia.process.create" */
    const char *kind;   /* the journal names the entity "kind:id" */
    int64_t id;         /* the row an UPDATE/DELETE changes; 0 for an INSERT */
    json_t *detail;     /* the journal's detail; stolen, NULL for none */
};

/* Runs one statement with `values` bound to $1.. on a connection inside a
 * write (isms_store_write): *returned (may be NULL) gets the first column of
 * the first row it returns (0 when none), *changes (may be NULL) the rows
 * it changed. */
struct isms_db;
int isms_store_exec(struct isms_db *db, const char *sql, const struct isms_sql_value *values,
                    size_t count, int64_t *returned, int64_t *changes);

/* Runs the change and journals it. *id_out (may be NULL) gets the row's id.
 * ISMS_ENOTFOUND with `not_found` as the message when no row changed (the
 * id is not the org's); ISMS_ECONFLICT for a unique key violation. */
int isms_store_change(int64_t *id_out, struct isms_store *store, const struct isms_actor *actor,
                      struct isms_store_change *change, const char *not_found);

#endif

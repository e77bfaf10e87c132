/*
 * The shapes every store file repeats, written once: copying column text,
 * one transaction with its journal event, a single number from a query, and
 * "select one row" / "select all rows into an array".
 *
 * SQL stays with the caller as fixed text; only values are bound.
 */
#ifndef ISMS_STORE_QUERY_H
#define ISMS_STORE_QUERY_H

#include <jansson.h>

struct isms_actor;
struct isms_journal_event;
struct isms_db;
struct isms_stmt;
struct isms_store;

/* Copies `src` (NULL reads as "") into `dst`, cut to `size` - 1 bytes. */
void isms_store_copy_text(char *dst, size_t size, const char *src);

/* Binds a date as "YYYY-MM-DD", or NULL when it is unset. */
struct isms_date;
int isms_store_bind_date(struct isms_stmt *st, int index, const struct isms_date *d);

/* *out = a malloc'd copy of `text` (NULL reads as ""); free() it. */
int isms_store_dup_text(char **out, const char *text);

/* Appends an journal event whose detail is `detail` written compactly with
 * sorted keys. Steals `detail`; NULL (a failed json_pack) is out of memory. */
int isms_store_journal_json(struct isms_db *db, const struct isms_actor *actor, int64_t org_id,
                            const char *action, const char *entity, json_t *detail);

/* The statements of one write, which may append their own journal events as
 * `actor`; 0 or a negative ISMS_E*. */
typedef int (*isms_store_write_fn)(struct isms_db *db, const struct isms_actor *actor, void *ctx);

/* Runs `write` in one transaction on a borrowed connection and, when it
 * succeeds and `event` is not NULL, appends `event` by `actor`; commits
 * only if both succeed, else rolls back. `event` is read after `write`
 * returns, so `write` may fill in the text it points to (a new row's id). */
int isms_store_write(struct isms_store *store, const struct isms_actor *actor,
                     const struct isms_journal_event *event, isms_store_write_fn write, void *ctx);

/* Runs `sql` with params[i] bound to $(i + 1) and sets *out to the first
 * column of its first row, or to 0 when there is no row. */
int isms_store_query_int64(int64_t *out, struct isms_db *db, const char *sql, const int64_t *params,
                           size_t count);

/* Fills `item` from the current row of `st`. */
typedef int (*isms_store_row_fn)(void *item, struct isms_stmt *st);

/* Runs `sql` with params[i] bound to $(i + 1), calling `visit(ctx, st)` for
 * each row it returns (a NULL `visit` just runs the statement); stops at
 * the first error. */
int isms_store_each_row(struct isms_db *db, const char *sql, const int64_t *params, size_t count,
                        isms_store_row_fn visit, void *ctx);

/* A SELECT whose parameters are integers ($1, $2, ... in order), and
 * optionally one text after them ($(param_count + 1)), then `texts` (NULL
 * reads as ""). */
struct isms_store_select {
    const char *sql;
    const int64_t *params;
    size_t param_count;
    const char *text; /* NULL: none */
    const char *const *texts;
    size_t text_count;
    isms_store_row_fn read;
    size_t item_size; /* for isms_store_select_all */
};

/* Reads the first row into `item`; ISMS_ENOTFOUND (with a generic message
 * the caller replaces) when there is none. */
int isms_store_select_one(void *item, struct isms_store *store, const struct isms_store_select *q);

/* Reads every row into a new array of q->item_size items: `out_ptr` points
 * at the caller's T *, set only on success; the array is the caller's
 * (free()). */
int isms_store_select_all(void *out_ptr, size_t *count, struct isms_store *store,
                          const struct isms_store_select *q);

#endif

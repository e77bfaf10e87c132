/*
 * The database interface every store query goes through.
 *
 * SQL text uses `$1, $2, ...` placeholders so the same statement runs on
 * SQLite and PostgreSQL; a backend implements struct isms_db_driver
 * (store/driver.h). Only files under src/store/ include this header.
 */
#ifndef ISMS_STORE_DB_H
#define ISMS_STORE_DB_H

struct isms_db;   /* one connection */
struct isms_stmt; /* one prepared statement of a connection */

/* Opens a connection. `url` is a file path (SQLite) or "sqlite:PATH";
 * "postgres://..." is reserved for the PostgreSQL backend. *out is owned by
 * the caller: close it with isms_db_close(). */
int isms_db_open(struct isms_db **out, const char *url);
void isms_db_close(struct isms_db *db);

/* Runs one or more statements without parameters (migrations, pragmas). */
int isms_db_exec(struct isms_db *db, const char *sql);

/* Transactions. begin takes the write lock at once, so two writers queue
 * instead of failing half-way. */
int isms_db_begin(struct isms_db *db);
int isms_db_commit(struct isms_db *db);
int isms_db_rollback(struct isms_db *db);

/* Prepares `sql`, or hands out this connection's cached statement for the
 * same text. *out is owned by the caller: isms_stmt_finalize() it (which
 * returns a cached statement to the cache). */
int isms_db_prepare(struct isms_stmt **out, struct isms_db *db, const char *sql);

/* Binds parameter $index (1-based). A NULL text binds SQL NULL. */
int isms_stmt_bind_text(struct isms_stmt *st, int index, const char *value);
int isms_stmt_bind_int64(struct isms_stmt *st, int index, int64_t value);
int isms_stmt_bind_null(struct isms_stmt *st, int index);
/* Binds `len` bytes (files: evidence); copied, so `data` may go right after. */
int isms_stmt_bind_blob(struct isms_stmt *st, int index, const void *data, size_t len);

/* Advances: 1 when a row is ready, 0 when done, negative on error
 * (ISMS_ECONFLICT for a unique/foreign key violation). */
int isms_stmt_step(struct isms_stmt *st);

/* Column values of the current row (0-based). Text is borrowed until the next
 * step or finalize; NULL for SQL NULL. */
const char *isms_stmt_text(struct isms_stmt *st, int column);
int64_t isms_stmt_int64(struct isms_stmt *st, int column);
/* A BLOB column: its bytes, borrowed like text, and their count in *len. */
const void *isms_stmt_blob(struct isms_stmt *st, int column, size_t *len);
bool isms_stmt_is_null(struct isms_stmt *st, int column);

/* Makes a stepped statement runnable again, keeping its bindings (so one
 * prepared INSERT can be bound and stepped once per row of a bulk write). */
int isms_stmt_reset(struct isms_stmt *st);

/* Rows changed by the last completed INSERT/UPDATE/DELETE of this statement. */
int64_t isms_stmt_changes(struct isms_stmt *st);

void isms_stmt_finalize(struct isms_stmt *st);

/* The backend's schema migrations (embedded SQL files, applied in name order). */
const struct isms_embedded_file *isms_db_migrations(struct isms_db *db);

#endif

/*
 * The store: a pool of database connections plus the schema migrations.
 * Domain code borrows a connection for the duration of one operation.
 */
#ifndef ISMS_STORE_STORE_H
#define ISMS_STORE_STORE_H

struct isms_store;
struct isms_db;

/* Opens `url` (see isms_db_open) with up to `pool_size` connections and applies
 * pending migrations in one transaction. *out is owned by the caller:
 * isms_store_free() it. */
int isms_store_open(struct isms_store **out, const char *url, int pool_size);
void isms_store_free(struct isms_store *store);

/* Borrows a connection, waiting while all are in use; give it back with
 * isms_store_release(). */
struct isms_db *isms_store_acquire(struct isms_store *store);
void isms_store_release(struct isms_store *store, struct isms_db *db);

/* Holds one connection for the calling thread until isms_store_let_go():
 * every isms_store_acquire() on this thread in between returns it, so a
 * request runs all its queries on one connection (and sees its own writes)
 * instead of taking one from the pool per query. The connection is taken at
 * the first acquire, so a hold that runs no query costs nothing. One hold
 * per thread at a time. */
void isms_store_hold(struct isms_store *store);
void isms_store_let_go(struct isms_store *store);

/* The highest migration version applied (for `isms init` and diagnostics). */
int isms_store_schema_version(struct isms_store *store, int *version_out);

#endif

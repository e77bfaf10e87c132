#include "isms_setup.h"
#include "store/db.h"
#include "store/driver.h"
#include "util/error.h"

/* Each connection keeps the statements it prepared, keyed by their SQL text:
 * parsing and planning costs more than running most of our queries, and a
 * request runs the same few (session, membership, org) every time. */
#define STMT_CACHE_SIZE 64

struct cached_stmt {
    char *sql;
    uint64_t hash;
    struct isms_stmt *stmt;
    bool in_use;
};

struct isms_db {
    const struct isms_db_driver *driver;
    void *conn;
    struct cached_stmt cache[STMT_CACHE_SIZE];
    size_t cached;
};

struct isms_stmt {
    const struct isms_db_driver *driver;
    void *impl;
    struct cached_stmt *slot; /* NULL: finalized for real, not cached */
};

static int pick_driver(const struct isms_db_driver **out, const char **target, const char *url)
{
    if (strncmp(url, "postgres://", 11) == 0 || strncmp(url, "postgresql://", 13) == 0)
        return isms_error_set(ISMS_EINVALID, "PostgreSQL is not supported by this build yet");
    *target = strncmp(url, "sqlite:", 7) == 0 ? url + 7 : url;
    if (!**target)
        return isms_error_set(ISMS_EINVALID, "empty database path");
    *out = &isms_sqlite_driver;
    return 0;
}

int isms_db_open(struct isms_db **out, const char *url)
{
    const struct isms_db_driver *driver;
    const char *target = NULL;
    struct isms_db *db;
    int error;

    if ((error = pick_driver(&driver, &target, url)) < 0)
        return error;
    if (!(db = calloc(1, sizeof(*db))))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    db->driver = driver;
    if ((error = driver->open(&db->conn, target)) < 0) {
        free(db);
        return error;
    }
    *out = db;
    return 0;
}

void isms_db_close(struct isms_db *db)
{
    if (!db)
        return;
    for (size_t i = 0; i < db->cached; i++) {
        db->driver->finalize(db->cache[i].stmt->impl);
        free(db->cache[i].stmt);
        free(db->cache[i].sql);
    }
    db->driver->close(db->conn);
    free(db);
}

int isms_db_exec(struct isms_db *db, const char *sql)
{
    return db->driver->exec(db->conn, sql);
}

int isms_db_begin(struct isms_db *db)
{
    return db->driver->begin(db->conn);
}

int isms_db_commit(struct isms_db *db)
{
    return db->driver->exec(db->conn, "COMMIT");
}

int isms_db_rollback(struct isms_db *db)
{
    return db->driver->exec(db->conn, "ROLLBACK");
}

const struct isms_embedded_file *isms_db_migrations(struct isms_db *db)
{
    return db->driver->migrations;
}

static uint64_t sql_hash(const char *sql)
{
    uint64_t h = 1469598103934665603u; /* FNV-1a */

    for (; *sql; sql++)
        h = (h ^ (unsigned char)*sql) * 1099511628211u;
    return h;
}

static struct cached_stmt *find_cached(struct isms_db *db, const char *sql, uint64_t hash)
{
    for (size_t i = 0; i < db->cached; i++)
        if (db->cache[i].hash == hash && strcmp(db->cache[i].sql, sql) == 0)
            return &db->cache[i];
    return NULL;
}

static int prepare_new(struct isms_stmt **out, struct isms_db *db, const char *sql)
{
    struct isms_stmt *st;
    int error;

    if (!(st = calloc(1, sizeof(*st))))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    st->driver = db->driver;
    if ((error = db->driver->prepare(&st->impl, db->conn, sql)) < 0) {
        free(st);
        return error;
    }
    *out = st;
    return 0;
}

/* Keeps a fresh statement in the cache when there is room. */
static void remember(struct isms_db *db, struct isms_stmt *st, const char *sql, uint64_t hash)
{
    struct cached_stmt *slot;
    char *copy;

    if (db->cached == STMT_CACHE_SIZE || !(copy = strdup(sql)))
        return;
    slot = &db->cache[db->cached++];
    *slot = (struct cached_stmt){copy, hash, st, true};
    st->slot = slot;
}

int isms_db_prepare(struct isms_stmt **out, struct isms_db *db, const char *sql)
{
    uint64_t hash = sql_hash(sql);
    struct cached_stmt *slot = find_cached(db, sql, hash);
    int error;

    if (slot && !slot->in_use) {
        slot->in_use = true;
        *out = slot->stmt;
        return 0;
    }
    if ((error = prepare_new(out, db, sql)) < 0)
        return error;
    /* The same text already in use (a nested query) gets a private copy. */
    if (!slot)
        remember(db, *out, sql, hash);
    return 0;
}

int isms_stmt_bind_text(struct isms_stmt *st, int index, const char *value)
{
    return value ? st->driver->bind_text(st->impl, index, value)
                 : st->driver->bind_null(st->impl, index);
}

int isms_stmt_bind_int64(struct isms_stmt *st, int index, int64_t value)
{
    return st->driver->bind_int64(st->impl, index, value);
}

int isms_stmt_bind_null(struct isms_stmt *st, int index)
{
    return st->driver->bind_null(st->impl, index);
}

int isms_stmt_bind_blob(struct isms_stmt *st, int index, const void *data, size_t len)
{
    return st->driver->bind_blob(st->impl, index, data, len);
}

int isms_stmt_step(struct isms_stmt *st)
{
    return st->driver->step(st->impl);
}

int isms_stmt_reset(struct isms_stmt *st)
{
    return st->driver->reset(st->impl);
}

const char *isms_stmt_text(struct isms_stmt *st, int column)
{
    return st->driver->column_text(st->impl, column);
}

const void *isms_stmt_blob(struct isms_stmt *st, int column, size_t *len)
{
    return st->driver->column_blob(st->impl, column, len);
}

int64_t isms_stmt_int64(struct isms_stmt *st, int column)
{
    return st->driver->column_int64(st->impl, column);
}

bool isms_stmt_is_null(struct isms_stmt *st, int column)
{
    return st->driver->column_is_null(st->impl, column);
}

int64_t isms_stmt_changes(struct isms_stmt *st)
{
    return st->driver->changes(st->impl);
}

void isms_stmt_finalize(struct isms_stmt *st)
{
    if (!st)
        return;
    if (st->slot) {
        st->driver->recycle(st->impl);
        st->slot->in_use = false;
        return;
    }
    st->driver->finalize(st->impl);
    free(st);
}

#include "isms_setup.h"
#include "store/db.h"
#include "store/driver.h"
#include "util/error.h"

struct isms_db {
    const struct isms_db_driver *driver;
    void *conn;
};

struct isms_stmt {
    const struct isms_db_driver *driver;
    void *impl;
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

int isms_db_prepare(struct isms_stmt **out, struct isms_db *db, const char *sql)
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
    st->driver->finalize(st->impl);
    free(st);
}

/*
 * What a database backend implements. db.c dispatches every isms_db_* and
 * isms_stmt_* call through this table; sqlite.c is the first backend, a
 * libpq one plugs in the same way.
 */
#ifndef ISMS_STORE_DRIVER_H
#define ISMS_STORE_DRIVER_H

#include "store/db.h"

struct isms_db_driver {
    const char *name;
    int (*open)(void **conn, const char *target);
    void (*close)(void *conn);
    int (*exec)(void *conn, const char *sql);
    int (*begin)(void *conn);
    int (*prepare)(void **stmt, void *conn, const char *sql);
    int (*bind_text)(void *stmt, int index, const char *value);
    int (*bind_int64)(void *stmt, int index, int64_t value);
    int (*bind_null)(void *stmt, int index);
    int (*bind_blob)(void *stmt, int index, const void *data, size_t len);
    int (*step)(void *stmt);
    int (*reset)(void *stmt);
    const char *(*column_text)(void *stmt, int column);
    int64_t (*column_int64)(void *stmt, int column);
    /* The column's bytes (valid until the next step) and their count. */
    const void *(*column_blob)(void *stmt, int column, size_t *len);
    bool (*column_is_null)(void *stmt, int column);
    int64_t (*changes)(void *stmt);
    void (*finalize)(void *stmt);
    /* Makes a statement ready to run again with fresh parameters (the
     * statement cache in db.c keeps prepared statements per connection). */
    void (*recycle)(void *stmt);
    /* Embedded migration files, applied in name order. */
    const struct isms_embedded_file *migrations;
};

extern const struct isms_db_driver isms_sqlite_driver;

#endif

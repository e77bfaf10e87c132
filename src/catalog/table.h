/*
 * A built-in table of src/catalog/data/ (TSV compiled into the binary) with
 * the columns its reader needs: what control_levels.c, retention_templates.c
 * and checklist_templates.c share.
 */
#ifndef ISMS_CATALOG_TABLE_H
#define ISMS_CATALOG_TABLE_H

#include <pthread.h>
#include "util/tsv.h"

/* Parses the built-in `file` into *table and sets col[i] to the index of
 * columns[i]. ISMS_ERROR naming the file for one that is missing, corrupt
 * or lacks a column (built-in data is never wrong in a release). */
int isms_catalog_table_open(struct isms_tsv *table, const char *file, const char *const *columns,
                            size_t count, int *col);

/* Runs a table's `fill` once per process, whichever thread asks first, and
 * gives every later caller its result (the message too). */
struct isms_catalog_loader {
    pthread_mutex_t lock;
    bool done; /* read without the lock once set (acquire/release) */
    int error;
    char message[256];
    int (*fill)(void);
};
#define ISMS_CATALOG_LOADER(fill)                                                                  \
    {                                                                                              \
        PTHREAD_MUTEX_INITIALIZER, false, 0, "", (fill)                                            \
    }

/* 0, or the fill's error with its message set again. */
int isms_catalog_loader_run(struct isms_catalog_loader *loader);

#endif

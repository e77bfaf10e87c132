/* A fresh database in a private temporary directory for each test. */
#ifndef ISMS_TEST_HELPERS_H
#define ISMS_TEST_HELPERS_H

#include <unistd.h>
#include "catalog/catalog.h"
#include "store/store.h"
#include "util/error.h"

struct test_db {
    char dir[64];
    char path[96];
    struct isms_store *store;
};

static inline int test_db_teardown(void **state)
{
    struct test_db *t = *state;
    char file[128];
    static const char *const suffixes[] = {"", "-wal", "-shm"};

    if (t->store)
        isms_store_free(t->store);
    for (size_t i = 0; i < 3; i++) {
        snprintf(file, sizeof(file), "%s%s", t->path, suffixes[i]);
        unlink(file);
    }
    rmdir(t->dir);
    free(t);
    return 0;
}

static inline int test_db_setup(void **state)
{
    struct test_db *t = calloc(1, sizeof(*t));

    if (!t)
        return -1;
    snprintf(t->dir, sizeof(t->dir), "/tmp/isms-test-XXXXXX");
    if (!mkdtemp(t->dir)) {
        free(t);
        return -1;
    }
    snprintf(t->path, sizeof(t->path), "%s/isms.db", t->dir);
    if (isms_catalogs_load() < 0 || isms_store_open(&t->store, t->path, 2) < 0) {
        fprintf(stderr, "setup: %s\n", isms_error_last());
        *state = t;
        test_db_teardown(state);
        return -1;
    }
    *state = t;
    return 0;
}

#endif

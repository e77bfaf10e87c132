#include "isms_setup.h"
#include <pthread.h>
#include "store/db.h"
#include "store/store.h"
#include "util/embedded.h"
#include "util/error.h"
#include "util/time.h"

#define POOL_MAX 64

struct isms_store {
    pthread_mutex_t lock;
    pthread_cond_t available;
    struct isms_db *idle[POOL_MAX];
    int idle_count;
    int size;
};

static int migration_version(const struct isms_embedded_file *file)
{
    char *end;
    long v = strtol(file->name, &end, 10);

    if (end == file->name || *end != '_' || v <= 0 || v > INT_MAX)
        ISMS_BUG("migration file names must start with a positive number and '_'");
    return (int)v;
}

static int applied_version(struct isms_db *db, int *version)
{
    struct isms_stmt *st;
    int error;

    if ((error = isms_db_prepare(&st, db,
                                 "SELECT COALESCE(MAX(version), 0) "
                                 "FROM schema_migrations")) < 0)
        return error;
    if ((error = isms_stmt_step(st)) == 1) {
        *version = (int)isms_stmt_int64(st, 0);
        error = 0;
    }
    isms_stmt_finalize(st);
    return error;
}

static int record_migration(struct isms_db *db, int version)
{
    char now[ISMS_TIMESTAMP_SIZE];
    struct isms_stmt *st;
    int error;

    isms_time_now(now);
    if ((error = isms_db_prepare(&st, db,
                                 "INSERT INTO schema_migrations (version, applied_at) "
                                 "VALUES ($1, $2)")) < 0)
        return error;
    if ((error = isms_stmt_bind_int64(st, 1, version)) == 0 &&
        (error = isms_stmt_bind_text(st, 2, now)) == 0)
        error = isms_stmt_step(st);
    isms_stmt_finalize(st);
    return error < 0 ? error : 0;
}

/* Applies every migration newer than the schema, all in one transaction:
 * a failure leaves the database exactly as it was. */
static int migrate(struct isms_db *db)
{
    const struct isms_embedded_file *file;
    int current = 0, error;

    if ((error = isms_db_exec(db, "CREATE TABLE IF NOT EXISTS schema_migrations ("
                                  "version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)")) < 0)
        return error;
    if ((error = isms_db_begin(db)) < 0)
        return error;
    if ((error = applied_version(db, &current)) < 0)
        goto done;
    for (file = isms_db_migrations(db); file->name; file++) {
        int version = migration_version(file);
        if (version <= current)
            continue;
        if ((error = isms_db_exec(db, (const char *)file->data)) < 0 ||
            (error = record_migration(db, version)) < 0) {
            isms_error_set(error, "migration '%s' failed: %s", file->name, isms_error_last());
            goto done;
        }
    }
done:
    if (error < 0) {
        char reason[512];
        snprintf(reason, sizeof(reason), "%s", isms_error_last());
        isms_db_rollback(db);
        return isms_error_set(error, "%s", reason);
    }
    return isms_db_commit(db);
}

int isms_store_open(struct isms_store **out, const char *url, int pool_size)
{
    struct isms_store *store;
    int error = 0;

    if (pool_size < 1 || pool_size > POOL_MAX)
        return isms_error_set(ISMS_EINVALID, "connection pool size must be 1 to %d", POOL_MAX);
    if (!(store = calloc(1, sizeof(*store))))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    pthread_mutex_init(&store->lock, NULL);
    pthread_cond_init(&store->available, NULL);
    for (int i = 0; i < pool_size; i++) {
        if ((error = isms_db_open(&store->idle[i], url)) < 0)
            break;
        store->idle_count = store->size = i + 1;
    }
    if (error == 0)
        error = migrate(store->idle[0]);
    if (error < 0) {
        isms_store_free(store);
        return error;
    }
    *out = store;
    return 0;
}

void isms_store_free(struct isms_store *store)
{
    if (!store)
        return;
    if (store->idle_count != store->size)
        ISMS_BUG("store freed while connections are borrowed");
    for (int i = 0; i < store->idle_count; i++)
        isms_db_close(store->idle[i]);
    pthread_mutex_destroy(&store->lock);
    pthread_cond_destroy(&store->available);
    free(store);
}

/* The connection this thread holds (isms_store_hold), if any. */
static _Thread_local struct {
    struct isms_store *store;
    struct isms_db *db;
} held;

static struct isms_db *take_from_pool(struct isms_store *store)
{
    struct isms_db *db;

    pthread_mutex_lock(&store->lock);
    while (store->idle_count == 0)
        pthread_cond_wait(&store->available, &store->lock);
    db = store->idle[--store->idle_count];
    pthread_mutex_unlock(&store->lock);
    return db;
}

static void return_to_pool(struct isms_store *store, struct isms_db *db)
{
    pthread_mutex_lock(&store->lock);
    store->idle[store->idle_count++] = db;
    pthread_cond_signal(&store->available);
    pthread_mutex_unlock(&store->lock);
}

struct isms_db *isms_store_acquire(struct isms_store *store)
{
    if (held.store != store)
        return take_from_pool(store);
    /* Taken on first use: a request that runs no query (/healthz, static
     * files) never touches the pool. */
    if (!held.db)
        held.db = take_from_pool(store);
    return held.db;
}

void isms_store_release(struct isms_store *store, struct isms_db *db)
{
    if (!(held.store == store && held.db == db))
        return_to_pool(store, db);
}

void isms_store_hold(struct isms_store *store)
{
    if (held.store)
        ISMS_BUG("a thread holds one store connection at a time");
    held.db = NULL;
    held.store = store;
}

void isms_store_let_go(struct isms_store *store)
{
    if (held.store != store)
        ISMS_BUG("isms_store_let_go without isms_store_hold");
    held.store = NULL;
    if (held.db)
        return_to_pool(store, held.db);
    held.db = NULL;
}

int isms_store_schema_version(struct isms_store *store, int *version_out)
{
    struct isms_db *db = isms_store_acquire(store);
    int error = applied_version(db, version_out);

    isms_store_release(store, db);
    return error;
}

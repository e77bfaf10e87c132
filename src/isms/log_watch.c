#include "isms_setup.h"
#include <fcntl.h>
#include <pthread.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "isms/event.h"
#include "isms/indicator.h"
#include "isms/log_watch.h"
#include "model/actor.h"
#include "store/events.h"
#include "util/error.h"
#include "util/timezone.h"

#define PIECE_MAX (4u << 20)  /* bytes scanned in one transaction */
#define SET_RELOAD_SECONDS 60 /* indicators imported meanwhile are found after this */

struct watched {
    int64_t org_id;
    char *path;
    char origin[300];
    int fd; /* -1 while the file is not open */
    int64_t device, inode, offset, line;
    /* The bytes just before `offset`: when they change, the file was
     * truncated and written again, even to the same size. */
    char tail[64];
    size_t tail_len;
    bool resumed; /* the saved offset was looked up */
    struct isms_ioc_set *set;
    time_t set_loaded;
    struct isms_log_rule *rules;
    size_t rule_count;
    struct isms_log_rules_state *rules_state;
    char last_error[256];
};

struct isms_log_watch {
    struct isms_store *store;
    struct watched *files;
    size_t count;
    unsigned interval_ms;
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t wake;
    bool stopping;
};

static const struct isms_actor watch_actor = {0, "system:watch", "", true};

/* Said once until the next different trouble: a missing file is polled every second. */
static void report(struct watched *w, int error)
{
    const char *message = error < 0 ? isms_error_last() : "";

    if (strcmp(message, w->last_error) == 0)
        return;
    snprintf(w->last_error, sizeof(w->last_error), "%s", message);
    if (*message)
        fprintf(stderr, "isms: watch %s: %s\n", w->path, message);
}

static int load_set(struct watched *w, struct isms_store *store)
{
    struct isms_ioc_set *set;
    struct isms_date today;
    size_t loaded = 0;
    int error;

    if (w->set && time(NULL) - w->set_loaded < SET_RELOAD_SECONDS)
        return 0;
    if (!(set = isms_ioc_set_new()))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    isms_date_today(&today);
    if ((error = isms_indicator_load_set(set, &loaded, store, w->org_id, &today)) < 0) {
        isms_ioc_set_free(set);
        return error;
    }
    isms_ioc_set_free(w->set);
    w->set = set;
    w->set_loaded = time(NULL);
    return 0;
}

/* Scans `len` bytes (whole lines) read at w->offset and records their
 * events with the offset after them. */
static int scan_piece(struct watched *w, struct isms_store *store, const char *data, size_t len)
{
    struct isms_log_offset saved = {w->path, w->device, w->inode, w->offset + (int64_t)len, 0};
    struct isms_event_scan_options o = {
        .origin = w->origin,
        .set = w->set,
        .rules = w->rules,
        .rule_count = w->rule_count,
        .local_offset = isms_tz_host_offset(),
        .offset = &saved,
        .rules_state = w->rules_state,
        .first_line = w->line + 1,
    };
    struct isms_event_scan_result r;
    size_t lines = 0;
    FILE *in;
    int error;

    for (size_t i = 0; i < len; i++)
        lines += data[i] == '\n';
    saved.line = w->line + (int64_t)lines;
    if (!(in = fmemopen((void *)data, len, "rb")))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    error = isms_event_scan(&r, store, w->org_id, in, &o, &watch_actor);
    fclose(in);
    if (error < 0)
        return error;
    w->offset = saved.offset;
    w->line = saved.line;
    w->tail_len = len < sizeof(w->tail) ? len : sizeof(w->tail);
    memcpy(w->tail, data + len - w->tail_len, w->tail_len);
    return 0;
}

/* Reads what was added since w->offset: whole lines only, unless `to_end`
 * (a rotated file, whose writer has moved on) or one line is longer than a
 * piece. */
static int read_new(struct watched *w, struct isms_store *store, bool to_end)
{
    char *buf = malloc(PIECE_MAX);
    int error = buf ? 0 : isms_error_set(ISMS_ENOMEM, "out of memory");

    while (error == 0) {
        ssize_t got = pread(w->fd, buf, PIECE_MAX, (off_t)w->offset);
        size_t take;
        if (got < 0) {
            error = isms_error_set(ISMS_ERROR, "cannot read: %s", strerror(errno));
            break;
        }
        if (got == 0)
            break;
        for (take = (size_t)got; take > 0 && buf[take - 1] != '\n'; take--)
            ;
        if (take == 0 && ((size_t)got == PIECE_MAX || to_end))
            take = (size_t)got;
        if (take == 0)
            break;
        error = scan_piece(w, store, buf, take);
        if (take < (size_t)got && !to_end)
            break;
    }
    free(buf);
    return error;
}

/* Opens the file its path names now: at the saved offset when it is the
 * file of the offset (a restart), else at its start. */
static int open_file(struct watched *w, struct isms_store *store)
{
    struct isms_log_offset saved;
    bool found = false;
    struct stat st;
    int error;

    if ((w->fd = open(w->path, O_RDONLY | O_CLOEXEC)) < 0)
        return errno == ENOENT ? 0 : isms_error_set(ISMS_ERROR, "cannot open: %s", strerror(errno));
    if (fstat(w->fd, &st) < 0) {
        close(w->fd);
        w->fd = -1;
        return isms_error_set(ISMS_ERROR, "cannot stat: %s", strerror(errno));
    }
    w->device = (int64_t)st.st_dev;
    w->inode = (int64_t)st.st_ino;
    w->offset = w->line = 0;
    w->tail_len = 0;
    if (!w->resumed) {
        if ((error = isms_store_log_offset_get(&saved, &found, store, w->org_id, w->path)) < 0)
            return error;
        w->resumed = true;
        if (found && saved.device == w->device && saved.inode == w->inode &&
            saved.offset <= (int64_t)st.st_size) {
            w->offset = saved.offset;
            w->line = saved.line;
        }
    }
    return 0;
}

/* Shorter than the offset, or other bytes where the last read ended. */
static bool truncated(const struct watched *w)
{
    char now[sizeof(w->tail)];
    struct stat st;

    if (fstat(w->fd, &st) == 0 && (int64_t)st.st_size < w->offset)
        return true;
    return w->tail_len && w->offset >= (int64_t)w->tail_len &&
           (pread(w->fd, now, w->tail_len, (off_t)(w->offset - (int64_t)w->tail_len)) !=
                (ssize_t)w->tail_len ||
            memcmp(now, w->tail, w->tail_len) != 0);
}

static bool rotated(const struct watched *w)
{
    struct stat st;

    return stat(w->path, &st) == 0 &&
           ((int64_t)st.st_dev != w->device || (int64_t)st.st_ino != w->inode);
}

static int poll_one(struct watched *w, struct isms_store *store)
{
    int error;

    if ((error = load_set(w, store)) < 0)
        return error;
    if (w->fd < 0 && ((error = open_file(w, store)) < 0 || w->fd < 0))
        return error;
    if (truncated(w)) {
        fprintf(stderr, "isms: watch %s: truncated, read again from its start\n", w->path);
        w->offset = w->line = 0;
        w->tail_len = 0;
    }
    if (rotated(w)) {
        /* The writer has moved to the new file: the old one is complete. */
        if ((error = read_new(w, store, true)) < 0)
            return error;
        close(w->fd);
        w->fd = -1;
        if ((error = open_file(w, store)) < 0 || w->fd < 0)
            return error;
    }
    return read_new(w, store, false);
}

static void *run(void *arg)
{
    struct isms_log_watch *watch = arg;

    pthread_mutex_lock(&watch->lock);
    while (!watch->stopping) {
        struct timespec until;
        pthread_mutex_unlock(&watch->lock);
        for (size_t i = 0; i < watch->count; i++)
            report(&watch->files[i], poll_one(&watch->files[i], watch->store));
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_sec += watch->interval_ms / 1000;
        until.tv_nsec += (long)(watch->interval_ms % 1000) * 1000000L;
        if (until.tv_nsec >= 1000000000L) {
            until.tv_sec++;
            until.tv_nsec -= 1000000000L;
        }
        pthread_mutex_lock(&watch->lock);
        if (!watch->stopping)
            pthread_cond_timedwait(&watch->wake, &watch->lock, &until);
    }
    pthread_mutex_unlock(&watch->lock);
    return NULL;
}

static void free_files(struct isms_log_watch *watch)
{
    for (size_t i = 0; i < watch->count; i++) {
        struct watched *w = &watch->files[i];
        if (w->fd >= 0)
            close(w->fd);
        free(w->path);
        isms_ioc_set_free(w->set);
        isms_log_rules_state_free(w->rules_state);
        free(w->rules);
    }
    free(watch->files);
}

static int prepare(struct watched *w, const struct isms_log_watch_spec *spec)
{
    const char *builtin = isms_log_rules_builtin();
    int error;

    w->fd = -1;
    w->org_id = spec->org_id;
    if (!(w->path = strdup(spec->path)))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    snprintf(w->origin, sizeof(w->origin), "watch:%.290s", spec->path);
    if ((error = isms_log_rules_parse(&w->rules, &w->rule_count, builtin, strlen(builtin))) < 0)
        return error;
    if (!(w->rules_state = isms_log_rules_state_new(w->rules, w->rule_count)))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    return 0;
}

int isms_log_watch_start(struct isms_log_watch **out, struct isms_store *store,
                         const struct isms_log_watch_spec *specs, size_t count,
                         unsigned interval_ms)
{
    struct isms_log_watch *watch = calloc(1, sizeof(*watch));
    int error = 0;

    *out = NULL;
    if (!watch || !(watch->files = calloc(count ? count : 1, sizeof(*watch->files)))) {
        free(watch);
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    }
    watch->store = store;
    watch->interval_ms = interval_ms ? interval_ms : 1000;
    for (; error == 0 && watch->count < count; watch->count++)
        error = prepare(&watch->files[watch->count], &specs[watch->count]);
    pthread_mutex_init(&watch->lock, NULL);
    pthread_cond_init(&watch->wake, NULL);
    if (error == 0 && pthread_create(&watch->thread, NULL, run, watch) != 0)
        error = isms_error_set(ISMS_ERROR, "cannot start the log watch");
    if (error < 0) {
        pthread_cond_destroy(&watch->wake);
        pthread_mutex_destroy(&watch->lock);
        free_files(watch);
        free(watch);
        return error;
    }
    *out = watch;
    return 0;
}

void isms_log_watch_stop(struct isms_log_watch *watch)
{
    if (!watch)
        return;
    pthread_mutex_lock(&watch->lock);
    watch->stopping = true;
    pthread_cond_signal(&watch->wake);
    pthread_mutex_unlock(&watch->lock);
    pthread_join(watch->thread, NULL);
    pthread_cond_destroy(&watch->wake);
    pthread_mutex_destroy(&watch->lock);
    free_files(watch);
    free(watch);
}

/*
 * Error codes shared by every layer, plus a thread-local "last error" message.
 *
 * Functions return 0 on success or a negative ISMS_E* code; the failing
 * function records a human-readable message with isms_error_set() so callers
 * can propagate the code without losing the reason.
 */
#ifndef ISMS_UTIL_ERROR_H
#define ISMS_UTIL_ERROR_H

enum isms_error_code {
    ISMS_OK = 0,
    ISMS_ERROR = -1,     /* internal failure (I/O, database, library) */
    ISMS_ENOTFOUND = -2, /* the thing asked for does not exist (or is not yours) */
    ISMS_EINVALID = -3,  /* the input is malformed or out of range */
    ISMS_ECONFLICT = -4, /* the input collides with existing data */
    ISMS_EAUTH = -5,     /* not authenticated */
    ISMS_EPERM = -6,     /* authenticated but not allowed */
    ISMS_ETOOBIG = -7,   /* the input exceeds a hard size limit */
    ISMS_ENOMEM = -8,    /* out of memory */
    ISMS_ELIMIT = -9,    /* too many attempts (failed logins): try again later */
};

/* Records a message for the current thread and returns `code`, so
 * `return isms_error_set(ISMS_EINVALID, "...")` reads naturally. */
int isms_error_set(int code, const char *fmt, ...) ISMS_PRINTF(2, 3);

/* The last message recorded on this thread; never NULL (empty when none). */
const char *isms_error_last(void);

/* The thread's last message in Japanese: the error's format string looked up
 * in the translator installed at start-up (the web UI's catalog) and
 * formatted with the same arguments; the English one where no translation
 * with the same conversions exists. */
const char *isms_error_last_ja(void);

/* Returns the Japanese form of a format string, or NULL (kept for the
 * process; util cannot look into the web UI's catalog itself). */
typedef const char *(*isms_error_translate_fn)(const char *fmt);
void isms_error_set_translator(isms_error_translate_fn fn);

/* `text` in Japanese when the translator knows it, else `text` itself
 * (the thread's last error gives its Japanese form). Borrowed. */
const char *isms_error_translate(const char *text);

/* Formats `fmt` with `ap` in Japanese (the translated format when its
 * conversions are the same) into `out`, cut to `size`. */
void isms_error_vformat_ja(char *out, size_t size, const char *fmt, va_list ap);

/* Both forms of the last message kept across calls that may overwrite it,
 * then raised again as `code`. */
struct isms_error_saved {
    char en[1024];
    char ja[1024];
};
void isms_error_save(struct isms_error_saved *saved);
int isms_error_restore(int code, const struct isms_error_saved *saved);

void isms_error_clear(void);

/* Stable machine-readable name of a code, e.g. "not_found". */
const char *isms_error_name(int code);

/* The HTTP status a code maps to (500 for anything unknown). */
int isms_error_http_status(int code);

/* The process exit status a CLI command returns for a code. */
int isms_error_exit_status(int code);

#endif

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

void isms_error_clear(void);

/* Stable machine-readable name of a code, e.g. "not_found". */
const char *isms_error_name(int code);

/* The HTTP status a code maps to (500 for anything unknown). */
int isms_error_http_status(int code);

/* The process exit status a CLI command returns for a code. */
int isms_error_exit_status(int code);

#endif

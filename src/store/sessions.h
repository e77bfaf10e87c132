/* SQL for sessions and the login history (rules in isms/auth.c). Times are
 * unix seconds; tokens arrive here already hashed. */
#ifndef ISMS_STORE_SESSIONS_H
#define ISMS_STORE_SESSIONS_H

#include "model/session.h"

struct isms_store;
struct isms_actor;

struct isms_session_row {
    int64_t user_id;
    const char *token_hash;
    const char *csrf;
    bool mfa_pending;
    int64_t created_at, expires_at;
    const char *address;
    const char *user_agent;
};

/* Inserts a session and, in the same transaction, deletes
 * `replace_session_id` (0: none) and journals "session.login" as `actor`. */
int isms_store_session_insert(struct isms_store *store, int64_t *id_out,
                              const struct isms_session_row *row, int64_t replace_session_id,
                              const struct isms_actor *actor);

/* The session with this token hash joined with its (enabled) user; also
 * returns last_seen. ISMS_EAUTH when there is none. */
int isms_store_session_find(struct isms_session *out, int64_t *last_seen, struct isms_store *store,
                            const char *token_hash);

/* Sets last_seen (the idle timer). */
int isms_store_session_touch(struct isms_store *store, int64_t session_id, int64_t now);

/* Deletes by token hash / id; unknown ones are not an error. */
int isms_store_session_delete(struct isms_store *store, const char *token_hash);
int isms_store_session_delete_id(struct isms_store *store, int64_t session_id);

/* Drops sessions whose absolute or idle time is up. */
int isms_store_session_purge(struct isms_store *store, int64_t now, int64_t idle_seconds);

struct isms_login_event_row {
    int64_t user_id; /* 0 for an unknown name */
    const char *name_tried;
    int64_t at;
    const char *address;
    const char *user_agent;
    const char *result;
    bool failure;
};

int isms_store_login_event_insert(struct isms_store *store, const struct isms_login_event_row *row);

/* Failed logins since some moment, as the rate limit weighs them. */
struct isms_login_failures {
    int64_t by_name;      /* for this name, from anywhere */
    int64_t by_address;   /* from this address, for any name */
    int64_t by_name_here; /* for this name from this address */
    int64_t last_by_name; /* unix seconds of the newest failure for this name; 0 if none */
};

/* The failures since `since` for `name` and `address`. */
int isms_store_login_failures(struct isms_login_failures *out, struct isms_store *store,
                              const char *name, const char *address, int64_t since);

/* The newest `limit` events of `user_id`; *out is owned by the caller. */
int isms_store_login_events(struct isms_login_event **out, size_t *count, struct isms_store *store,
                            int64_t user_id, int limit);

#endif

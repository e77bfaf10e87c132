#include "isms_setup.h"
#include <time.h>
#include "isms/auth.h"
#include "model/actor.h"
#include "sec/password.h"
#include "sec/random.h"
#include "sec/recovery_codes.h"
#include "sec/secret_box.h"
#include "sec/secret_key.h"
#include "sec/totp.h"
#include "store/sessions.h"
#include "store/users.h"
#include "util/error.h"

#define WRONG_CREDENTIALS _("name or password is wrong")
/* last_seen is written at most this often: a request should not be a write. */
#define TOUCH_INTERVAL_SECONDS 60
#define ISSUER "isms"

/* One attempt as the login history sees it. */
struct attempt_context {
    struct isms_store *store;
    const struct isms_login_attempt *attempt;
    const char *name; /* the name tried, or the session's user for the MFA step */
    char address[64];
    char user_agent[ISMS_USER_AGENT_MAX + 1];
    int64_t now;
};

static void context_init(struct attempt_context *ctx, struct isms_store *store,
                         const struct isms_login_attempt *attempt, const char *name)
{
    ctx->store = store;
    ctx->attempt = attempt;
    ctx->name = name;
    snprintf(ctx->address, sizeof(ctx->address), "%s", attempt->address ? attempt->address : "");
    /* Cut, not refused: the header is the client's; the history needs only a hint. */
    snprintf(ctx->user_agent, sizeof(ctx->user_agent), "%s",
             attempt->user_agent ? attempt->user_agent : "");
    for (char *p = ctx->user_agent; *p; p++)
        if ((unsigned char)*p < 0x20 || (unsigned char)*p >= 0x7f)
            *p = '?';
    ctx->now = (int64_t)time(NULL);
}

/* Writes the attempt to the login history and returns `error`, keeping its
 * message even when recording fails: the user needs the reason. */
static int record(const struct attempt_context *ctx, int64_t user_id, const char *result,
                  bool failure, int error)
{
    struct isms_login_event_row row = {user_id,         ctx->name, ctx->now, ctx->address,
                                       ctx->user_agent, result,    failure};
    struct isms_error_saved message;
    int rec;

    isms_error_save(&message);
    rec = isms_store_login_event_insert(ctx->store, &row);
    if (rec < 0 && error == 0)
        return rec;
    return isms_error_restore(error, &message);
}

static _Thread_local int64_t retry_after_seconds;

int64_t isms_auth_retry_after(void)
{
    return retry_after_seconds;
}

/* How long a name that keeps failing waits after its newest failure:
 * nothing for the first ISMS_AUTH_MAX_FAILURES_PER_NAME, then
 * ISMS_AUTH_BACKOFF_FIRST_SECONDS, doubling with each further failure, up
 * to the whole window. */
static int64_t backoff_seconds(int64_t failures)
{
    int64_t over = failures - ISMS_AUTH_MAX_FAILURES_PER_NAME,
            wait = ISMS_AUTH_BACKOFF_FIRST_SECONDS;

    if (over < 0)
        return 0;
    while (over-- > 0 && wait < ISMS_AUTH_WINDOW_SECONDS)
        wait *= 2;
    return wait < ISMS_AUTH_WINDOW_SECONDS ? wait : ISMS_AUTH_WINDOW_SECONDS;
}

/* `from_address`: the address is refused, else the account's back-off. */
static int refuse(const struct attempt_context *ctx, int64_t user_id, bool from_address,
                  int64_t wait)
{
    long long minutes = (long long)(wait + 59) / 60, seconds = (long long)wait;

    retry_after_seconds = wait;
    if (from_address)
        isms_error_set(ISMS_ELIMIT,
                       _("too many failed logins from this address; try again in %lld minutes"),
                       minutes);
    else if (wait >= 120)
        isms_error_set(ISMS_ELIMIT,
                       _("too many failed logins for this account; try again in %lld minutes"),
                       minutes);
    else
        isms_error_set(ISMS_ELIMIT,
                       _("too many failed logins for this account; try again in %lld seconds"),
                       seconds);
    return record(ctx, user_id, "rate_limited", false, ISMS_ELIMIT);
}

/* An address with ISMS_AUTH_MAX_FAILURES_PER_ADDRESS failures is refused for
 * the window. A name is never locked: its failures slow down only the
 * addresses they came from (backoff_seconds), so someone guessing a
 * colleague's password cannot lock the colleague out, and the right
 * password from an address that has not failed gets in. `user_id` (0 when
 * the name is unknown) puts a refusal into that user's history: someone
 * hammering an account is what the history is there to show. */
static int check_rate_limit(const struct attempt_context *ctx, int64_t user_id)
{
    struct isms_login_failures f;
    int64_t wait;
    int error;

    retry_after_seconds = 0;
    if ((error = isms_store_login_failures(&f, ctx->store, ctx->name, ctx->address,
                                           ctx->now - ISMS_AUTH_WINDOW_SECONDS)) < 0)
        return error;
    if (f.by_address >= ISMS_AUTH_MAX_FAILURES_PER_ADDRESS)
        return refuse(ctx, user_id, true, ISMS_AUTH_WINDOW_SECONDS);
    if (f.by_name_here == 0)
        return 0;
    wait = backoff_seconds(f.by_name) - (ctx->now - f.last_by_name);
    return wait > 0 ? refuse(ctx, user_id, false, wait) : 0;
}

static int check_fields(const struct isms_login_attempt *attempt)
{
    if (!attempt->name || !*attempt->name || !attempt->password || !*attempt->password)
        return isms_error_set(ISMS_EINVALID, _("'name' and 'password' are required"));
    if (strlen(attempt->name) > ISMS_USER_NAME_MAX || strlen(attempt->password) > ISMS_PASSWORD_MAX)
        return isms_error_set(ISMS_EINVALID, _("'name' or 'password' is too long"));
    if (attempt->totp && attempt->recovery_code)
        return isms_error_set(ISMS_EINVALID, _("give either 'totp' or 'recovery_code', not both"));
    if ((attempt->totp && strlen(attempt->totp) > 16) ||
        (attempt->recovery_code && strlen(attempt->recovery_code) > 64))
        return isms_error_set(ISMS_EINVALID, _("the second-factor code is too long"));
    return 0;
}

static void actor_for(struct isms_actor *actor, const struct isms_user *user,
                      const struct attempt_context *ctx)
{
    *actor = (struct isms_actor){user->id, user->name, ctx->address, false};
}

/* TOTP seeds are sealed under the process's key (sec/secret_key.h), bound to
 * their user: a seed copied to another user's row does not open. */
static void seed_context(char out[32], int64_t user_id)
{
    snprintf(out, 32, "totp:%" PRId64, user_id);
}

static const struct isms_secret_key *seed_key(void)
{
    const struct isms_secret_key *key = isms_secret_key_current();

    if (!key)
        isms_error_set(ISMS_ERROR, "no secret key is loaded to protect TOTP seeds");
    return key;
}

static int seal_seed(char out[ISMS_TOTP_STORED_TEXT], int64_t user_id, const char *plain)
{
    const struct isms_secret_key *key = seed_key();
    char context[32];

    if (!key)
        return ISMS_ERROR;
    seed_context(context, user_id);
    return isms_secret_seal(out, ISMS_TOTP_STORED_TEXT, key, context, plain);
}

/* The base32 seed of a stored one; a plain seed (not yet sealed at start-up)
 * is taken as it is. */
static int open_seed(char out[ISMS_TOTP_SECRET_TEXT], int64_t user_id, const char *stored)
{
    const struct isms_secret_key *key;
    char context[32];

    if (!isms_secret_is_sealed(stored)) {
        snprintf(out, ISMS_TOTP_SECRET_TEXT, "%s", stored);
        return 0;
    }
    if (!(key = seed_key()))
        return ISMS_ERROR;
    seed_context(context, user_id);
    if (isms_secret_open(out, ISMS_TOTP_SECRET_TEXT, key, context, stored) < 0)
        return isms_error_set(ISMS_EAUTH,
                              _("the authenticator code cannot be checked: the server's secret key "
                                "is not the one TOTP was set up with; use a recovery code"));
    return 0;
}

int isms_auth_seal_stored_seeds(size_t *sealed_count, struct isms_store *store)
{
    struct isms_user_totp_seeds *rows = NULL, sealed;
    const struct isms_actor system = {0, "system", "", false};
    size_t count = 0;
    int error;

    *sealed_count = 0;
    if ((error = isms_store_user_totp_unsealed(&rows, &count, store, ISMS_SECRET_PREFIX)) < 0)
        return error;
    for (size_t i = 0; error == 0 && i < count; i++) {
        sealed = rows[i];
        if (rows[i].secret[0] && !isms_secret_is_sealed(rows[i].secret))
            error = seal_seed(sealed.secret, rows[i].user_id, rows[i].secret);
        if (error == 0 && rows[i].pending[0] && !isms_secret_is_sealed(rows[i].pending))
            error = seal_seed(sealed.pending, rows[i].user_id, rows[i].pending);
        if (error == 0 &&
            (error = isms_store_user_totp_reseal(store, &rows[i], &sealed, &system)) == 0)
            (*sealed_count)++;
    }
    free(rows);
    return error;
}

/* Checks the TOTP or recovery code of `attempt`: 0, or ISMS_EAUTH recorded. */
static int check_second_factor(const struct attempt_context *ctx,
                               const struct isms_user_credentials *cred)
{
    const struct isms_login_attempt *attempt = ctx->attempt;
    char hash[ISMS_TOKEN_TEXT_SIZE], seed[ISMS_TOTP_SECRET_TEXT];
    struct isms_actor actor;
    int64_t step;
    int error;

    actor_for(&actor, &cred->user, ctx);
    if (attempt->totp) {
        if ((error = open_seed(seed, cred->user.id, cred->totp_secret)) == 0 &&
            (error = isms_totp_verify(&step, seed, attempt->totp, (time_t)ctx->now,
                                      cred->totp_last_step)) == 0)
            error = isms_store_user_totp_used(ctx->store, cred->user.id, step);
        return error == 0 ? 0 : record(ctx, cred->user.id, "bad_totp", true, error);
    }
    if ((error = isms_recovery_code_hash(hash, attempt->recovery_code)) == 0)
        error = isms_store_recovery_use(ctx->store, cred->user.id, hash, &actor);
    return error == 0 ? 0 : record(ctx, cred->user.id, "bad_recovery_code", true, error);
}

/* Opens a session (replacing `replace_id` when not 0) and records the login. */
static int open_session(struct isms_login_result *out, const struct attempt_context *ctx,
                        const struct isms_user_credentials *cred, bool mfa_pending,
                        int64_t replace_id)
{
    char token_hash[ISMS_TOKEN_TEXT_SIZE];
    struct isms_session *s = &out->session;
    struct isms_session_row row;
    struct isms_actor actor;
    int error;

    memset(out, 0, sizeof(*out));
    if ((error = isms_random_token(out->token)) < 0 || (error = isms_random_token(s->csrf)) < 0 ||
        (error = isms_sha256_hex(token_hash, out->token)) < 0)
        return error;
    s->user_id = cred->user.id;
    snprintf(s->name, sizeof(s->name), "%s", cred->user.name);
    snprintf(s->display_name, sizeof(s->display_name), "%s", cred->user.display_name);
    snprintf(s->lang, sizeof(s->lang), "%s", cred->user.lang);
    s->is_admin = cred->user.is_admin;
    s->mfa_pending = mfa_pending;
    s->totp_enabled = cred->user.totp_enabled;
    s->must_change_password = cred->user.must_change_password;
    snprintf(s->time_zone, sizeof(s->time_zone), "%s", cred->user.time_zone);
    s->created_at = ctx->now;
    s->expires_at = ctx->now +
                    (mfa_pending ? ISMS_SESSION_MFA_SECONDS : ISMS_SESSION_ABSOLUTE_SECONDS);
    row = (struct isms_session_row){s->user_id, token_hash,    s->csrf,      mfa_pending,
                                    ctx->now,   s->expires_at, ctx->address, ctx->user_agent};
    actor_for(&actor, &cred->user, ctx);
    if ((error = isms_store_session_insert(ctx->store, &s->id, &row, replace_id, &actor)) < 0)
        return error;
    return record(ctx, cred->user.id, mfa_pending ? "mfa_pending" : "ok", false, 0);
}

int isms_auth_login(struct isms_login_result *out, struct isms_store *store,
                    const struct isms_login_attempt *attempt)
{
    struct isms_user_credentials cred;
    struct attempt_context ctx;
    bool has_factor;
    int error;

    if ((error = check_fields(attempt)) < 0)
        return error;
    context_init(&ctx, store, attempt, attempt->name);
    error = isms_store_user_credentials(&cred, store, attempt->name, 0);
    if (error < 0 && error != ISMS_ENOTFOUND)
        return error;
    if ((error = check_rate_limit(&ctx, error == 0 ? cred.user.id : 0)) < 0)
        return error;
    if (!cred.user.id) {
        isms_password_verify_dummy(attempt->password);
        return record(&ctx, 0, "unknown_user", true, isms_error_set(ISMS_EAUTH, WRONG_CREDENTIALS));
    }
    if ((error = isms_password_verify(cred.password_hash, attempt->password)) < 0)
        return error == ISMS_EAUTH ? record(&ctx, cred.user.id, "bad_password", true,
                                            isms_error_set(ISMS_EAUTH, WRONG_CREDENTIALS))
                                   : error;
    /* The same answer as a wrong password: the password must not tell that
     * the account exists but is disabled. The history says which. */
    if (cred.user.disabled)
        return record(&ctx, cred.user.id, "disabled", true,
                      isms_error_set(ISMS_EAUTH, WRONG_CREDENTIALS));
    has_factor = attempt->totp || attempt->recovery_code;
    if (cred.user.totp_enabled && has_factor && (error = check_second_factor(&ctx, &cred)) < 0)
        return error;
    return open_session(out, &ctx, &cred, cred.user.totp_enabled && !has_factor, 0);
}

/* The session for a cookie token, whatever its state; ISMS_EAUTH if none. */
static int find_session(struct isms_session *out, int64_t *last_seen, struct isms_store *store,
                        const char *token)
{
    char hash[ISMS_TOKEN_TEXT_SIZE];
    int error;

    if (!token || strlen(token) != ISMS_TOKEN_TEXT_SIZE - 1)
        return isms_error_set(ISMS_EAUTH, _("not signed in"));
    if ((error = isms_sha256_hex(hash, token)) < 0)
        return error;
    return isms_store_session_find(out, last_seen, store, hash);
}

static bool session_alive(const struct isms_session *s, int64_t last_seen, int64_t now)
{
    if (now >= s->expires_at)
        return false;
    return s->mfa_pending || now - last_seen < ISMS_SESSION_IDLE_SECONDS;
}

int isms_auth_complete_mfa(struct isms_login_result *out, struct isms_store *store,
                           const char *pending_token, const struct isms_login_attempt *attempt)
{
    struct isms_user_credentials cred;
    struct isms_session pending;
    struct attempt_context ctx;
    int64_t last_seen;
    int error;

    if (!attempt->totp == !attempt->recovery_code)
        return isms_error_set(ISMS_EINVALID, _("give either 'totp' or 'recovery_code'"));
    if ((attempt->totp && strlen(attempt->totp) > 16) ||
        (attempt->recovery_code && strlen(attempt->recovery_code) > 64))
        return isms_error_set(ISMS_EINVALID, _("the second-factor code is too long"));
    if ((error = find_session(&pending, &last_seen, store, pending_token)) < 0)
        return error;
    context_init(&ctx, store, attempt, pending.name);
    if (!pending.mfa_pending || !session_alive(&pending, last_seen, ctx.now))
        return isms_error_set(ISMS_EAUTH,
                              _("no login is waiting for a second factor; sign in again"));
    if ((error = check_rate_limit(&ctx, pending.user_id)) < 0 ||
        (error = isms_store_user_credentials(&cred, store, NULL, pending.user_id)) < 0)
        return error;
    if ((error = check_second_factor(&ctx, &cred)) < 0)
        return error;
    return open_session(out, &ctx, &cred, false, pending.id);
}

int isms_auth_session(struct isms_session *out, struct isms_store *store, const char *token)
{
    int64_t last_seen = 0, now = (int64_t)time(NULL);
    int error;

    if ((error = find_session(out, &last_seen, store, token)) < 0)
        return error;
    if (!session_alive(out, last_seen, now)) {
        isms_store_session_delete_id(store, out->id);
        memset(out, 0, sizeof(*out));
        return isms_error_set(ISMS_EAUTH, _("the session has expired; sign in again"));
    }
    if (now - last_seen >= TOUCH_INTERVAL_SECONDS &&
        (error = isms_store_session_touch(store, out->id, now)) < 0)
        return error;
    return 0;
}

int isms_auth_logout(struct isms_store *store, const char *token)
{
    char hash[ISMS_TOKEN_TEXT_SIZE];
    int error;

    if (!token || strlen(token) != ISMS_TOKEN_TEXT_SIZE - 1)
        return 0;
    if ((error = isms_sha256_hex(hash, token)) < 0)
        return error;
    return isms_store_session_delete(store, hash);
}

int isms_auth_purge_sessions(struct isms_store *store)
{
    return isms_store_session_purge(store, (int64_t)time(NULL), ISMS_SESSION_IDLE_SECONDS);
}

int isms_auth_login_history(struct isms_login_event **out, size_t *count, struct isms_store *store,
                            int64_t user_id, int limit)
{
    if (limit < 1 || limit > 100)
        return isms_error_set(ISMS_EINVALID, _("limit must be 1 to 100"));
    return isms_store_login_events(out, count, store, user_id, limit);
}

int isms_auth_totp_pending(struct isms_totp_enrolment *out, struct isms_store *store,
                           int64_t user_id)
{
    struct isms_user_credentials cred;
    int error;

    memset(out, 0, sizeof(*out));
    if ((error = isms_store_user_credentials(&cred, store, NULL, user_id)) < 0)
        return error;
    if (cred.user.totp_enabled || !cred.totp_pending_secret[0])
        return isms_error_set(ISMS_ENOTFOUND, _("no TOTP enrolment is pending"));
    if ((error = open_seed(out->secret, user_id, cred.totp_pending_secret)) < 0)
        return error;
    return isms_totp_uri(out->uri, sizeof(out->uri), ISSUER, cred.user.name, out->secret);
}

int isms_auth_totp_begin(struct isms_totp_enrolment *out, struct isms_store *store, int64_t user_id,
                         const struct isms_actor *actor)
{
    char sealed[ISMS_TOTP_STORED_TEXT];
    struct isms_user user;
    int error;

    if ((error = isms_store_user_by_id(&user, store, user_id)) < 0)
        return error;
    if (user.totp_enabled)
        return isms_error_set(ISMS_ECONFLICT,
                              _("TOTP is already on; turn it off first to change it"));
    if ((error = isms_totp_secret_new(out->secret)) < 0 ||
        (error = isms_totp_uri(out->uri, sizeof(out->uri), ISSUER, user.name, out->secret)) < 0 ||
        (error = seal_seed(sealed, user_id, out->secret)) < 0)
        return error;
    return isms_store_user_totp_pending(store, user_id, sealed, actor);
}

/* A fresh set of codes for display and their hashes for the store. */
static int new_codes(char codes[ISMS_RECOVERY_CODE_COUNT][ISMS_RECOVERY_CODE_TEXT],
                     char hashes[ISMS_RECOVERY_CODE_COUNT][ISMS_TOKEN_TEXT_SIZE])
{
    int error;

    for (size_t i = 0; i < ISMS_RECOVERY_CODE_COUNT; i++)
        if ((error = isms_recovery_code_new(codes[i])) < 0 ||
            (error = isms_recovery_code_hash(hashes[i], codes[i])) < 0)
            return error;
    return 0;
}

int isms_auth_totp_confirm(char codes_out[ISMS_RECOVERY_CODE_COUNT][ISMS_RECOVERY_CODE_TEXT],
                           struct isms_store *store, int64_t user_id, const char *code,
                           const struct isms_actor *actor)
{
    char seed[ISMS_TOTP_SECRET_TEXT];
    char hashes[ISMS_RECOVERY_CODE_COUNT][ISMS_TOKEN_TEXT_SIZE];
    struct isms_user_credentials cred;
    int64_t step;
    int error;

    if ((error = isms_store_user_credentials(&cred, store, NULL, user_id)) < 0)
        return error;
    if (!cred.totp_pending_secret[0])
        return isms_error_set(ISMS_EINVALID, _("no TOTP enrolment is pending; start one first"));
    if ((error = open_seed(seed, user_id, cred.totp_pending_secret)) < 0 ||
        (error = isms_totp_verify(&step, seed, code ? code : "", time(NULL), 0)) < 0 ||
        (error = new_codes(codes_out, hashes)) < 0)
        return error;
    return isms_store_user_totp_enable(store, user_id, step, hashes, ISMS_RECOVERY_CODE_COUNT,
                                       actor);
}

int isms_auth_check_current_password(struct isms_store *store, int64_t user_id,
                                     const char *password, const struct isms_actor *actor)
{
    struct isms_login_attempt attempt = {.address = actor->address};
    struct attempt_context ctx;
    struct isms_user user;
    int error;

    if ((error = isms_store_user_by_id(&user, store, user_id)) < 0)
        return error;
    context_init(&ctx, store, &attempt, user.name);
    if ((error = check_rate_limit(&ctx, user_id)) < 0)
        return error;
    if ((error = isms_user_verify_password(store, user_id, password)) == ISMS_EAUTH)
        return record(&ctx, user_id, "bad_current_password", true, error);
    return error;
}

int isms_auth_totp_disable(struct isms_store *store, int64_t user_id, const char *password,
                           const struct isms_actor *actor)
{
    int error;

    if ((error = isms_auth_check_current_password(store, user_id, password, actor)) < 0)
        return error;
    return isms_store_user_totp_disable(store, user_id, actor);
}

int isms_auth_recovery_regenerate(char codes_out[ISMS_RECOVERY_CODE_COUNT][ISMS_RECOVERY_CODE_TEXT],
                                  struct isms_store *store, int64_t user_id, const char *password,
                                  const struct isms_actor *actor)
{
    char hashes[ISMS_RECOVERY_CODE_COUNT][ISMS_TOKEN_TEXT_SIZE];
    struct isms_user user;
    int error;

    if ((error = isms_store_user_by_id(&user, store, user_id)) < 0)
        return error;
    if (!user.totp_enabled)
        return isms_error_set(ISMS_EINVALID, _("recovery codes back up TOTP; turn TOTP on first"));
    if ((error = isms_auth_check_current_password(store, user_id, password, actor)) < 0)
        return error;
    if ((error = new_codes(codes_out, hashes)) < 0)
        return error;
    return isms_store_recovery_replace(store, user_id, hashes, ISMS_RECOVERY_CODE_COUNT, actor);
}

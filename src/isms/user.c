#include "isms_setup.h"
#include <jansson.h>
#include "isms/user.h"
#include "sec/password.h"
#include "store/users.h"
#include "util/error.h"
#include "util/text.h"

_Static_assert(ISMS_PASSWORD_HASH_MAX == ISMS_USER_PASSWORD_HASH_MAX,
               "the store keeps hashes of the size sec/password.h writes");

static bool name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
}

int isms_user_check_name(const char *name)
{
    size_t len = name ? strlen(name) : 0;

    if (len == 0 || len > ISMS_USER_NAME_MAX)
        return isms_error_set(ISMS_EINVALID, _("user name must be 1 to %d characters"),
                              ISMS_USER_NAME_MAX);
    for (const char *p = name; *p; p++)
        if (!name_char(*p))
            return isms_error_set(
                ISMS_EINVALID, _("user name '%.64s' may only contain a-z, 0-9, '.', '_' and '-'"),
                name);
    if (!((name[0] >= 'a' && name[0] <= 'z') || (name[0] >= '0' && name[0] <= '9')))
        return isms_error_set(ISMS_EINVALID,
                              _("user name '%.64s' must start with a letter or digit"), name);
    return 0;
}

/* Code points, not bytes: a Japanese passphrase is as long as it looks. */
static size_t count_code_points(const char *s)
{
    size_t n = 0;

    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        n += (*p & 0xC0) != 0x80;
    return n;
}

int isms_user_check_password(const char *password)
{
    int error;

    if (!password)
        return isms_error_set(ISMS_EINVALID, _("a password is required"));
    if (strlen(password) > ISMS_PASSWORD_MAX)
        return isms_error_set(ISMS_EINVALID, _("password must be at most %d bytes"),
                              ISMS_PASSWORD_MAX);
    if ((error = isms_text_check(password, ISMS_PASSWORD_MAX, false, "password")) < 0)
        return error;
    if (count_code_points(password) < ISMS_PASSWORD_MIN)
        return isms_error_set(ISMS_EINVALID, _("password must be at least %d characters"),
                              ISMS_PASSWORD_MIN);
    return 0;
}

static int check_display_name(const char *display_name)
{
    if (!*display_name)
        return isms_error_set(ISMS_EINVALID, _("display name must not be empty"));
    return isms_text_check(display_name, ISMS_USER_DISPLAY_MAX, false, "display_name");
}

int isms_user_create(struct isms_user *out, struct isms_store *store, const char *name,
                     const char *display_name, const char *password, bool is_admin,
                     const struct isms_actor *actor)
{
    char hash[ISMS_PASSWORD_HASH_MAX];
    struct isms_user user = {0};
    int error;

    if ((error = isms_user_check_name(name)) < 0 ||
        (error = isms_user_check_password(password)) < 0)
        return error;
    if (display_name && (error = check_display_name(display_name)) < 0)
        return error;
    snprintf(user.name, sizeof(user.name), "%s", name);
    snprintf(user.display_name, sizeof(user.display_name), "%s",
             display_name ? display_name : name);
    user.is_admin = is_admin;
    isms_time_now(user.created_at);
    if ((error = isms_password_hash(hash, password)) < 0 ||
        (error = isms_store_user_insert(store, &user, hash, actor)) < 0)
        return error;
    return isms_store_user_by_id(out, store, user.id);
}

int isms_user_get(struct isms_user *out, struct isms_store *store, int64_t id)
{
    return isms_store_user_by_id(out, store, id);
}

int isms_user_find(struct isms_user *out, struct isms_store *store, const char *name)
{
    if (!name || !*name || strlen(name) > ISMS_USER_NAME_MAX)
        return isms_error_set(ISMS_ENOTFOUND, _("user '%.64s' not found"), name ? name : "");
    return isms_store_user_by_name(out, store, name);
}

int isms_user_list(struct isms_user **out, size_t *count, struct isms_store *store)
{
    return isms_store_user_list(out, count, store);
}

int isms_user_count(int64_t *out, struct isms_store *store)
{
    return isms_store_user_count(out, store);
}

int isms_user_set_password(struct isms_store *store, int64_t user_id, const char *password,
                           int64_t keep_session_id, const struct isms_actor *actor)
{
    char hash[ISMS_PASSWORD_HASH_MAX];
    int error;

    if ((error = isms_user_check_password(password)) < 0 ||
        (error = isms_password_hash(hash, password)) < 0)
        return error;
    return isms_store_user_set_password(store, user_id, hash, keep_session_id, actor);
}

int isms_user_verify_password(struct isms_store *store, int64_t user_id, const char *password)
{
    struct isms_user_credentials cred;
    int error;

    if (!password || strlen(password) > ISMS_PASSWORD_MAX)
        return isms_error_set(ISMS_EAUTH, _("the current password is wrong"));
    if ((error = isms_store_user_credentials(&cred, store, NULL, user_id)) < 0)
        return error;
    error = isms_password_verify(cred.password_hash, password);
    if (error == ISMS_EAUTH)
        return isms_error_set(ISMS_EAUTH, _("the current password is wrong"));
    return error;
}

int isms_user_update(struct isms_user *out, struct isms_store *store, int64_t user_id,
                     const struct isms_user_changes *changes, const struct isms_actor *actor)
{
    struct isms_user user;
    json_t *detail = json_object();
    char *text = NULL;
    int error;

    if (!detail)
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    if ((error = isms_store_user_by_id(&user, store, user_id)) < 0)
        goto done;
    if (changes->display_name) {
        if ((error = check_display_name(changes->display_name)) < 0)
            goto done;
        snprintf(user.display_name, sizeof(user.display_name), "%s", changes->display_name);
        json_object_set_new(detail, "display_name", json_string(user.display_name));
    }
    if (changes->is_admin >= 0) {
        user.is_admin = changes->is_admin != 0;
        json_object_set_new(detail, "is_admin", json_boolean(user.is_admin));
    }
    if (changes->disabled >= 0) {
        user.disabled = changes->disabled != 0;
        json_object_set_new(detail, "disabled", json_boolean(user.disabled));
    }
    if (!(text = json_dumps(detail, JSON_COMPACT | JSON_SORT_KEYS))) {
        error = isms_error_set(ISMS_ENOMEM, "out of memory");
        goto done;
    }
    if ((error = isms_store_user_update(store, &user, text, actor)) == 0)
        error = isms_store_user_by_id(out, store, user_id);
done:
    free(text);
    json_decref(detail);
    return error;
}

int isms_user_set_time_zone(struct isms_store *store, int64_t user_id, const char *zone,
                            const struct isms_actor *actor)
{
    if (!zone || (*zone && !isms_tz_known(zone)))
        return isms_error_set(ISMS_EINVALID,
                              _("'%.64s' is not a time zone of the tz database "
                                "(e.g. 'Asia/Tokyo', 'UTC')"),
                              zone ? zone : "");
    return isms_store_user_set_time_zone(store, user_id, zone, actor);
}

int isms_user_require_password_change(struct isms_store *store, int64_t user_id,
                                      const struct isms_actor *actor)
{
    return isms_store_user_require_password_change(store, user_id, actor);
}

int isms_user_set_lang(struct isms_store *store, int64_t user_id, const char *lang,
                       const struct isms_actor *actor)
{
    if (!lang || (strcmp(lang, "ja") != 0 && strcmp(lang, "en") != 0 && *lang))
        return isms_error_set(ISMS_EINVALID, _("lang must be 'ja', 'en' or '' (browser default)"));
    return isms_store_user_set_lang(store, user_id, lang, actor);
}

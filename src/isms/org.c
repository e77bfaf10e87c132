#include "isms_setup.h"
#include "isms/org.h"
#include "store/orgs.h"
#include "util/error.h"
#include "util/names.h"
#include "util/text.h"

static bool slug_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

static int check_slug(const char *slug)
{
    size_t len = strlen(slug);
    bool has_letter = false;

    if (len == 0 || len > ISMS_ORG_SLUG_MAX)
        return isms_error_set(ISMS_EINVALID, _("slug must be 1 to %d characters"),
                              ISMS_ORG_SLUG_MAX);
    for (const char *p = slug; *p; p++) {
        if (!slug_char(*p))
            return isms_error_set(ISMS_EINVALID, _("slug '%s' may only contain a-z, 0-9 and '-'"),
                                  slug);
        has_letter |= *p >= 'a' && *p <= 'z';
    }
    /* A slug of digits alone would be mistaken for an id. */
    if (!has_letter)
        return isms_error_set(ISMS_EINVALID, _("slug '%s' needs at least one letter"), slug);
    if (slug[0] == '-' || slug[len - 1] == '-')
        return isms_error_set(ISMS_EINVALID, _("slug '%s' may not start or end with '-'"), slug);
    return 0;
}

/* "Acme Cloud, Inc." -> "acme-cloud-inc"; names without ASCII letters give "org". */
static void derive_slug(char out[ISMS_ORG_SLUG_MAX + 1], const char *name)
{
    size_t n = 0;
    bool dash = false, has_letter = false;

    for (const char *p = name; *p && n < ISMS_ORG_SLUG_MAX - 4; p++) {
        char c = *p;
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (dash && n)
                out[n++] = '-';
            out[n++] = c;
            has_letter |= c >= 'a';
            dash = false;
        } else {
            dash = true;
        }
    }
    out[n] = '\0';
    if (!has_letter)
        snprintf(out, ISMS_ORG_SLUG_MAX + 1, "org");
}

static int insert_with_derived_slug(struct isms_org *org, struct isms_store *store,
                                    const struct isms_actor *actor)
{
    char base[ISMS_ORG_SLUG_MAX + 1];
    int error = ISMS_ECONFLICT;

    derive_slug(base, org->name);
    memcpy(org->slug, base, sizeof(base));
    for (int suffix = 2; suffix < 1000; suffix++) {
        if ((error = isms_store_org_insert(store, org, actor)) != ISMS_ECONFLICT)
            return error;
        snprintf(org->slug, sizeof(org->slug), "%.58s-%d", base, suffix);
    }
    return error;
}

int isms_org_create(struct isms_org *out, struct isms_store *store, const char *name,
                    const char *slug, enum isms_org_role role, const struct isms_actor *actor)
{
    struct isms_org org = {0};
    int error;

    if (!name || !*name)
        return isms_error_set(ISMS_EINVALID, _("organization name is required"));
    if ((error = isms_text_check(name, ISMS_ORG_NAME_MAX, false, "name")) < 0)
        return error;
    if (slug && (error = check_slug(slug)) < 0)
        return error;
    isms_org_role_name(role);
    snprintf(org.name, sizeof(org.name), "%s", name);
    org.role = role;
    isms_time_now(org.created_at);
    if (slug) {
        snprintf(org.slug, sizeof(org.slug), "%s", slug);
        error = isms_store_org_insert(store, &org, actor);
    } else {
        error = insert_with_derived_slug(&org, store, actor);
    }
    if (error == 0)
        error = isms_store_org_by_id(out, store, org.id);
    return error;
}

int isms_org_update(struct isms_org *out, struct isms_store *store, int64_t id, const char *name,
                    const char *slug, const struct isms_actor *actor)
{
    struct isms_org old, org;
    int error;

    if ((error = isms_store_org_by_id(&old, store, id)) < 0)
        return error;
    org = old;
    if (name && *name) {
        if ((error = isms_text_check(name, ISMS_ORG_NAME_MAX, false, "name")) < 0)
            return error;
        snprintf(org.name, sizeof(org.name), "%s", name);
    }
    if (slug && *slug) {
        if ((error = check_slug(slug)) < 0)
            return error;
        snprintf(org.slug, sizeof(org.slug), "%s", slug);
    }
    if ((error = isms_store_org_update(store, &org, &old, actor)) < 0)
        return error;
    return isms_store_org_by_id(out, store, id);
}

int isms_org_get(struct isms_org *out, struct isms_store *store, int64_t id)
{
    return isms_store_org_by_id(out, store, id);
}

int isms_org_find(struct isms_org *out, struct isms_store *store, const char *id_or_slug)
{
    char *end;
    long long id;

    if (!id_or_slug || !*id_or_slug)
        return isms_error_set(ISMS_EINVALID, _("organization id or slug is required"));
    errno = 0;
    id = strtoll(id_or_slug, &end, 10);
    if (*end == '\0' && errno == 0 && id > 0)
        return isms_store_org_by_id(out, store, id);
    if (check_slug(id_or_slug) < 0)
        return isms_error_set(ISMS_ENOTFOUND, _("organization '%s' not found"), id_or_slug);
    return isms_store_org_by_slug(out, store, id_or_slug);
}

int isms_org_list(struct isms_org **out, size_t *count, struct isms_store *store)
{
    return isms_store_org_list(out, count, store);
}

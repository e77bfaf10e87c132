#include "isms_setup.h"
#include "catalog/threats.h"
#include "isms/threat.h"
#include "store/threats.h"
#include "util/error.h"
#include "util/text.h"

static int check_optional(const char *text, size_t max, bool multiline, const char *field)
{
    return text ? isms_text_check(text, max, multiline, field) : 0;
}

static int check_input(const struct isms_threat_input *in)
{
    int error;

    if ((!in->name_ja || !*in->name_ja) && (!in->name_en || !*in->name_en))
        return isms_error_set(ISMS_EINVALID, _("a threat needs 'name_ja' or 'name_en'"));
    if ((error = check_optional(in->name_ja, ISMS_THREAT_NAME_MAX, false, "name_ja")) < 0 ||
        (error = check_optional(in->name_en, ISMS_THREAT_NAME_MAX, false, "name_en")) < 0 ||
        (error = check_optional(in->category, ISMS_THREAT_CATEGORY_MAX, false, "category")) < 0 ||
        (error = check_optional(in->description, ISMS_THREAT_DESCRIPTION_MAX, true,
                                "description")) < 0)
        return error;
    return 0;
}

static void copy_text(char *dst, size_t size, const char *src)
{
    snprintf(dst, size, "%s", src ? src : "");
}

int isms_threat_add(struct isms_own_threat *out, struct isms_store *store,
                    const struct isms_actor *actor, int64_t org_id,
                    const struct isms_threat_input *in)
{
    struct isms_own_threat t = {.org_id = org_id};
    int error;

    if ((error = check_input(in)) < 0)
        return error;
    copy_text(t.name_ja, sizeof(t.name_ja), in->name_ja);
    copy_text(t.name_en, sizeof(t.name_en), in->name_en);
    copy_text(t.category, sizeof(t.category), in->category);
    copy_text(t.description, sizeof(t.description), in->description);
    isms_time_now(t.created_at);
    if ((error = isms_store_threat_insert(store, actor, &t)) < 0)
        return error;
    *out = t;
    return 0;
}

int isms_threat_list_own(struct isms_own_threat **out, size_t *count, struct isms_store *store,
                         int64_t org_id)
{
    return isms_store_threat_list(out, count, store, org_id);
}

int isms_threat_get_own(struct isms_own_threat *out, struct isms_store *store, int64_t org_id,
                        int64_t id)
{
    return isms_store_threat_get(out, store, org_id, id);
}

bool isms_threat_source_valid(const char *source)
{
    return source &&
           (strcmp(source, ISMS_THREAT_SOURCE_OWN) == 0 || isms_threat_source_get(source) != NULL);
}

/* "own:12" -> 12; ISMS_ENOTFOUND for anything that is not a positive id. */
static int parse_own_id(int64_t *out, const char *id)
{
    char *end;
    long long value;

    errno = 0;
    value = strtoll(id, &end, 10);
    if (!*id || *end || errno || value <= 0)
        return isms_error_set(ISMS_ENOTFOUND, _("threat 'own:%s' not found"), id);
    *out = value;
    return 0;
}

static int resolve_own(struct isms_threat_info *out, struct isms_store *store, int64_t org_id,
                       const char *id)
{
    struct isms_own_threat t;
    int64_t own_id = 0;
    int error;

    if ((error = parse_own_id(&own_id, id)) < 0 ||
        (error = isms_threat_get_own(&t, store, org_id, own_id)) < 0)
        return error;
    snprintf(out->id, sizeof(out->id), "%" PRId64, t.id);
    memcpy(out->name_ja, t.name_ja, sizeof(out->name_ja));
    memcpy(out->name_en, t.name_en, sizeof(out->name_en));
    return 0;
}

int isms_threat_resolve(struct isms_threat_info *out, struct isms_store *store, int64_t org_id,
                        const char *ref)
{
    const char *colon = ref ? strchr(ref, ':') : NULL;
    const struct isms_threat *t;
    char source[16];
    int error;

    if (!colon || colon == ref || (size_t)(colon - ref) >= sizeof(source) ||
        strlen(ref) > ISMS_THREAT_REF_MAX)
        return isms_error_set(ISMS_EINVALID,
                              _("threat reference must look like 'enisa:R9', not "
                                "'%.63s'"),
                              ref ? ref : "");
    memset(out, 0, sizeof(*out));
    memcpy(source, ref, (size_t)(colon - ref));
    source[colon - ref] = '\0';
    if (!isms_threat_source_valid(source))
        return isms_error_set(ISMS_EINVALID,
                              _("unknown threat source '%s' (enisa, x1601, ipa or "
                                "own)"),
                              source);
    snprintf(out->source, sizeof(out->source), "%s", source);
    if (strcmp(source, ISMS_THREAT_SOURCE_OWN) == 0) {
        if ((error = resolve_own(out, store, org_id, colon + 1)) < 0)
            return error;
    } else if ((t = isms_threat_builtin_find(source, colon + 1))) {
        snprintf(out->id, sizeof(out->id), "%s", t->id);
        snprintf(out->name_ja, sizeof(out->name_ja), "%s", t->name_ja);
        snprintf(out->name_en, sizeof(out->name_en), "%s", t->name_en);
    } else {
        return isms_error_set(ISMS_ENOTFOUND, _("threat '%s' not found"), ref);
    }
    snprintf(out->ref, sizeof(out->ref), "%s:%s", out->source, out->id);
    return 0;
}

/* The threat library on pages (threat_choices.h). */
#include "isms_setup.h"
#include "catalog/threats.h"
#include "isms/threat.h"
#include "web/http/request.h"
#include "web/pages/threat_choices.h"

static json_t *threat_group(const struct isms_page *page, const struct isms_threat_source *src,
                            const char *current)
{
    json_t *options = json_array();
    char ref[ISMS_THREAT_REF_MAX + 1], label[ISMS_THREAT_NAME_MAX + 40];

    for (size_t i = 0; options && i < src->count; i++) {
        const struct isms_threat *t = &src->threats[i];
        snprintf(ref, sizeof(ref), "%s:%s", src->key, t->id);
        snprintf(label, sizeof(label), "%s %s", t->id,
                 isms_page_pick(page, t->name_en, t->name_ja));
        json_array_append_new(options,
                              isms_page_option(ref, label, current && strcmp(current, ref) == 0));
    }
    return json_pack("{s:s,s:o}", "label", isms_page_pick(page, src->name_en, src->name_ja),
                     "options", options);
}

static json_t *own_threats(const struct isms_page *page, const char *current)
{
    struct isms_own_threat *own = NULL;
    size_t n = 0;
    json_t *options;
    char ref[ISMS_THREAT_REF_MAX + 1];

    if (isms_threat_list_own(&own, &n, page->req->store, page->req->org.id) < 0)
        return NULL;
    options = json_array();
    for (size_t i = 0; options && i < n; i++) {
        snprintf(ref, sizeof(ref), "own:%" PRId64, own[i].id);
        json_array_append_new(
            options, isms_page_option(ref, isms_page_pick(page, own[i].name_en, own[i].name_ja),
                                      current && strcmp(current, ref) == 0));
    }
    free(own);
    return json_pack("{s:s,s:o}", "label", isms_page_t(page, "Our own threats"), "options",
                     options);
}

json_t *isms_page_threat_groups(const struct isms_page *page, const char *current)
{
    const struct isms_threat_source *src;
    json_t *groups = json_array();
    json_t *own = own_threats(page, current);

    for (size_t i = 0; groups && (src = isms_threat_source_at(i)) != NULL; i++)
        json_array_append_new(groups, threat_group(page, src, current));
    if (!groups || !own) {
        json_decref(groups);
        json_decref(own);
        return NULL;
    }
    if (json_array_size(json_object_get(own, "options")))
        json_array_append_new(groups, own);
    else
        json_decref(own);
    return groups;
}

json_t *isms_page_threat(const struct isms_page *page, const char *ref)
{
    struct isms_threat_info info;
    char label[ISMS_THREAT_REF_MAX + 40];

    if (!ref || !*ref || isms_threat_resolve(&info, page->req->store, page->req->org.id, ref) < 0)
        return json_null();
    isms_threat_ref_label(label, sizeof(label), info.source, info.id, page->lang == ISMS_LANG_JA);
    return json_pack("{s:s,s:s}", "ref", label, "name",
                     isms_page_pick(page, info.name_en, info.name_ja));
}

/*
 * The built-in catalogs: the list, one catalog's controls with a search over
 * ids and titles in both languages, and the 2013 -> 2022 correspondence.
 */
#include "isms_setup.h"
#include "catalog/catalog.h"
#include "util/error.h"
#include "util/text.h"
#include "web/http/request.h"
#include "web/http/response.h"
#include "web/http/router.h"
#include "web/pages/pages.h"

#define QUERY_MAX 200

static int handle_catalogs(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_page page;
    json_t *list = json_array();
    int error;

    if ((error = isms_page_init(&page, req, "catalogs", "Control catalogs")) < 0) {
        json_decref(list);
        return error;
    }
    for (size_t i = 0; list && i < isms_catalog_count(); i++) {
        const struct isms_catalog *c = isms_catalog_at(i);
        json_array_append_new(list, json_pack("{s:s,s:s,s:I}", "key", c->key, "name",
                                              isms_page_pick(&page, c->name_en, c->name_ja),
                                              "count", (json_int_t)c->count));
    }
    if ((error = isms_page_set(&page, "catalogs", list)) < 0) {
        isms_page_release(&page);
        return error;
    }
    return isms_page_respond(res, &page, "catalogs.html", 200);
}

static const char *theme_label(const char *group)
{
    static const struct {
        const char *key, *label;
    } themes[] = {
        {"organizational", "Organizational controls"},
        {"people", "People controls"},
        {"physical", "Physical controls"},
        {"technological", "Technological controls"},
        {"cloud", "Cloud services"},
    };

    for (size_t i = 0; i < ISMS_ARRAY_SIZE(themes); i++)
        if (strcmp(themes[i].key, group) == 0)
            return themes[i].label;
    return group;
}

static json_t *related_list(const struct isms_control *control)
{
    json_t *list = json_array();

    for (size_t i = 0; list && i < control->related_count; i++)
        json_array_append_new(list, json_string(control->related[i]));
    return list;
}

static json_t *control_row(const struct isms_page *page, const struct isms_control *c)
{
    const char *title = isms_page_pick(page, c->title_en, c->title_ja);
    const char *other = title == c->title_en ? c->title_ja : c->title_en;

    return json_pack(
        "{s:s,s:s,s:s,s:s,s:s,s:s,s:b,s:b,s:b,s:o}", "id", c->id, "title", title, "other_title",
        other, "summary", isms_page_pick(page, c->summary_en, c->summary_ja), "theme",
        isms_page_t(page, theme_label(c->group)), "properties", c->security_properties, "csc",
        c->cloud_csc, "csp", c->cloud_csp, "new", c->new_in_2022, "related", related_list(c));
}

static int handle_catalog(struct isms_web_response *res, struct isms_web_request *req)
{
    const struct isms_catalog *catalog = isms_catalog_get(isms_web_request_param(req, "key"));
    const char *query = isms_web_request_query(req, "q");
    struct isms_page page;
    json_t *rows;
    int error;

    if (!catalog)
        return isms_error_set(ISMS_ENOTFOUND, _("no catalog '%s'"),
                              isms_web_request_param(req, "key"));
    if (query && strlen(query) > QUERY_MAX)
        return isms_error_set(ISMS_EINVALID, _("the search text is longer than %d bytes"),
                              QUERY_MAX);
    if ((error = isms_page_init(&page, req, "catalogs", "Control catalogs")) < 0)
        return error;
    rows = json_array();
    for (size_t i = 0; rows && i < catalog->count; i++)
        if (isms_control_matches(&catalog->controls[i], query))
            json_array_append_new(rows, control_row(&page, &catalog->controls[i]));
    if ((error = isms_page_set(
             &page, "catalog",
             json_pack("{s:s,s:s,s:I,s:b,s:b}", "key", catalog->key, "name",
                       isms_page_pick(&page, catalog->name_en, catalog->name_ja), "count",
                       (json_int_t)catalog->count, "is_2022",
                       strcmp(catalog->key, ISMS_CATALOG_27001_2022) == 0, "is_2013",
                       strcmp(catalog->key, ISMS_CATALOG_27002_2013) == 0))) < 0 ||
        (error = isms_page_set(&page, "q", json_string(query ? query : ""))) < 0 ||
        (error = isms_page_set(&page, "shown", json_integer((json_int_t)json_array_size(rows)))) <
            0 ||
        (error = isms_page_set(&page, "controls", rows)) < 0) {
        isms_page_release(&page);
        return error;
    }
    return isms_page_respond(res, &page, "catalog.html", 200);
}

/* Every 2013 control with the 2022 controls it became, and the 2022
 * controls no 2013 control maps to (the new ones). */
static int handle_mapping(struct isms_web_response *res, struct isms_web_request *req)
{
    const struct isms_catalog *old = isms_catalog_get(ISMS_CATALOG_27002_2013);
    const struct isms_catalog *now = isms_catalog_get(ISMS_CATALOG_27001_2022);
    struct isms_page page;
    json_t *rows, *fresh;
    int error;

    if (!old || !now)
        return isms_error_set(ISMS_ERROR, "the built-in catalogs are not loaded");
    if ((error = isms_page_init(&page, req, "catalogs", "2013 to 2022 mapping")) < 0)
        return error;
    rows = json_array();
    fresh = json_array();
    for (size_t i = 0; rows && i < old->count; i++) {
        const struct isms_control *c = &old->controls[i];
        json_t *targets = json_array();
        for (size_t j = 0; targets && j < c->related_count; j++) {
            const struct isms_control *t = isms_catalog_find(now, c->related[j]);
            json_array_append_new(
                targets, json_pack("{s:s,s:s}", "id", c->related[j], "title",
                                   t ? isms_page_pick(&page, t->title_en, t->title_ja) : ""));
        }
        json_array_append_new(rows, json_pack("{s:s,s:s,s:o}", "id", c->id, "title",
                                              isms_page_pick(&page, c->title_en, c->title_ja),
                                              "targets", targets));
    }
    for (size_t i = 0; fresh && i < now->count; i++)
        if (now->controls[i].new_in_2022)
            json_array_append_new(fresh, control_row(&page, &now->controls[i]));
    if ((error = isms_page_set(&page, "mapping", rows)) < 0 ||
        (error = isms_page_set(&page, "new_controls", fresh)) < 0) {
        isms_page_release(&page);
        return error;
    }
    return isms_page_respond(res, &page, "mapping.html", 200);
}

const struct isms_web_route isms_pages_catalogs_routes[] = {
    {"GET", "/catalogs", handle_catalogs, 0},
    {"GET", "/catalogs/mapping", handle_mapping, 0},
    {"GET", "/catalogs/{key}", handle_catalog, 0},
    {NULL, NULL, NULL, 0},
};

#include "isms_setup.h"
#include "catalog/catalog.h"
#include "export/json.h"
#include "util/error.h"
#include "web/http/request.h"
#include "web/http/response.h"
#include "web/http/router.h"

static int handle_catalogs_list(struct isms_web_response *res, struct isms_web_request *req)
{
    json_t *list = json_array();
    int error;

    for (size_t i = 0; list && i < isms_catalog_count(); i++)
        if (json_array_append_new(list, isms_json_catalog(isms_catalog_at(i), false)) < 0) {
            json_decref(list);
            return isms_error_set(ISMS_ENOMEM, "out of memory");
        }
    error = isms_web_respond_json(res, 200, json_pack("{s:O}", "catalogs", list));
    json_decref(list);
    return error;
}

static int find_catalog(const struct isms_catalog **out, const char *key)
{
    if (!(*out = isms_catalog_get(key)))
        return isms_error_set(ISMS_ENOTFOUND, _("catalog '%s' not found"), key);
    return 0;
}

static int handle_catalogs_get(struct isms_web_response *res, struct isms_web_request *req)
{
    const struct isms_catalog *catalog;
    int error;

    if ((error = find_catalog(&catalog, isms_web_request_param(req, "key"))) < 0)
        return error;
    return isms_web_respond_json(res, 200, isms_json_catalog(catalog, true));
}

static int handle_catalogs_control(struct isms_web_response *res, struct isms_web_request *req)
{
    const char *id = isms_web_request_param(req, "id");
    const struct isms_catalog *catalog;
    const struct isms_control *control;
    int error;

    if ((error = find_catalog(&catalog, isms_web_request_param(req, "key"))) < 0)
        return error;
    if (!(control = isms_catalog_find(catalog, id)))
        return isms_error_set(ISMS_ENOTFOUND, _("control '%s' not found in '%s'"), id,
                              catalog->key);
    return isms_web_respond_json(res, 200, isms_json_control(control, catalog->key));
}

const struct isms_web_route isms_api_catalogs_routes[] = {
    {"GET", "/api/catalogs", handle_catalogs_list, 0},
    {"GET", "/api/catalogs/{key}", handle_catalogs_get, 0},
    {"GET", "/api/catalogs/{key}/controls/{id}", handle_catalogs_control, 0},
    {NULL, NULL, NULL, 0},
};

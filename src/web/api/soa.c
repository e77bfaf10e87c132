#include "isms_setup.h"
#include "export/json.h"
#include "export/soa_export.h"
#include "isms/soa.h"
#include "util/buf.h"
#include "util/error.h"
#include "web/http/request.h"
#include "web/http/response.h"
#include "web/http/router.h"
#include "web/http/session.h"

/* Exports are a few hundred KiB; the cap only stops a runaway writer. */
#define EXPORT_MAX (64u << 20)

static int undecided_only(bool *out, const struct isms_web_request *req)
{
    const char *value = isms_web_request_query(req, "undecided");

    *out = false;
    if (!value || strcmp(value, "0") == 0 || strcmp(value, "false") == 0)
        return 0;
    if (strcmp(value, "1") == 0 || strcmp(value, "true") == 0 || *value == '\0') {
        *out = true;
        return 0;
    }
    return isms_error_set(ISMS_EINVALID, _("'undecided' must be 1 or 0"));
}

/* Drops decided entries from a rendered SoA; the summary keeps counting all
 * controls, so a client sees both "what is left" and "out of how many". */
static void keep_undecided(json_t *doc)
{
    json_t *entries = json_object_get(doc, "entries");
    size_t i = 0;

    while (i < json_array_size(entries)) {
        if (json_is_null(json_object_get(json_array_get(entries, i), "applicable")))
            i++;
        else
            json_array_remove(entries, i);
    }
}

static int handle_soa_get(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_soa soa;
    bool filter;
    json_t *doc;
    int error;

    if ((error = undecided_only(&filter, req)) < 0 ||
        (error = isms_soa_load(&soa, req->store, req->org.id)) < 0)
        return error;
    doc = isms_json_soa(&soa);
    isms_soa_release(&soa);
    if (doc && filter)
        keep_undecided(doc);
    return isms_web_respond_json(res, 200, doc);
}

static int handle_soa_entry_get(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_soa_entry entry;
    int error;

    if ((error = isms_soa_get(&entry, req->store, req->org.id,
                              isms_web_request_param(req, "control"))) < 0)
        return error;
    error = isms_web_respond_json(res, 200, isms_json_soa_entry(&entry));
    isms_soa_entry_release(&entry);
    return error;
}

static int handle_soa_entry_put(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_soa_decision decision;
    struct isms_soa_entry entry;
    int error;

    if ((error = isms_json_soa_decision(&decision, req->json)) < 0 ||
        (error = isms_soa_decide(&entry, req->store, req->org.id,
                                 isms_web_request_param(req, "control"), &decision, &req->actor)) <
            0)
        return error;
    error = isms_web_respond_json(res, 200, isms_json_soa_entry(&entry));
    isms_soa_entry_release(&entry);
    return error;
}

typedef int (*export_fn)(struct isms_buf *out, const struct isms_soa *soa, const char *zone);

/* Loads the SoA, writes it with `export` and answers it as a download named
 * after the org, so two orgs' files never overwrite each other. */
static int send_export(struct isms_web_response *res, struct isms_web_request *req,
                       export_fn export, const char *content_type, const char *extension)
{
    struct isms_buf buf = ISMS_BUF_INIT(EXPORT_MAX);
    char disposition[128];
    struct isms_soa soa;
    size_t len;
    char *body;
    int error;

    if ((error = isms_soa_load(&soa, req->store, req->org.id)) < 0)
        return error;
    error = export(&buf, &soa, isms_web_export_zone(req));
    isms_soa_release(&soa);
    if (error < 0)
        goto done;
    body = isms_buf_detach(&buf, &len);
    if (!body) {
        error = isms_error_set(ISMS_ENOMEM, "out of memory");
        goto done;
    }
    isms_web_respond_bytes(res, 200, content_type, body, len);
    /* Slugs are [a-z0-9-]: nothing in the file name needs quoting. */
    snprintf(disposition, sizeof(disposition), "attachment; filename=\"soa-%s.%s\"", req->org.slug,
             extension);
    error = isms_web_response_header(res, "Content-Disposition", disposition);
done:
    isms_buf_release(&buf);
    return error;
}

static int handle_soa_xlsx(struct isms_web_response *res, struct isms_web_request *req)
{
    return send_export(res, req, isms_export_soa_xlsx,
                       "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");
}

static int handle_soa_csv(struct isms_web_response *res, struct isms_web_request *req)
{
    return send_export(res, req, isms_export_soa_csv, "text/csv; charset=utf-8", "csv");
}

const struct isms_web_route isms_api_soa_routes[] = {
    {"GET", "/api/orgs/{org}/soa", handle_soa_get, ISMS_WEB_NEEDS_ORG},
    {"GET", "/api/orgs/{org}/soa.xlsx", handle_soa_xlsx, ISMS_WEB_NEEDS_ORG},
    {"GET", "/api/orgs/{org}/soa.csv", handle_soa_csv, ISMS_WEB_NEEDS_ORG},
    {"GET", "/api/orgs/{org}/soa/{control}", handle_soa_entry_get, ISMS_WEB_NEEDS_ORG},
    {"PUT", "/api/orgs/{org}/soa/{control}", handle_soa_entry_put,
     ISMS_WEB_NEEDS_ORG | ISMS_WEB_NEEDS_JSON},
    {NULL, NULL, NULL, 0},
};

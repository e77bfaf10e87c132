/*
 * Retention and deletion (isms/deletion.h): the due list with its counts,
 * the deletion records, and the built-in retention templates.
 */
#include "isms_setup.h"
#include "export/deletion_json.h"
#include "export/json_util.h"
#include "isms/deletion.h"
#include "util/error.h"
#include "web/http/request.h"
#include "web/http/response.h"
#include "web/http/router.h"

static json_t *counts_json(const struct isms_deletion_due *items, size_t n)
{
    struct isms_deletion_counts c;
    json_t *out = json_object();

    isms_deletion_count_items(&c, items, n);
    for (int s = ISMS_DELETION_OVERDUE; out && s <= ISMS_DELETION_DELETED; s++)
        json_object_set_new(out, isms_deletion_status_name(s),
                            json_integer((json_int_t)c.by_status[s]));
    return out;
}

/* ?status= narrows the list; the counts are always of the whole list. */
static int handle_list(struct isms_web_response *res, struct isms_web_request *req)
{
    const char *status_text = isms_web_request_query(req, "status");
    enum isms_deletion_status status = 0;
    struct isms_deletion_due *items = NULL;
    struct isms_deletion_record *records = NULL;
    size_t n = 0, m = 0;
    struct isms_date today;
    json_t *due, *done, *counts;
    bool ok = true;
    int error;

    isms_date_today(&today);
    if ((status_text && *status_text &&
         (error = isms_deletion_status_parse(&status, status_text)) < 0) ||
        (error = isms_deletion_due_list(&items, &n, req->store, req->org.id, &today, 0)) < 0)
        return error;
    if ((error = isms_deletion_records(&records, &m, req->store, req->org.id, 0)) < 0) {
        free(items);
        return error;
    }
    counts = counts_json(items, n);
    due = json_array();
    done = json_array();
    for (size_t i = 0; ok && i < n; i++)
        if (!status || items[i].status == status)
            ok = isms_json_append(due, isms_json_deletion_due(&items[i]));
    for (size_t i = 0; ok && i < m; i++)
        ok = isms_json_append(done, isms_json_deletion_record(&records[i]));
    free(items);
    free(records);
    if (!ok) {
        json_decref(due);
        json_decref(done);
        json_decref(counts);
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    }
    return isms_web_respond_json(
        res, 200, json_pack("{s:o, s:o, s:o}", "counts", counts, "due", due, "records", done));
}

static int handle_record(struct isms_web_response *res, struct isms_web_request *req)
{
    static const char *const keys[] = {"asset_id",    "what",     "date", "method",
                                       "responsible", "evidence", "notes"};
    const char *v[ISMS_ARRAY_SIZE(keys)];
    char numbers[ISMS_ARRAY_SIZE(keys)][ISMS_JSON_NUMBER_SIZE];
    int64_t id;
    int error = 0;

    for (size_t i = 0; error == 0 && i < ISMS_ARRAY_SIZE(keys); i++)
        error = isms_json_optional_text(&v[i], numbers[i], req->json, keys[i]);
    if (error < 0 || (error = isms_deletion_record(
                          &id, req->store, req->org.id,
                          &(struct isms_deletion_input){v[0], v[1], v[2], v[3], v[4], v[5], v[6]},
                          &req->actor)) < 0)
        return error;
    return isms_web_respond_json(res, 201, json_pack("{s:I}", "id", (json_int_t)id));
}

static int handle_templates(struct isms_web_response *res, struct isms_web_request *req)
{
    json_t *list = json_array();
    bool ok = list != NULL;

    (void)req;
    for (size_t i = 0; ok && i < isms_retention_template_count(); i++)
        ok = isms_json_append(list, isms_json_retention_template(isms_retention_template_at(i)));
    return isms_web_respond_json(res, 200,
                                 json_pack("{s:o}", "templates", isms_json_done(list, ok)));
}

const struct isms_web_route isms_api_deletions_routes[] = {
    {"GET", "/api/orgs/{org}/deletions", handle_list, ISMS_WEB_NEEDS_ORG},
    {"POST", "/api/orgs/{org}/deletions", handle_record, ISMS_WEB_NEEDS_ORG | ISMS_WEB_NEEDS_JSON},
    {"GET", "/api/retention-templates", handle_templates, 0},
    {NULL, NULL, NULL, 0},
};

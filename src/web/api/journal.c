/*
 * The organization's journal: the newest rows of the hash-chained change log
 * about it, for its members (auditors included) to see who changed what.
 */
#include "isms_setup.h"
#include "export/journal_json.h"
#include "export/json_util.h"
#include "isms/journal.h"
#include "util/error.h"
#include "web/http/id_param.h"
#include "web/http/request.h"
#include "web/http/response.h"
#include "web/http/router.h"

static int handle_journal_list(struct isms_web_response *res, struct isms_web_request *req)
{
    const char *limit_text = isms_web_request_query(req, "limit");
    struct isms_journal_entry *entries = NULL;
    int64_t limit = 0;
    size_t count = 0;
    json_t *list;
    bool ok = true;
    int error;

    if (limit_text && (error = isms_web_parse_id(&limit, limit_text, ISMS_EINVALID, "limit")) < 0)
        return error;
    if ((error = isms_journal_list(&entries, &count, req->store, req->org.id, limit)) < 0)
        return error;
    list = json_array();
    for (size_t i = 0; ok && i < count; i++)
        ok = isms_json_append(list, isms_json_journal_entry(&entries[i]));
    isms_journal_entries_free(entries, count);
    return isms_web_respond_json(res, 200, json_pack("{s:o}", "entries", isms_json_done(list, ok)));
}

const struct isms_web_route isms_api_journal_routes[] = {
    {"GET", "/api/orgs/{org}/journal", handle_journal_list, ISMS_WEB_NEEDS_ORG},
    {NULL, NULL, NULL, 0},
};

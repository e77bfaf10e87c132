/*
 * The indicators page (isms/indicator.h): the list by type with a search,
 * and the import of a list or CSV file (every bad line shown, nothing
 * stored on any). Works without JavaScript.
 */
#include "isms_setup.h"
#include "export/import_errors_json.h"
#include "isms/indicator.h"
#include "util/buf.h"
#include "util/error.h"
#include "web/http/multipart.h"
#include "web/http/request.h"
#include "web/http/response.h"
#include "web/http/router.h"
#include "web/pages/indicator_labels.h"
#include "web/pages/pages.h"
#include "web/pages/threat_choices.h"

#define PAGE_SIZE 50

struct listing {
    const struct isms_page *page;
    json_t *rows;
    int type;
    const char *q; /* lower case */
    int64_t offset, seen;
};

/* TLP 2.0 writes its labels so, in every language. */
static const char *tlp_label(enum isms_tlp tlp)
{
    static const char *const names[] = {"",          "TLP:CLEAR",        "TLP:GREEN",
                                        "TLP:AMBER", "TLP:AMBER+STRICT", "TLP:RED"};

    return (unsigned)tlp < ISMS_ARRAY_SIZE(names) ? names[tlp] : "";
}

static int row(const struct isms_indicator *i, void *ctx)
{
    struct listing *l = ctx;
    char from[ISMS_DATE_SIZE], until[ISMS_DATE_SIZE];
    json_t *threat;

    if ((l->type && i->type != l->type) || (l->q && !strstr(i->value, l->q)) ||
        l->seen++ < l->offset || json_array_size(l->rows) >= PAGE_SIZE)
        return 0;
    isms_date_format(from, &i->active_from);
    isms_date_format(until, &i->active_until);
    if (!(threat = isms_page_threat(l->page, i->threat_ref)))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    json_array_append_new(l->rows,
                          json_pack("{s:b, s:s, s:s, s:s, s:o, s:s, s:s, s:s, s:s, s:b}", "allow",
                                    i->allow, "type", isms_page_ioc_type(l->page, i->type), "value",
                                    i->value, "threat", i->threat, "library", threat, "source",
                                    i->source, "tlp", tlp_label(i->tlp), "from", from, "until",
                                    until, "red", i->tlp == ISMS_TLP_RED));
    return 0;
}

/* The filter as the paging links carry it, URL-encoded. */
static int filter_query(struct isms_buf *query, int type, const char *q)
{
    int error = 0;

    if (type)
        error = isms_page_query_add(query, "type", isms_ioc_type_name(type));
    if (error == 0 && q && *q)
        error = isms_page_query_add(query, "q", q);
    return error;
}

static int add_list(struct isms_page *page)
{
    const char *type = isms_web_request_query(page->req, "type");
    const char *q = isms_web_request_query(page->req, "q");
    const char *offset = isms_web_request_query(page->req, "offset");
    struct isms_buf query = ISMS_BUF_INIT(2048);
    char lower[256] = "";
    struct listing l = {page, json_array(), 0, NULL, 0, 0};
    enum isms_ioc_type t;
    int error;

    if (type && *type && isms_ioc_type_parse(&t, type) == 0)
        l.type = t;
    if (q && *q) {
        for (size_t i = 0; q[i] && i < sizeof(lower) - 1; i++)
            lower[i] = (q[i] >= 'A' && q[i] <= 'Z') ? (char)(q[i] + 32) : q[i];
        l.q = lower;
    }
    l.offset = offset ? strtoll(offset, NULL, 10) : 0;
    if (l.offset < 0)
        l.offset = 0;
    if ((error = isms_indicator_each(page->req->store, page->req->org.id, row, &l)) < 0 ||
        (error = filter_query(&query, l.type, q)) < 0) {
        json_decref(l.rows);
        isms_buf_release(&query);
        return error;
    }
    error = isms_page_set(
        page, "list",
        json_pack("{s:o, s:I, s:s, s:s, s:o, s:b, s:I, s:b, s:I}", "rows", l.rows, "total",
                  (json_int_t)l.seen, "q", q ? q : "", "query", isms_buf_cstr(&query), "types",
                  isms_page_ioc_type_options(page, l.type), "more", l.seen > l.offset + PAGE_SIZE,
                  "next", (json_int_t)(l.offset + PAGE_SIZE), "back", l.offset > 0, "prev",
                  (json_int_t)(l.offset > PAGE_SIZE ? l.offset - PAGE_SIZE : 0)));
    isms_buf_release(&query);
    return error;
}

static int render(struct isms_web_response *res, struct isms_web_request *req,
                  const struct isms_indicator_import *import, const char *error_text,
                  unsigned status)
{
    struct isms_page page;
    int error;

    if ((error = isms_page_init(&page, req, "indicators", "Indicators of compromise")) < 0)
        return error;
    if ((error = isms_page_set_form_messages(&page, error_text)) < 0 ||
        (import && import->errors.count &&
         (error = isms_page_set(
              &page, "import_errors",
              isms_json_import_errors(&import->errors, page.lang == ISMS_LANG_JA))) < 0) ||
        (error = isms_page_set(&page, "threats", isms_page_threat_groups(&page, NULL))) < 0 ||
        (error = add_list(&page)) < 0) {
        isms_page_release(&page);
        return error;
    }
    return isms_page_respond(res, &page, "indicators.html", status);
}

static int handle_indicators(struct isms_web_response *res, struct isms_web_request *req)
{
    return render(res, req, NULL, NULL, 200);
}

static int handle_import(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_indicator_import import = {0};
    struct isms_indicator_import_options options = {ISMS_INDICATOR_AUTO, false, "upload", NULL};
    struct isms_multipart mp;
    int error;

    if ((error = isms_multipart_parse(&mp, req, "file", ISMS_INDICATOR_FILE_MAX)) == 0 &&
        !mp.has_file)
        error = isms_error_set(ISMS_EINVALID, _("choose a file to import"));
    if (error == 0 && isms_form_get(&mp.fields, "format") && *isms_form_get(&mp.fields, "format"))
        error = isms_indicator_format_parse(&options.format, isms_form_get(&mp.fields, "format"));
    if (error == 0) {
        options.skip_bad = isms_form_get(&mp.fields, "skip_bad") != NULL;
        options.threat_ref = isms_form_get(&mp.fields, "threat_ref");
        if (mp.filename[0])
            options.source_name = mp.filename;
        error = isms_indicator_import(&import, req->store, req->org.id, isms_buf_cstr(&mp.file),
                                      mp.file.len, &options, &req->actor);
    }
    isms_multipart_release(&mp);
    if (error == 0)
        error = isms_page_redirect_in_org(res, req, "indicators?saved=1");
    else if (error == ISMS_EINVALID || error == ISMS_ETOOBIG)
        error = render(res, req, &import, isms_error_last(),
                       (unsigned)isms_error_http_status(error));
    isms_indicator_import_release(&import);
    return error;
}

const struct isms_web_route isms_pages_indicators_routes[] = {
    {"GET", "/orgs/{org}/indicators", handle_indicators, ISMS_WEB_NEEDS_ORG},
    {"POST", "/orgs/{org}/indicators", handle_import, ISMS_WEB_NEEDS_ORG | ISMS_WEB_LARGE_BODY},
    {NULL, NULL, NULL, 0},
};

/*
 * The transition page (isms/transition.h): upload the 2013 SoA, read the
 * gap report control by control, draft the 2022 SoA and create the risks
 * of the new controls. Works without JavaScript.
 */
#include "isms_setup.h"
#include "export/import_errors_json.h"
#include "isms/transition.h"
#include "util/error.h"
#include "web/http/multipart.h"
#include "web/http/request.h"
#include "web/http/response.h"
#include "web/http/router.h"
#include "web/pages/pages.h"

static const char *label(const struct isms_page *page, const struct isms_label *l)
{
    return isms_page_pick(page, l->en, l->ja);
}

static json_t *decision_json(const struct isms_page *page, const struct isms_transition_source *s)
{
    char id[ISMS_TRANSITION_ID_MAX + 1];
    const struct isms_transition_decision *d = s->decision;

    isms_transition_source_id(id, s->control);
    if (!d)
        return json_pack("{s:s, s:s, s:b}", "id", id, "title",
                         isms_page_pick(page, s->control->title_en, s->control->title_ja),
                         "missing", true);
    return json_pack("{s:s, s:s, s:b, s:s, s:s, s:s}", "id", id, "title",
                     isms_page_pick(page, s->control->title_en, s->control->title_ja), "missing",
                     false, "applicable",
                     isms_page_t(page, d->applicable ? "Applicable" : "Excluded"), "implemented",
                     label(page, isms_transition_implemented_label(d->implemented)),
                     "justification", d->justification);
}

static json_t *item_json(const struct isms_page *page, const struct isms_transition_item *item)
{
    json_t *sources = json_array();

    for (size_t i = 0; sources && i < item->source_count; i++)
        json_array_append_new(sources, decision_json(page, &item->sources[i]));
    return json_pack("{s:s, s:s, s:b, s:b, s:o, s:s, s:s, s:b, s:b}", "id", item->control->id,
                     "title",
                     isms_page_pick(page, item->control->title_en, item->control->title_ja), "new",
                     item->control->new_in_2022, "merged", item->merged, "sources", sources,
                     "proposal", label(page, isms_transition_proposal_label(item->proposal)),
                     "proposal_code", isms_transition_proposal_name(item->proposal), "conflict",
                     item->proposal == ISMS_TRANSITION_CONFLICT, "assess",
                     item->proposal == ISMS_TRANSITION_ASSESS);
}

static int add_report(struct isms_page *page)
{
    struct isms_transition_report r;
    json_t *items;
    int error;

    if ((error = isms_transition_report(&r, page->req->store, page->req->org.id)) < 0)
        return error;
    items = json_array();
    for (size_t i = 0; items && i < r.count; i++)
        json_array_append_new(items, item_json(page, &r.items[i]));
    error = isms_page_set(page, "report",
                          json_pack("{s:o, s:b, s:o, s:s, s:I, s:I, s:I, s:I, s:I}", "items", items,
                                    "imported", r.info.imported_at[0] != '\0', "imported_at",
                                    isms_page_time(page, r.info.imported_at), "imported_by",
                                    r.info.imported_by, "rows", (json_int_t)r.info.rows, "new",
                                    (json_int_t)r.new_count, "merged", (json_int_t)r.merged_count,
                                    "conflicts", (json_int_t)r.conflict_count, "no_source",
                                    (json_int_t)r.no_source_count));
    isms_transition_report_release(&r);
    return error;
}

/* A count the page was redirected with ("" when absent or not digits). */
static const char *count_query(const struct isms_page *page, const char *name)
{
    const char *v = isms_web_request_query(page->req, name);

    return v && *v && strlen(v) < 8 && strspn(v, "0123456789") == strlen(v) ? v : NULL;
}

/* What the last action did, from the redirect's query. */
static int add_notice(struct isms_page *page)
{
    const char *a = count_query(page, "decided"), *b = count_query(page, "kept"),
               *c = count_query(page, "conflict"), *created = count_query(page, "created");
    char text[400];

    if (count_query(page, "imported"))
        snprintf(text, sizeof(text), "%s %s", isms_page_t(page, "2013 decisions imported:"),
                 count_query(page, "imported"));
    else if (a && b && c)
        snprintf(text, sizeof(text), "%s %s · %s %s · %s %s",
                 isms_page_t(page, "SoA draft: decided"), a, isms_page_t(page, "kept as decided"),
                 b, isms_page_t(page, "left undecided (sources disagree)"), c);
    else if (created)
        snprintf(text, sizeof(text), "%s %s", isms_page_t(page, "Risks created for new controls:"),
                 created);
    else
        return 0;
    return isms_page_set(page, "notice", json_string(text));
}

static int render(struct isms_web_response *res, struct isms_web_request *req,
                  const struct isms_transition_import *import, const char *error_text,
                  unsigned status)
{
    struct isms_page page;
    int error;

    if ((error = isms_page_init(&page, req, "transition", "Transition to ISO/IEC 27001:2022")) < 0)
        return error;
    if ((error = isms_page_set_message(&page, "error", error_text)) < 0 ||
        (!error_text && (error = add_notice(&page)) < 0) || (error = add_report(&page)) < 0 ||
        (import && import->errors.count &&
         ((error = isms_page_set(&page, "has_import_errors", json_true())) < 0 ||
          (error = isms_page_set(
               &page, "import_errors",
               isms_json_import_errors(&import->errors, page.lang == ISMS_LANG_JA))) < 0))) {
        isms_page_release(&page);
        return error;
    }
    return isms_page_respond(res, &page, "transition.html", status);
}

static int handle_transition(struct isms_web_response *res, struct isms_web_request *req)
{
    return render(res, req, NULL, NULL, 200);
}

static int handle_import(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_transition_import import = {0};
    struct isms_multipart mp;
    int error;

    if ((error = isms_multipart_parse(&mp, req, "file", ISMS_TRANSITION_BYTES_MAX)) == 0 &&
        !mp.has_file)
        error = isms_error_set(ISMS_EINVALID, _("choose a CSV file to import"));
    if (error == 0)
        error = isms_transition_import(&import, req->store, req->org.id, isms_buf_cstr(&mp.file),
                                       mp.file.len, &req->actor);
    isms_multipart_release(&mp);
    if (error == 0)
        error = isms_page_redirect_in_org(res, req, "transition?imported=%zu", import.count);
    else if (error == ISMS_EINVALID || error == ISMS_ETOOBIG)
        error = render(res, req, &import, isms_error_last(),
                       (unsigned)isms_error_http_status(error));
    isms_transition_import_release(&import);
    return error;
}

static int handle_draft(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_transition_draft_result d;
    int error = isms_transition_draft_soa(&d, req->store, req->org.id, &req->actor);

    if (error == ISMS_EINVALID)
        return render(res, req, NULL, isms_error_last(), 400);
    if (error < 0)
        return error;
    return isms_page_redirect_in_org(res, req, "transition?decided=%zu&kept=%zu&conflict=%zu",
                                     d.decided, d.kept, d.conflict);
}

static int handle_risks(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_transition_risks_result r;
    int error = isms_transition_create_risks(&r, req->store, req->org.id, NULL, &req->actor);

    if (isms_page_is_user_error(error))
        return render(res, req, NULL, isms_error_last(), 400);
    if (error < 0)
        return error;
    return isms_page_redirect_in_org(res, req, "transition?created=%zu", r.created);
}

const struct isms_web_route isms_pages_transition_routes[] = {
    {"GET", "/orgs/{org}/transition", handle_transition, ISMS_WEB_NEEDS_ORG},
    {"POST", "/orgs/{org}/transition", handle_import, ISMS_WEB_NEEDS_ORG | ISMS_WEB_LARGE_BODY},
    {"POST", "/orgs/{org}/transition/soa-draft", handle_draft, ISMS_WEB_NEEDS_ORG},
    {"POST", "/orgs/{org}/transition/risks", handle_risks, ISMS_WEB_NEEDS_ORG},
    {NULL, NULL, NULL, 0},
};

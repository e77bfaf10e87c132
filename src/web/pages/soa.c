/*
 * The Statement of Applicability editor: every Annex A and CLD control with
 * its decision, filters (undecided first: ISO/IEC 27001 6.1.3 c), one
 * decision applied to many selected controls at once, one control's full
 * form, and the export buttons (the xlsx/csv downloads of the API).
 */
#include "isms_setup.h"
#include "catalog/catalog.h"
#include "catalog/control_levels.h"
#include "isms/soa.h"
#include "isms/soa_labels.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/text.h"
#include "web/http/form.h"
#include "web/http/request.h"
#include "web/http/response.h"
#include "web/http/router.h"
#include "web/pages/pages.h"

#define QUERY_MAX 200

static const char *label_text(const struct isms_page *page, const struct isms_label *label)
{
    return isms_page_pick(page, label->en, label->ja);
}

/* ---------------------------------------------------------------- input */

/* A decision as typed into a form, kept as text to show again on error. */
struct soa_input {
    const char *applicability; /* "applicable", "excluded" or NULL */
    unsigned basis;
    const char *justification, *implementation, *exclusion, *responsibility, *owner;
};

static int read_input(struct soa_input *in, const struct isms_form *form)
{
    const char *name;
    unsigned bit;
    int error;

    memset(in, 0, sizeof(*in));
    in->applicability = isms_form_get(form, "applicability");
    for (size_t i = 0; (name = isms_form_get_nth(form, "basis", i)) != NULL; i++) {
        if ((error = isms_soa_basis_parse(&bit, name)) < 0)
            return error;
        in->basis |= bit;
    }
    in->justification = isms_form_get(form, "justification");
    in->implementation = isms_form_get(form, "implementation");
    in->exclusion = isms_form_get(form, "exclusion");
    in->responsibility = isms_form_get(form, "responsibility");
    in->owner = isms_form_get(form, "owner");
    return 0;
}

static int to_decision(struct isms_soa_decision *d, const struct soa_input *in)
{
    int error;

    memset(d, 0, sizeof(*d));
    if (in->applicability && strcmp(in->applicability, "applicable") == 0)
        d->applicability = ISMS_SOA_APPLICABLE;
    else if (in->applicability && strcmp(in->applicability, "excluded") == 0)
        d->applicability = ISMS_SOA_NOT_APPLICABLE;
    else
        return isms_error_set(ISMS_EINVALID, "choose applicable or excluded");
    d->inclusion_basis = in->basis;
    d->inclusion_justification = in->justification;
    d->exclusion_justification = in->exclusion;
    d->owner = in->owner;
    if (in->implementation && *in->implementation &&
        (error = isms_soa_implementation_parse(&d->implementation, in->implementation)) < 0)
        return error;
    if (in->responsibility && *in->responsibility &&
        (error = isms_soa_responsibility_parse(&d->responsibility, in->responsibility)) < 0)
        return error;
    return 0;
}

/* The form fields' current values: from the input after an error, else from
 * the entry (single control) or empty (bulk). */
static json_t *form_values(const struct isms_page *page, const struct soa_input *in)
{
    json_t *bases = json_array();
    const char *impl = in->implementation ? in->implementation : "";
    const char *resp = in->responsibility ? in->responsibility : "";

    static const enum isms_soa_implementation impls[] = {ISMS_SOA_IMPL_YES, ISMS_SOA_IMPL_PARTIAL,
                                                         ISMS_SOA_IMPL_PLANNED, ISMS_SOA_IMPL_NO};
    json_t *impl_options = json_array(), *resp_options = json_array();

    for (unsigned bit = 1; bases && bit <= ISMS_SOA_BASIS_BEST_PRACTICE; bit <<= 1)
        json_array_append_new(bases, json_pack("{s:s,s:s,s:b}", "value", isms_soa_basis_name(bit),
                                               "label", label_text(page, isms_soa_basis_label(bit)),
                                               "checked", (in->basis & bit) != 0));
    for (size_t i = 0; impl_options && i < sizeof(impls) / sizeof(*impls); i++) {
        const char *name = isms_soa_implementation_name(impls[i]);
        json_array_append_new(
            impl_options,
            isms_page_option(name, label_text(page, isms_soa_implementation_label(impls[i])),
                             strcmp(impl, name) == 0));
    }
    for (int r = ISMS_SOA_RESP_CSC; resp_options && r <= ISMS_SOA_RESP_SHARED; r++) {
        const char *name = isms_soa_responsibility_name((enum isms_soa_responsibility)r);
        json_array_append_new(
            resp_options, isms_page_option(name,
                                           label_text(page, isms_soa_responsibility_label(
                                                                (enum isms_soa_responsibility)r)),
                                           strcmp(resp, name) == 0));
    }
    return json_pack(
        "{s:b,s:b,s:s,s:s,s:o,s:s,s:s,s:s,s:b,s:o,s:b,s:o}", "applicable",
        in->applicability && strcmp(in->applicability, "applicable") == 0, "excluded",
        in->applicability && strcmp(in->applicability, "excluded") == 0, "applicable_label",
        label_text(page, isms_soa_applicability_label(ISMS_SOA_APPLICABLE)), "excluded_label",
        label_text(page, isms_soa_applicability_label(ISMS_SOA_NOT_APPLICABLE)), "bases", bases,
        "justification", in->justification ? in->justification : "", "exclusion",
        in->exclusion ? in->exclusion : "", "owner", in->owner ? in->owner : "", "impl_none",
        *impl == '\0', "impl_options", impl_options, "resp_keep", *resp == '\0', "resp_options",
        resp_options);
}

/* ----------------------------------------------------------------- list */

struct soa_filter {
    const char *status; /* "all", "undecided", "applicable", "excluded" */
    const char *q;
};

static int read_filter(struct soa_filter *f, const char *status, const char *q)
{
    f->status = status && *status ? status : "all";
    f->q = q ? q : "";
    if (strcmp(f->status, "all") != 0 && strcmp(f->status, "undecided") != 0 &&
        strcmp(f->status, "applicable") != 0 && strcmp(f->status, "excluded") != 0)
        return isms_error_set(ISMS_EINVALID, _("unknown status filter '%.40s'"), f->status);
    if (strlen(f->q) > QUERY_MAX)
        return isms_error_set(ISMS_EINVALID, _("the search text is longer than %d bytes"),
                              QUERY_MAX);
    return 0;
}

static bool shown(const struct isms_soa_entry *e, const struct soa_filter *f)
{
    bool status_ok =
        strcmp(f->status, "all") == 0 ||
        (strcmp(f->status, "undecided") == 0 && e->applicability == ISMS_SOA_UNDECIDED) ||
        (strcmp(f->status, "applicable") == 0 && e->applicability == ISMS_SOA_APPLICABLE) ||
        (strcmp(f->status, "excluded") == 0 && e->applicability == ISMS_SOA_NOT_APPLICABLE);

    /* The SoA's id ("A.5.1") as well as the catalog's ("5.1"). */
    return status_ok &&
           (isms_text_search(e->control_id, f->q) || isms_control_matches(e->control, f->q));
}

static bool is_selected(const struct isms_form *form, const char *id)
{
    const char *value;

    for (size_t i = 0; form && (value = isms_form_get_nth(form, "control", i)) != NULL; i++)
        if (strcmp(value, id) == 0)
            return true;
    return false;
}

static json_t *entry_row(const struct isms_page *page, const struct isms_soa_entry *e, bool checked)
{
    const char *status = e->applicability == ISMS_SOA_APPLICABLE       ? "applicable"
                         : e->applicability == ISMS_SOA_NOT_APPLICABLE ? "excluded"
                                                                       : "undecided";

    return json_pack(
        "{s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:o,s:b,s:b}", "id", e->control_id, "title",
        isms_page_pick(page, e->control->title_en, e->control->title_ja), "status", status,
        "status_label", label_text(page, isms_soa_applicability_label(e->applicability)),
        "implementation", label_text(page, isms_soa_implementation_label(e->implementation)),
        "responsibility", label_text(page, isms_soa_responsibility_label(e->responsibility)),
        "owner", e->owner, "updated", isms_page_time(page, e->updated_at), "checked", checked,
        "cloud", strncmp(e->control_id, "CLD.", 4) == 0);
}

static json_t *summary(const struct isms_soa *soa)
{
    size_t applicable = 0, excluded = 0, implemented = 0;
    size_t undecided = isms_soa_undecided_count(soa);

    for (size_t i = 0; i < soa->count; i++) {
        applicable += soa->entries[i].applicability == ISMS_SOA_APPLICABLE;
        excluded += soa->entries[i].applicability == ISMS_SOA_NOT_APPLICABLE;
        implemented += soa->entries[i].implementation == ISMS_SOA_IMPL_YES;
    }
    return json_pack("{s:b,s:I,s:I,s:I,s:I,s:I,s:I,s:I}", "has_undecided", undecided > 0, "total",
                     (json_int_t)soa->count, "decided", (json_int_t)(soa->count - undecided),
                     "undecided", (json_int_t)undecided, "applicable", (json_int_t)applicable,
                     "excluded", (json_int_t)excluded, "implemented", (json_int_t)implemented,
                     "percent",
                     (json_int_t)(soa->count ? (soa->count - undecided) * 100 / soa->count : 0));
}

int isms_page_add_soa_summary(struct isms_page *page)
{
    struct isms_soa soa;
    int error;

    if ((error = isms_soa_load(&soa, page->req->store, page->req->org.id)) < 0)
        return error;
    error = isms_page_set(page, "soa", summary(&soa));
    isms_soa_release(&soa);
    return error;
}

static int fill_list(struct isms_page *page, const struct isms_soa *soa, const struct soa_filter *f,
                     const struct isms_form *posted)
{
    json_t *rows = json_array();
    int error;

    for (size_t i = 0; rows && i < soa->count; i++)
        if (shown(&soa->entries[i], f))
            json_array_append_new(rows, entry_row(page, &soa->entries[i],
                                                  is_selected(posted, soa->entries[i].control_id)));
    if ((error = isms_page_set(page, "entries", rows)) < 0 ||
        (error = isms_page_set(page, "soa", summary(soa))) < 0 ||
        (error = isms_page_set(page, "q", json_string(f->q))) < 0)
        return error;
    return isms_page_set(page, "filter",
                         json_pack("{s:b,s:b,s:b,s:b,s:s}", "all", strcmp(f->status, "all") == 0,
                                   "undecided", strcmp(f->status, "undecided") == 0, "applicable",
                                   strcmp(f->status, "applicable") == 0, "excluded",
                                   strcmp(f->status, "excluded") == 0, "status", f->status));
}

static int render_list(struct isms_web_response *res, struct isms_web_request *req,
                       const struct soa_filter *f, const struct isms_form *posted,
                       const struct soa_input *in, const char *error_text, unsigned status)
{
    struct soa_input empty = {0};
    struct isms_page page;
    struct isms_soa soa;
    int error;

    if ((error = isms_soa_load(&soa, req->store, req->org.id)) < 0)
        return error;
    if ((error = isms_page_init(&page, req, "soa", "Statement of Applicability")) < 0)
        goto done;
    if ((error = fill_list(&page, &soa, f, posted)) < 0 ||
        (error = isms_page_set(&page, "bulk", form_values(&page, in ? in : &empty))) < 0 ||
        (error = isms_page_set_form_messages(&page, error_text)) < 0) {
        isms_page_release(&page);
        goto done;
    }
    error = isms_page_respond(res, &page, "soa.html", status);
done:
    isms_soa_release(&soa);
    return error;
}

static int handle_soa(struct isms_web_response *res, struct isms_web_request *req)
{
    struct soa_filter f;
    int error;

    if ((error = read_filter(&f, isms_web_request_query(req, "status"),
                             isms_web_request_query(req, "q"))) < 0)
        return error;
    return render_list(res, req, &f, NULL, NULL, NULL, 200);
}

/* Applies one decision to every selected control. The decision is checked
 * before anything is stored, so a bad one changes nothing. */
static int decide_all(struct isms_web_request *req, const struct isms_form *form,
                      const struct soa_input *in)
{
    struct isms_soa_decision decision;
    struct isms_soa_entry entry;
    const char *id;
    int error;

    if (!isms_form_get(form, "control"))
        return isms_error_set(ISMS_EINVALID, "select at least one control");
    if ((error = to_decision(&decision, in)) < 0)
        return error;
    for (size_t i = 0; (id = isms_form_get_nth(form, "control", i)) != NULL; i++) {
        if ((error = isms_soa_decide(&entry, req->store, req->org.id, id, &decision, &req->actor)) <
            0)
            return i == 0 ? error
                          : isms_error_set(error, "'%s': %s (the controls before it were saved)",
                                           id, isms_error_last());
        isms_soa_entry_release(&entry);
    }
    return 0;
}

static bool user_error(int error)
{
    return error == ISMS_EINVALID || error == ISMS_ETOOBIG || error == ISMS_ENOTFOUND;
}

static int redirect_to_list(struct isms_web_response *res, const struct isms_web_request *req,
                            const struct soa_filter *f)
{
    struct isms_buf query = ISMS_BUF_INIT(2048);
    int error;

    if ((error = isms_page_query_add(&query, "status", f->status)) == 0 &&
        (error = isms_page_query_add(&query, "q", f->q)) == 0 &&
        (error = isms_page_query_add(&query, "saved", "1")) == 0)
        error = isms_page_redirect_in_org(res, req, "soa?%s", isms_buf_cstr(&query));
    isms_buf_release(&query);
    return error;
}

static int handle_soa_post(struct isms_web_response *res, struct isms_web_request *req)
{
    struct soa_filter f = {"all", ""};
    struct soa_input in = {0};
    struct isms_form form;
    int error;

    if ((error = isms_page_form(&form, req)) < 0 ||
        (error = read_filter(&f, isms_form_get(&form, "status"), isms_form_get(&form, "q"))) < 0)
        goto done;
    if ((error = read_input(&in, &form)) == 0)
        error = decide_all(req, &form, &in);
    if (user_error(error)) {
        error = render_list(res, req, &f, &form, &in, isms_error_last(),
                            (unsigned)isms_error_http_status(error));
        goto done;
    }
    if (error < 0)
        goto done;
    /* Back to the same filtered view the decision was made in. */
    error = redirect_to_list(res, req, &f);
done:
    isms_form_release(&form);
    return error;
}

/* ------------------------------------------------------- one control */

static void input_from_entry(struct soa_input *in, const struct isms_soa_entry *e)
{
    memset(in, 0, sizeof(*in));
    in->applicability = e->applicability == ISMS_SOA_APPLICABLE       ? "applicable"
                        : e->applicability == ISMS_SOA_NOT_APPLICABLE ? "excluded"
                                                                      : NULL;
    in->basis = e->inclusion_basis;
    in->justification = e->inclusion_justification;
    in->implementation = isms_soa_implementation_name(e->implementation);
    in->exclusion = e->exclusion_justification;
    in->responsibility = isms_soa_responsibility_name(e->responsibility);
    in->owner = e->owner;
}

static json_t *control_facts(const struct isms_page *page, const struct isms_soa_entry *e)
{
    const struct isms_control *c = e->control;

    const struct isms_control_guidance *g = isms_control_guidance_find(e->control_id);

    return json_pack("{s:s,s:s,s:s,s:s,s:o,s:b,s:b,s:o,s:o,s:b}", "id", e->control_id, "title",
                     isms_page_pick(page, c->title_en, c->title_ja), "other_title",
                     page->lang == ISMS_LANG_JA ? c->title_en : c->title_ja, "summary",
                     isms_page_pick(page, c->summary_en, c->summary_ja), "attributes",
                     isms_page_attributes(page, c), "csc", c->cloud_csc, "csp", c->cloud_csp,
                     "updated", isms_page_time(page, e->updated_at), "guidance",
                     isms_page_level_guidance(page, g), "has_guidance", g != NULL);
}

static int render_entry(struct isms_web_response *res, struct isms_web_request *req,
                        const struct isms_soa_entry *e, const struct soa_input *in,
                        const char *error_text, unsigned status)
{
    struct isms_page page;
    int error;

    if ((error = isms_page_init(&page, req, "soa", "Statement of Applicability")) < 0)
        return error;
    if ((error = isms_page_set(&page, "control", control_facts(&page, e))) < 0 ||
        (error = isms_page_set(&page, "entry", form_values(&page, in))) < 0 ||
        (error = isms_page_set_message(&page, "error", error_text)) < 0) {
        isms_page_release(&page);
        return error;
    }
    return isms_page_respond(res, &page, "soa_entry.html", status);
}

static int handle_soa_entry(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_soa_entry entry;
    struct soa_input in;
    int error;

    if ((error = isms_soa_get(&entry, req->store, req->org.id,
                              isms_web_request_param(req, "control"))) < 0)
        return error;
    input_from_entry(&in, &entry);
    error = render_entry(res, req, &entry, &in, NULL, 200);
    isms_soa_entry_release(&entry);
    return error;
}

static int handle_soa_entry_post(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_soa_decision decision;
    struct isms_soa_entry entry, saved;
    struct soa_input in;
    struct isms_form form;
    int error;

    if ((error = isms_soa_get(&entry, req->store, req->org.id,
                              isms_web_request_param(req, "control"))) < 0)
        return error;
    if ((error = isms_page_form(&form, req)) < 0)
        goto done;
    if ((error = read_input(&in, &form)) == 0 && (error = to_decision(&decision, &in)) == 0 &&
        (error = isms_soa_decide(&saved, req->store, req->org.id, entry.control_id, &decision,
                                 &req->actor)) == 0)
        isms_soa_entry_release(&saved);
    if (user_error(error)) {
        error = render_entry(res, req, &entry, &in, isms_error_last(),
                             (unsigned)isms_error_http_status(error));
    } else if (error == 0) {
        error = isms_page_redirect_in_org(res, req, "soa?saved=1#%s", entry.control_id);
    }
done:
    isms_form_release(&form);
    isms_soa_entry_release(&entry);
    return error;
}

const struct isms_web_route isms_pages_soa_routes[] = {
    {"GET", "/orgs/{org}/soa", handle_soa, ISMS_WEB_NEEDS_ORG},
    {"POST", "/orgs/{org}/soa", handle_soa_post, ISMS_WEB_NEEDS_ORG},
    {"GET", "/orgs/{org}/soa/{control}", handle_soa_entry, ISMS_WEB_NEEDS_ORG},
    {"POST", "/orgs/{org}/soa/{control}", handle_soa_entry_post, ISMS_WEB_NEEDS_ORG},
    {NULL, NULL, NULL, 0},
};

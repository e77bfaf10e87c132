/*
 * The cloud service register (クラウドサービス台帳, A.5.23 / ISO/IEC 27017):
 * the list with each service's shadow-cloud category and judgement and a
 * summary, and one service's form. The judgement is explained: which of the
 * four conditions of the guide's table (who manages it, risk assessment,
 * approved purpose, who pays) made a service shadow cloud (野良クラウド).
 */
#include "isms_setup.h"
#include "isms/cloud_service.h"
#include "isms/org.h"
#include "util/arena.h"
#include "util/error.h"
#include "web/http/form.h"
#include "web/http/request.h"
#include "web/http/response.h"
#include "web/http/router.h"
#include "web/pages/pages.h"

struct choice {
    const char *value, *label; /* label: the English msgid */
};

static const struct choice models[] = {{"iaas", "IaaS"}, {"paas", "PaaS"}, {"saas", "SaaS"}};
static const struct choice managers[] = {
    {"it", "Managed by IT (known company-wide)"},
    {"department", "Managed by a department (IT unaware)"},
    {"individual", "Known only to the staff member (outside organizational control)"}};
static const struct choice risks[] = {{"done", "Risk assessment done"},
                                      {"insufficient", "Risk assessment insufficient"},
                                      {"not_done", "Risk assessment not done"}};
static const struct choice purposes[] = {{"within", "Within the approved purpose"},
                                         {"outside", "Outside the approved purpose"},
                                         {"unapproved", "Not approved"}};
static const struct choice costs[] = {{"company", "Paid by the company (free tiers included)"},
                                      {"individual", "Personal contract"}};
static const struct choice reasons[] = {
    {"not_it_managed", "Not managed by IT under the company's rules"},
    {"risk_not_assessed", "Its risks were not assessed, or not sufficiently"},
    {"outside_purpose", "Used outside the approved purpose, or never approved"},
    {"personal_contract", "Paid for under a personal contract, outside company control"}};

static json_t *options(const struct isms_page *page, const struct choice *list, size_t n,
                       const char *chosen)
{
    json_t *out = json_array();

    for (size_t i = 0; out && i < n; i++)
        json_array_append_new(out, isms_page_option(list[i].value, isms_page_t(page, list[i].label),
                                                    chosen && strcmp(chosen, list[i].value) == 0));
    return out;
}

static const char *label_of(const struct isms_page *page, const struct choice *list, size_t n,
                            const char *value)
{
    for (size_t i = 0; value && i < n; i++)
        if (strcmp(list[i].value, value) == 0)
            return isms_page_t(page, list[i].label);
    return "";
}

/* Why a service is shadow cloud, each reason in the page's language. */
static json_t *reason_list(const struct isms_page *page, unsigned bits)
{
    json_t *out = json_array();

    for (unsigned bit = 1; out && bit <= ISMS_CLOUD_WHY_PERSONAL_CONTRACT; bit <<= 1)
        if (bits & bit)
            json_array_append_new(out, json_string(label_of(page, reasons, ISMS_ARRAY_SIZE(reasons),
                                                            isms_cloud_reason_name(bit))));
    return out;
}

/* ---------------------------------------------------------------- list */

static json_t *service_row(const struct isms_page *page, const struct isms_cloud_service *s)
{
    return json_pack(
        "{s:I,s:s,s:s,s:s,s:s,s:s,s:i,s:b,s:o}", "id", (json_int_t)s->id, "name", s->name,
        "provider", s->provider_org_name[0] ? s->provider_org_name : s->provider, "model",
        label_of(page, models, ISMS_ARRAY_SIZE(models), isms_cloud_model_name(s->model)),
        "department", s->department, "managed_by",
        label_of(page, managers, ISMS_ARRAY_SIZE(managers),
                 isms_cloud_managed_by_name(s->managed_by)),
        "category", s->judgement.category, "legitimate", s->judgement.legitimate, "reasons",
        reason_list(page, s->judgement.reasons));
}

static json_t *summary(const struct isms_cloud_service *services, size_t count)
{
    json_int_t per_category[5] = {0}, legitimate = 0;

    for (size_t i = 0; i < count; i++) {
        int c = services[i].judgement.category;
        per_category[c >= 1 && c <= 4 ? c : 0]++;
        legitimate += services[i].judgement.legitimate;
    }
    return json_pack("{s:I,s:I,s:I,s:I,s:I,s:I,s:I}", "total", (json_int_t)count, "legitimate",
                     legitimate, "shadow", (json_int_t)count - legitimate, "c1", per_category[1],
                     "c2", per_category[2], "c3", per_category[3], "c4", per_category[4]);
}

static int handle_cloud_services(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_cloud_service *services = NULL;
    struct isms_page page;
    size_t count = 0;
    json_t *rows;
    int error;

    if ((error = isms_cloud_service_list(&services, &count, req->store, req->org.id)) < 0)
        return error;
    if ((error = isms_page_init(&page, req, "cloud", "Cloud service register")) < 0) {
        free(services);
        return error;
    }
    rows = json_array();
    for (size_t i = 0; rows && i < count; i++)
        json_array_append_new(rows, service_row(&page, &services[i]));
    if ((error = isms_page_set(&page, "services", rows)) < 0 ||
        (error = isms_page_set(&page, "summary", summary(services, count))) < 0 ||
        (error = isms_page_set_message(
             &page, "notice", isms_web_request_query(req, "deleted") ? "Deleted." : NULL)) < 0) {
        free(services);
        isms_page_release(&page);
        return error;
    }
    free(services);
    return isms_page_respond(res, &page, "cloud_services.html", 200);
}

/* ---------------------------------------------------------------- form */

struct cloud_form {
    const char *name, *provider, *provider_org, *model, *responsibility, *department;
    const char *managed_by, *risk, *purpose, *cost, *notes;
    const char *contract, *sla, *data_location, *exit_plan, *contract_end;
    unsigned certifications;
    char provider_org_id[24];
};

static void form_from_post(struct cloud_form *f, const struct isms_form *form)
{
    memset(f, 0, sizeof(*f));
    f->name = isms_form_get(form, "name");
    f->provider = isms_form_get(form, "provider");
    f->provider_org = isms_form_get(form, "provider_org");
    f->model = isms_form_get(form, "model");
    f->responsibility = isms_form_get(form, "responsibility_notes");
    f->department = isms_form_get(form, "department");
    f->managed_by = isms_form_get(form, "managed_by");
    f->risk = isms_form_get(form, "risk_assessment");
    f->purpose = isms_form_get(form, "purpose");
    f->cost = isms_form_get(form, "cost_bearer");
    f->notes = isms_form_get(form, "notes");
    f->contract = isms_form_get(form, "contract");
    f->sla = isms_form_get(form, "sla");
    f->data_location = isms_form_get(form, "data_location");
    f->exit_plan = isms_form_get(form, "exit_plan");
    f->contract_end = isms_form_get(form, "contract_end");
    for (size_t i = 0; isms_form_get_nth(form, "certification", i); i++) {
        unsigned bit;
        if (isms_cloud_cert_parse(&bit, isms_form_get_nth(form, "certification", i)) == 0)
            f->certifications |= bit;
    }
}

static void form_from_service(struct cloud_form *f, const struct isms_cloud_service *s)
{
    memset(f, 0, sizeof(*f));
    f->name = s->name;
    f->provider = s->provider;
    if (s->provider_org_id)
        snprintf(f->provider_org_id, sizeof(f->provider_org_id), "%" PRId64, s->provider_org_id);
    f->provider_org = f->provider_org_id;
    f->model = isms_cloud_model_name(s->model);
    f->responsibility = s->responsibility_notes;
    f->department = s->department;
    f->managed_by = isms_cloud_managed_by_name(s->managed_by);
    f->risk = isms_cloud_risk_name(s->risk_assessment);
    f->purpose = isms_cloud_purpose_name(s->purpose);
    f->cost = isms_cloud_cost_name(s->cost_bearer);
    f->notes = s->notes;
    f->contract = s->agreement.contract;
    f->sla = s->agreement.sla;
    f->data_location = s->agreement.data_location;
    f->exit_plan = s->agreement.exit_plan;
    f->contract_end = s->agreement.contract_end;
    f->certifications = s->agreement.certifications;
}

static int parse_choice(const char *text, const char *what)
{
    if (!text || !*text)
        return isms_error_set(ISMS_EINVALID, "choose the %s", what);
    return 0;
}

static int to_input(struct isms_cloud_service_input *in, const struct cloud_form *f)
{
    int error;

    memset(in, 0, sizeof(*in));
    in->name = f->name;
    in->provider = f->provider;
    in->responsibility_notes = f->responsibility;
    in->department = f->department;
    in->notes = f->notes;
    in->agreement = (struct isms_cloud_agreement_input){
        f->contract, f->sla, f->data_location, f->exit_plan, f->certifications, f->contract_end};
    if ((error = parse_choice(f->model, "service model")) < 0 ||
        (error = isms_cloud_model_parse(&in->model, f->model)) < 0 ||
        (error = parse_choice(f->managed_by, "management")) < 0 ||
        (error = isms_cloud_managed_by_parse(&in->managed_by, f->managed_by)) < 0 ||
        (error = parse_choice(f->risk, "risk assessment")) < 0 ||
        (error = isms_cloud_risk_parse(&in->risk_assessment, f->risk)) < 0 ||
        (error = parse_choice(f->purpose, "purpose")) < 0 ||
        (error = isms_cloud_purpose_parse(&in->purpose, f->purpose)) < 0 ||
        (error = parse_choice(f->cost, "cost bearer")) < 0 ||
        (error = isms_cloud_cost_parse(&in->cost_bearer, f->cost)) < 0)
        return error;
    if (f->provider_org && *f->provider_org &&
        isms_page_parse_id(&in->provider_org_id, f->provider_org, "organization") < 0)
        return isms_error_set(ISMS_EINVALID, "choose the provider organization from the list");
    return 0;
}

/* The provider organizations a service may name: CSP (or both) orgs. */
static json_t *provider_options(struct isms_web_request *req, const char *chosen)
{
    struct isms_org *orgs = NULL;
    size_t count = 0;
    json_t *out;

    if (isms_org_list(&orgs, &count, req->store) < 0)
        return NULL;
    out = json_array();
    for (size_t i = 0; out && i < count; i++) {
        char id[24];
        if (orgs[i].role != ISMS_ORG_CSP && orgs[i].role != ISMS_ORG_BOTH)
            continue;
        snprintf(id, sizeof(id), "%" PRId64, orgs[i].id);
        json_array_append_new(
            out, isms_page_option(id, orgs[i].name, chosen && strcmp(chosen, id) == 0));
    }
    free(orgs);
    return out;
}

static json_t *cert_options(unsigned chosen)
{
    json_t *out = json_array();

    for (unsigned bit = 1; out && bit <= ISMS_CLOUD_CERT_ALL; bit <<= 1)
        json_array_append_new(out, json_pack("{s:s,s:s,s:b}", "value", isms_cloud_cert_name(bit),
                                             "label", isms_cloud_cert_label(bit), "checked",
                                             (chosen & bit) != 0));
    return out;
}

#define TEXT(s) ((s) ? (s) : "")

static json_t *agreement_json(const struct cloud_form *f)
{
    return json_pack("{s:s,s:s,s:s,s:s,s:s,s:o}", "contract", TEXT(f->contract), "sla",
                     TEXT(f->sla), "data_location", TEXT(f->data_location), "exit_plan",
                     TEXT(f->exit_plan), "contract_end", TEXT(f->contract_end), "certifications",
                     cert_options(f->certifications));
}

static json_t *form_json(struct isms_page *page, const struct cloud_form *f)
{
    return json_pack("{s:o,s:s,s:s,s:s,s:s,s:s,s:o*,s:o,s:o,s:o,s:o,s:o}", "agreement",
                     agreement_json(f), "name", f->name ? f->name : "", "provider",
                     f->provider ? f->provider : "", "responsibility",
                     f->responsibility ? f->responsibility : "", "department",
                     f->department ? f->department : "", "notes", f->notes ? f->notes : "",
                     "provider_orgs", provider_options(page->req, f->provider_org), "models",
                     options(page, models, ISMS_ARRAY_SIZE(models), f->model), "managers",
                     options(page, managers, ISMS_ARRAY_SIZE(managers), f->managed_by), "risks",
                     options(page, risks, ISMS_ARRAY_SIZE(risks), f->risk), "purposes",
                     options(page, purposes, ISMS_ARRAY_SIZE(purposes), f->purpose), "costs",
                     options(page, costs, ISMS_ARRAY_SIZE(costs), f->cost));
}

/* The stack's layers (isms/cloud_service.h names them) in the page's words. */
static const char *layer_label(const char *layer)
{
    static const char *const labels[][2] = {
        {"facility", "Facility"},       {"hardware", "Hardware"},
        {"network", "Network"},         {"virtualization", "Virtualization"},
        {"os", "Operating system"},     {"middleware", "Middleware"},
        {"application", "Application"}, {"data", "Data"},
        {"accounts", "Accounts"},
    };

    for (size_t i = 0; i < ISMS_ARRAY_SIZE(labels); i++)
        if (strcmp(labels[i][0], layer) == 0)
            return labels[i][1];
    return layer;
}

static json_t *layer_list(const struct isms_page *page, const char *const *layers)
{
    json_t *out = json_array();

    for (size_t i = 0; out && layers[i]; i++)
        json_array_append_new(out, json_string(isms_page_t(page, layer_label(layers[i]))));
    return out;
}

/* The stored service's judgement, explained. */
static json_t *judgement_json(const struct isms_page *page, const struct isms_cloud_service *s)
{
    return json_pack("{s:I,s:i,s:b,s:o,s:o,s:o}", "id", (json_int_t)s->id, "category",
                     s->judgement.category, "legitimate", s->judgement.legitimate, "reasons",
                     reason_list(page, s->judgement.reasons), "csp_layers",
                     layer_list(page, isms_cloud_model_csp_layers(s->model)), "csc_layers",
                     layer_list(page, isms_cloud_model_csc_layers(s->model)));
}

static int render_form(struct isms_web_response *res, struct isms_web_request *req,
                       const struct cloud_form *f, const struct isms_cloud_service *stored,
                       const char *error_text, unsigned status)
{
    struct isms_page page;
    int error;

    if ((error = isms_page_init(&page, req, "cloud",
                                stored ? "Cloud service" : "New cloud service")) < 0)
        return error;
    if ((error = isms_page_set(&page, "form", form_json(&page, f))) < 0 ||
        (stored && (error = isms_page_set(&page, "service", judgement_json(&page, stored))) < 0) ||
        (error = isms_page_set_form_messages(&page, error_text)) < 0) {
        isms_page_release(&page);
        return error;
    }
    return isms_page_respond(res, &page, "cloud_service.html", status);
}

/* The path's service into *out, in the request's arena (a row is ~5 KiB
 * of text, too much for a handler's stack). */
static int load_service(struct isms_cloud_service **out, struct isms_web_request *req)
{
    int64_t id;
    int error;

    *out = NULL;
    if ((error = isms_page_parse_id(&id, isms_web_request_param(req, "id"), "cloud service")) < 0)
        return error;
    if (!(*out = isms_arena_alloc(&req->arena, sizeof(**out))))
        return ISMS_ENOMEM;
    return isms_cloud_service_get(*out, req->store, req->org.id, id);
}

static int handle_cloud_service_new(struct isms_web_response *res, struct isms_web_request *req)
{
    struct cloud_form f = {0};

    if (req->org_role < ISMS_ROLE_MANAGER)
        return isms_error_set(
            ISMS_EPERM, _("only ISMS managers and administrators may register cloud services"));
    return render_form(res, req, &f, NULL, NULL, 200);
}

static int handle_cloud_service(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_cloud_service *service;
    struct cloud_form f;
    int error;

    if ((error = load_service(&service, req)) == 0) {
        form_from_service(&f, service);
        error = render_form(res, req, &f, service, NULL, 200);
    }
    return error;
}

static int save(struct isms_web_response *res, struct isms_web_request *req,
                const struct isms_cloud_service *stored)
{
    struct isms_cloud_service_input in;
    struct isms_cloud_service *saved = isms_arena_alloc(&req->arena, sizeof(*saved));
    struct cloud_form f;
    struct isms_form form = {0};
    int error;

    if (!saved)
        return ISMS_ENOMEM;
    if ((error = isms_page_form(&form, req)) < 0)
        goto done;
    form_from_post(&f, &form);
    if ((error = to_input(&in, &f)) == 0)
        error = stored
                    ? isms_cloud_service_update(saved, req->store, req->org.id, stored->id, &in,
                                                &req->actor)
                    : isms_cloud_service_create(saved, req->store, req->org.id, &in, &req->actor);
    if (isms_page_is_user_error(error)) {
        error = render_form(res, req, &f, stored, isms_error_last(),
                            (unsigned)isms_error_http_status(error));
    } else if (error == 0) {
        error = isms_page_redirect_in_org(res, req, "cloud-services/%" PRId64 "?saved=1",
                                          saved->id);
    }
done:
    isms_form_release(&form);
    return error;
}

static int handle_cloud_services_post(struct isms_web_response *res, struct isms_web_request *req)
{
    return save(res, req, NULL);
}

static int handle_cloud_service_post(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_cloud_service *service;
    int error;

    if ((error = load_service(&service, req)) == 0)
        error = save(res, req, service);
    return error;
}

static int handle_cloud_service_delete(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_cloud_service *service;
    struct cloud_form f;
    int error;

    if ((error = load_service(&service, req)) < 0)
        goto done;
    error = isms_cloud_service_delete(req->store, req->org.id, service->id, &req->actor);
    if (error == ISMS_ECONFLICT) { /* assets still name it: say so on its form */
        form_from_service(&f, service);
        error = render_form(res, req, &f, service, isms_error_last(), 409);
    } else if (error == 0) {
        error = isms_page_redirect_in_org(res, req, "cloud-services?deleted=1");
    }
done:
    return error;
}

const struct isms_web_route isms_pages_cloud_services_routes[] = {
    {"GET", "/orgs/{org}/cloud-services", handle_cloud_services, ISMS_WEB_NEEDS_ORG},
    {"POST", "/orgs/{org}/cloud-services", handle_cloud_services_post, ISMS_WEB_NEEDS_ORG},
    {"GET", "/orgs/{org}/cloud-services/new", handle_cloud_service_new, ISMS_WEB_NEEDS_ORG},
    {"GET", "/orgs/{org}/cloud-services/{id}", handle_cloud_service, ISMS_WEB_NEEDS_ORG},
    {"POST", "/orgs/{org}/cloud-services/{id}", handle_cloud_service_post, ISMS_WEB_NEEDS_ORG},
    {"POST", "/orgs/{org}/cloud-services/{id}/delete", handle_cloud_service_delete,
     ISMS_WEB_NEEDS_ORG},
    {NULL, NULL, NULL, 0},
};

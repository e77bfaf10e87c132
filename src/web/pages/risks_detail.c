/*
 * One risk: its assessment with the computed level badges, the controls
 * selected to treat it (each one updates the Statement of Applicability),
 * the treatment plan items, the risk owner's acceptance of the residual
 * risk, the link to a provider's shared risk (customers) or the customers
 * depending on it (providers), and the delete confirmation. The forms on
 * this page post to risks_actions.c.
 */
#include "isms_setup.h"
#include "catalog/catalog.h"
#include "isms/asset.h"
#include "isms/org.h"
#include "isms/risk_link.h"
#include "isms/risk_matrix.h"
#include "isms/soa.h"
#include "model/retention.h"
#include "model/threat.h"
#include "util/error.h"
#include "web/http/request.h"
#include "web/http/response.h"
#include "web/http/session.h"
#include "web/pages/risks.h"
#include "web/pages/threat_choices.h"

/* Most shared risks of one provider offered for a link. */
#define SHARED_MAX 200

static const char *lang_of(const struct isms_page *page)
{
    return isms_lang_code(page->lang);
}

static json_t *threat(const struct isms_page *page, const struct isms_risk *r)
{
    char ref[ISMS_THREAT_REF_MAX + 1];

    if (!r->threat_source[0])
        return json_null();
    snprintf(ref, sizeof(ref), "%s:%s", r->threat_source, r->threat_id);
    return isms_page_threat(page, ref);
}

static json_t *score(const struct isms_page *page, const struct isms_risk_scale *s, int value)
{
    const char *label = isms_risk_scale_label(s, value, lang_of(page));

    return json_pack("{s:s,s:i,s:s}", "name", page->lang == ISMS_LANG_JA ? s->name.ja : s->name.en,
                     "value", value, "label", label ? label : "");
}

static json_t *scores(const struct isms_page *page, const struct isms_risk_matrix *m,
                      const struct isms_risk_score *sc)
{
    json_t *list = json_pack("[o,o]", score(page, &m->likelihood, sc->likelihood),
                             score(page, &m->impact, sc->impact));

    if (list && m->method == ISMS_RISK_ASSET_THREAT_VULNERABILITY)
        json_array_append_new(list, score(page, &m->vulnerability, sc->vulnerability));
    return list;
}

static json_t *assets(const struct isms_page *page, const struct isms_risk *r)
{
    json_t *list = json_array();
    struct isms_asset a;

    for (size_t i = 0; list && i < r->asset_count; i++) {
        if (isms_asset_get(&a, page->req->store, page->req->org.id, r->asset_ids[i]) < 0)
            continue;
        json_array_append_new(list, json_pack("{s:I,s:s}", "id", (json_int_t)a.id, "name", a.name));
        isms_asset_release(&a);
    }
    return list;
}

static json_t *risk_facts(const struct isms_page *page, const struct isms_risk *r,
                          const struct isms_risk_matrix *m)
{
    json_t *o = json_pack(
        "{s:I,s:I,s:s,s:o,s:s,s:s,s:s,s:s,s:o,s:o,s:o,s:s,s:s,s:s,s:s,s:b,s:o,s:o}", "id",
        (json_int_t)r->id, "number", (json_int_t)r->number, "title", r->title, "threat",
        threat(page, r), "risk_source", r->risk_source, "event", r->event, "consequence",
        r->consequence, "owner", r->owner, "assets", assets(page, r), "scores",
        scores(page, m, &r->score), "level", isms_page_risk_level(page, r->level, r->band),
        "treatment", isms_page_t(page, isms_page_risk_treatment_label(r->treatment)), "status",
        isms_page_t(page, isms_page_risk_status_label(r->status)), "status_key",
        isms_risk_status_name(r->status), "matrix", isms_page_pick(page, m->name_en, m->name_ja),
        "shared", r->shared, "created", isms_page_time(page, r->created_at), "updated",
        isms_page_time(page, r->updated_at));

    if (o && r->has_residual) {
        json_object_set_new(
            o, "residual",
            json_pack("{s:o,s:o,s:b}", "level",
                      isms_page_risk_level(page, r->residual_level, r->residual_band), "scores",
                      scores(page, m, &r->residual), "acceptable", r->residual_acceptable));
    }
    return o;
}

/* ------------------------------------------------------------ controls */

static bool selected(const struct isms_risk *r, const char *id)
{
    for (size_t i = 0; i < r->control_count; i++)
        if (strcmp(r->controls[i], id) == 0)
            return true;
    return false;
}

static int add_controls(struct isms_page *page, const struct isms_risk *r)
{
    json_t *chosen = json_array(), *options = json_array();
    struct isms_soa soa;
    int error;

    if ((error = isms_soa_load(&soa, page->req->store, page->req->org.id)) < 0) {
        json_decref(chosen);
        json_decref(options);
        return error;
    }
    for (size_t i = 0; chosen && options && i < soa.count; i++) {
        const struct isms_soa_entry *e = &soa.entries[i];
        const char *title = isms_page_pick(page, e->control->title_en, e->control->title_ja);
        if (selected(r, e->control_id))
            json_array_append_new(chosen,
                                  json_pack("{s:s,s:s,s:b}", "id", e->control_id, "title", title,
                                            "applicable", e->applicability == ISMS_SOA_APPLICABLE));
        else
            json_array_append_new(options,
                                  json_pack("{s:s,s:s}", "value", e->control_id, "label", title));
    }
    isms_soa_release(&soa);
    if ((error = isms_page_set(page, "controls", chosen)) < 0)
        json_decref(options);
    else
        error = isms_page_set(page, "control_options", options);
    return error;
}

/* ------------------------------------------------------- plan items */

static json_t *item_row(const struct isms_page *page, const struct isms_risk_treatment_item *it,
                        const char *today)
{
    bool open = it->status == ISMS_RISK_ITEM_PLANNED || it->status == ISMS_RISK_ITEM_IN_PROGRESS;

    return json_pack("{s:I,s:s,s:s,s:s,s:s,s:s,s:b,s:b}", "id", (json_int_t)it->id, "action",
                     it->action, "owner", it->owner, "due", it->due_date, "status",
                     isms_page_t(page, isms_page_risk_item_status_label(it->status)), "status_key",
                     isms_risk_item_status_name(it->status), "open", open, "overdue",
                     open && strcmp(it->due_date, today) < 0);
}

static int add_items(struct isms_page *page, const struct isms_risk *r,
                     const struct isms_page_risk_retry *retry)
{
    struct isms_risk_treatment_item *items = NULL;
    char today[ISMS_DATE_SIZE];
    struct isms_date now;
    size_t n = 0;
    json_t *rows;
    int error;

    isms_date_today(&now);
    isms_date_format(today, &now);
    if ((error = isms_risk_items_list(&items, &n, page->req->store, page->req->org.id, r->id)) < 0)
        return error;
    rows = json_array();
    for (size_t i = 0; rows && i < n; i++)
        json_array_append_new(rows, item_row(page, &items[i], today));
    free(items);
    if ((error = isms_page_set(page, "items", rows)) < 0)
        return error;
    return isms_page_set(page, "item_form",
                         json_pack("{s:s,s:s,s:s}", "action",
                                   retry && retry->action ? retry->action : "", "owner",
                                   retry && retry->owner ? retry->owner : r->owner, "due_date",
                                   retry && retry->due_date ? retry->due_date : ""));
}

/* ------------------------------------------------------- acceptance */

/* Who may press the button: the owner themselves, or a manager recording
 * the owner's acceptance on their behalf (isms_risk_accept_as_user). */
static int add_acceptance(struct isms_page *page, const struct isms_risk *r)
{
    const struct isms_session *s = isms_web_session(page->req);
    bool owner = s && isms_risk_owned_by(r, s->user_id, s->name, s->display_name);
    bool proxy = !owner && page->req->org_role >= ISMS_ROLE_MANAGER;
    int64_t overdue = 0;
    json_t *o;

    if (!r->accepted_at[0] &&
        isms_risk_overdue_count(&overdue, page->req->store, page->req->org.id, r->id) < 0)
        return ISMS_ERROR;
    o = json_pack(
        "{s:b,s:b,s:b,s:b,s:b,s:s,s:o,s:s,s:i,s:b,s:s,s:i,s:I}", "required",
        isms_risk_acceptance_required(r->has_residual, r->residual_acceptable, r->accepted_at),
        "not_assessed", !r->has_residual, "accepted", r->accepted_at[0] != '\0', "as_owner", owner,
        "on_behalf", proxy, "by", r->accepted_by, "at", isms_page_time(page, r->accepted_at),
        "comment", r->accepted_comment ? r->accepted_comment : "", "level", r->accepted_level,
        "recorded_on_behalf", r->accepted_on_behalf, "reason",
        r->accepted_reason ? r->accepted_reason : "", "overdue_then", r->accepted_overdue_items,
        "overdue_now", (json_int_t)overdue);

    return isms_page_set(page, "acceptance", o);
}

/* ------------------------------------------------------- cloud links */

static json_t *provider_choices(const struct isms_page *page, const char *current)
{
    struct isms_org *orgs = NULL;
    size_t n = 0;
    json_t *list;

    if (isms_risk_providers(&orgs, &n, page->req->store, page->req->org.id) < 0)
        return NULL;
    list = json_array();
    for (size_t i = 0; list && i < n; i++)
        json_array_append_new(list,
                              isms_page_option(orgs[i].slug, orgs[i].name,
                                               current && strcmp(current, orgs[i].slug) == 0));
    free(orgs);
    return list;
}

static json_t *shared_choices(const struct isms_page *page, const char *provider)
{
    struct isms_risk_provider_view *views = NULL;
    int64_t total = 0;
    size_t n = 0;
    char id[24], label[ISMS_RISK_TITLE_MAX + 40];
    json_t *list;

    if (isms_risk_shared_list(&views, &n, &total, page->req->store, page->req->org.id, provider,
                              SHARED_MAX, 0) < 0)
        return json_array(); /* an unknown provider offers nothing */
    list = json_array();
    for (size_t i = 0; list && i < n; i++) {
        snprintf(id, sizeof(id), "%" PRId64, views[i].risk_id);
        snprintf(label, sizeof(label), "#%" PRId64 " %s (%d · %s)", views[i].risk_number,
                 views[i].title, views[i].level, isms_risk_band_name(views[i].band, lang_of(page)));
        json_array_append_new(list, isms_page_option(id, label, false));
    }
    free(views);
    return list;
}

static json_t *provider_view(const struct isms_page *page, const struct isms_risk *r)
{
    const struct isms_risk_provider_view *p = &r->provider;

    if (!r->has_provider)
        return json_null();
    return json_pack("{s:s,s:I,s:s,s:o,s:s}", "provider_name", p->org_name, "risk_number",
                     (json_int_t)p->risk_number, "title", p->title, "level",
                     isms_page_risk_level(page, p->level, p->band), "status",
                     isms_page_t(page, isms_page_risk_status_label(p->status)));
}

static int add_customer_side(struct isms_page *page, const struct isms_risk *r,
                             const struct isms_page_risk_retry *retry)
{
    const char *provider = retry && retry->provider ? retry->provider
                                                    : isms_web_request_query(page->req, "provider");
    json_t *o = json_pack("{s:o,s:b,s:o}", "current", provider_view(page, r), "stale",
                          r->provider_org_id && !r->has_provider, "providers",
                          provider_choices(page, provider));

    if (o && provider && *provider) {
        json_object_set_new(o, "provider", json_string(provider));
        json_object_set_new(o, "shared_risks", shared_choices(page, provider));
    }
    return isms_page_set(page, "link", o);
}

static int add_provider_side(struct isms_page *page, const struct isms_risk *r)
{
    struct isms_risk_dependent *deps = NULL;
    size_t n = 0;
    json_t *list;
    int error;

    if (r->shared &&
        (error = isms_risk_dependents(&deps, &n, page->req->store, page->req->org.id, r->id)) < 0)
        return error;
    list = json_array();
    for (size_t i = 0; list && i < n; i++)
        json_array_append_new(list, json_pack("{s:s,s:I}", "name", deps[i].org_name, "risks",
                                              (json_int_t)deps[i].risk_count));
    free(deps);
    return isms_page_set(page, "dependents",
                         json_pack("{s:b,s:o}", "shared", r->shared, "orgs", list));
}

static int add_cloud(struct isms_page *page, const struct isms_risk *r,
                     const struct isms_page_risk_retry *retry)
{
    enum isms_org_role role = page->req->org.role;
    int error = 0;

    if (role != ISMS_ORG_CSP)
        error = add_customer_side(page, r, retry);
    if (error >= 0 && role != ISMS_ORG_CSC)
        error = add_provider_side(page, r);
    return error;
}

/* ------------------------------------------------------------ page */

static const char *notice_of(const struct isms_web_request *req)
{
    static const struct {
        const char *query, *msgid;
    } notices[] = {
        {"saved", "Saved."},
        {"controls", "Saved. The Statement of Applicability was updated."},
        {"accepted", "The residual risk was accepted."},
        {"linked", "The link to the provider's risk was saved."},
    };

    for (size_t i = 0; i < ISMS_ARRAY_SIZE(notices); i++)
        if (isms_web_request_query(req, notices[i].query))
            return notices[i].msgid;
    return NULL;
}

static int fill(struct isms_page *page, const struct isms_risk *r,
                const struct isms_page_risk_retry *retry)
{
    struct isms_risk_matrix m;
    int error;

    if ((error = isms_risk_matrix_find(&m, page->req->store, page->req->org.id, r->matrix_key)) <
            0 ||
        (error = isms_page_set(page, "risk", risk_facts(page, r, &m))) < 0 ||
        (error = add_controls(page, r)) < 0 || (error = add_items(page, r, retry)) < 0 ||
        (error = add_acceptance(page, r)) < 0 || (error = add_cloud(page, r, retry)) < 0 ||
        (error = isms_page_set(page, "can_write",
                               json_boolean(isms_page_risk_can_write(page->req)))) < 0 ||
        (error = isms_page_set(page, "can_select_controls",
                               json_boolean(page->req->org_role >= ISMS_ROLE_MANAGER))) < 0)
        return error;
    if (retry && retry->error && (error = isms_page_set_message(page, "error", retry->error)) < 0)
        return error;
    return isms_page_set_message(page, "notice",
                                 retry && retry->notice ? retry->notice : notice_of(page->req));
}

int isms_page_risk_detail_render(struct isms_web_response *res, struct isms_web_request *req,
                                 int64_t id, const struct isms_page_risk_retry *retry,
                                 unsigned status)
{
    struct isms_page page;
    struct isms_risk r;
    int error;

    if ((error = isms_risk_get(&r, req->store, req->org.id, id)) < 0)
        return error;
    if ((error = isms_page_init(&page, req, "risks", "Risk")) < 0)
        goto done;
    if ((error = fill(&page, &r, retry)) < 0) {
        isms_page_release(&page);
        goto done;
    }
    error = isms_page_respond(res, &page, "risk.html", status);
done:
    isms_risk_release(&r);
    return error;
}

int isms_page_risk(struct isms_web_response *res, struct isms_web_request *req)
{
    int64_t id = 0;
    int error;

    if ((error = isms_page_risk_param(&id, req)) < 0)
        return error;
    return isms_page_risk_detail_render(res, req, id, NULL, 200);
}

/* GET .../delete: what is about to go, and the button that does it. */
int isms_page_risk_delete_confirm(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_page page;
    struct isms_risk r;
    int64_t id = 0;
    int error;

    if (!isms_page_risk_can_write(req))
        return isms_error_set(ISMS_EPERM, "auditors cannot change risks");
    if ((error = isms_page_risk_param(&id, req)) < 0 ||
        (error = isms_risk_get(&r, req->store, req->org.id, id)) < 0)
        return error;
    if ((error = isms_page_init(&page, req, "risks", "Delete risk")) < 0)
        goto done;
    if ((error = isms_page_set(&page, "risk",
                               json_pack("{s:I,s:I,s:s,s:I,s:b,s:I,s:b}", "id", (json_int_t)r.id,
                                         "number", (json_int_t)r.number, "title", r.title,
                                         "controls", (json_int_t)r.control_count, "has_controls",
                                         r.control_count > 0, "dependents",
                                         (json_int_t)r.dependent_count, "has_dependents",
                                         r.dependent_count > 0))) < 0) {
        isms_page_release(&page);
        goto done;
    }
    error = isms_page_respond(res, &page, "risk_delete.html", 200);
done:
    isms_risk_release(&r);
    return error;
}

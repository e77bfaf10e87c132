/*
 * Creating and editing a risk: title, threat from the library (grouped by
 * source, then the org's own threats), risk source / event / consequence,
 * the assets it is about (from the org's register), the scores as selects
 * labelled from the matrix the risk is assessed on, the risk owner, the
 * treatment option, the residual scores and, for providers, whether it is
 * shared with customers. A rejected form comes back with the error and
 * everything the user typed.
 */
#include "isms_setup.h"
#include "isms/asset.h"
#include "isms/membership.h"
#include "isms/org.h"
#include "isms/risk_matrix.h"
#include "model/threat.h"
#include "util/error.h"
#include "web/http/form.h"
#include "web/http/request.h"
#include "web/http/response.h"
#include "web/http/session.h"
#include "web/pages/risks.h"
#include "web/pages/threat_choices.h"

/* The form as typed: text, so a rejected form shows it again as it was. */
struct risk_form {
    const char *title, *threat, *risk_source, *event, *consequence, *owner, *treatment;
    const char *likelihood, *impact, *vulnerability;
    const char *r_likelihood, *r_impact, *r_vulnerability;
    bool shared;
    int64_t assets[ISMS_RISK_ASSETS_MAX];
    size_t asset_count;
};

/* Score text of a stored risk, kept alive for the form. */
struct score_text {
    char l[12], i[12], v[12], rl[12], ri[12], rv[12];
};

static const char *text_or_empty(const char *s)
{
    return s ? s : "";
}

static void form_from_risk(struct risk_form *f, struct score_text *t, const struct isms_risk *r,
                           char threat[ISMS_THREAT_REF_MAX + 1])
{
    memset(f, 0, sizeof(*f));
    snprintf(threat, ISMS_THREAT_REF_MAX + 1, "%s%s%s", r->threat_source,
             r->threat_source[0] ? ":" : "", r->threat_id);
    snprintf(t->l, sizeof(t->l), "%d", r->score.likelihood);
    snprintf(t->i, sizeof(t->i), "%d", r->score.impact);
    snprintf(t->v, sizeof(t->v), "%d", r->score.vulnerability);
    snprintf(t->rl, sizeof(t->rl), "%d", r->residual.likelihood);
    snprintf(t->ri, sizeof(t->ri), "%d", r->residual.impact);
    snprintf(t->rv, sizeof(t->rv), "%d", r->residual.vulnerability);
    f->title = r->title;
    f->threat = threat;
    f->risk_source = r->risk_source;
    f->event = r->event;
    f->consequence = r->consequence;
    f->owner = r->owner;
    f->treatment = isms_risk_treatment_name(r->treatment);
    f->likelihood = t->l;
    f->impact = t->i;
    f->vulnerability = t->v;
    if (r->has_residual) {
        f->r_likelihood = t->rl;
        f->r_impact = t->ri;
        f->r_vulnerability = t->rv;
    }
    f->shared = r->shared;
    f->asset_count = r->asset_count < ISMS_RISK_ASSETS_MAX ? r->asset_count : ISMS_RISK_ASSETS_MAX;
    if (f->asset_count) /* a risk without assets has no array at all */
        memcpy(f->assets, r->asset_ids, f->asset_count * sizeof(*f->assets));
}

static int read_form(struct risk_form *f, const struct isms_form *form)
{
    const char *v;
    int error;

    memset(f, 0, sizeof(*f));
    f->title = isms_form_get(form, "title");
    f->threat = isms_form_get(form, "threat");
    f->risk_source = isms_form_get(form, "risk_source");
    f->event = isms_form_get(form, "event");
    f->consequence = isms_form_get(form, "consequence");
    f->owner = isms_form_get(form, "owner");
    f->treatment = isms_form_get(form, "treatment");
    f->likelihood = isms_form_get(form, "likelihood");
    f->impact = isms_form_get(form, "impact");
    f->vulnerability = isms_form_get(form, "vulnerability");
    f->r_likelihood = isms_form_get(form, "residual_likelihood");
    f->r_impact = isms_form_get(form, "residual_impact");
    f->r_vulnerability = isms_form_get(form, "residual_vulnerability");
    f->shared = isms_form_get(form, "shared") != NULL;
    for (size_t i = 0; (v = isms_form_get_nth(form, "asset", i)) != NULL; i++) {
        if (f->asset_count == ISMS_RISK_ASSETS_MAX)
            return isms_error_set(ISMS_ETOOBIG, _("a risk names at most %d assets"),
                                  ISMS_RISK_ASSETS_MAX);
        if ((error = isms_page_parse_id(&f->assets[f->asset_count++], v, "asset")) < 0)
            return error;
    }
    return 0;
}

static bool given(const char *s)
{
    return s && *s;
}

static int score_value(int *out, const char *text, const char *what)
{
    char *end;
    long v;

    errno = 0;
    v = text ? strtol(text, &end, 10) : 0;
    if (!given(text) || errno || *end || v < -1000 || v > 1000)
        return isms_error_set(ISMS_EINVALID, "choose the %s", what);
    *out = (int)v;
    return 0;
}

/* The domain input of the form; `atv` says whether vulnerability counts. */
static int to_input(struct isms_risk_input *in, const struct risk_form *f, bool atv)
{
    bool any_residual = given(f->r_likelihood) || given(f->r_impact) ||
                        (atv && given(f->r_vulnerability));
    int error;

    memset(in, 0, sizeof(*in));
    in->title = f->title;
    in->threat = given(f->threat) ? f->threat : NULL;
    in->risk_source = f->risk_source;
    in->event = f->event;
    in->consequence = f->consequence;
    in->owner = f->owner;
    in->shared = f->shared;
    in->asset_ids = f->assets;
    in->asset_count = f->asset_count;
    if (given(f->treatment) &&
        (error = isms_risk_treatment_parse(&in->treatment, f->treatment)) < 0)
        return error;
    if ((error = score_value(&in->score.likelihood, f->likelihood, "likelihood")) < 0 ||
        (error = score_value(&in->score.impact, f->impact, "impact")) < 0 ||
        (atv &&
         (error = score_value(&in->score.vulnerability, f->vulnerability, "vulnerability")) < 0))
        return error;
    if (!any_residual)
        return 0;
    in->has_residual = true;
    if ((error = score_value(&in->residual.likelihood, f->r_likelihood, "residual likelihood")) <
            0 ||
        (error = score_value(&in->residual.impact, f->r_impact, "residual impact")) < 0 ||
        (atv && (error = score_value(&in->residual.vulnerability, f->r_vulnerability,
                                     "residual vulnerability")) < 0))
        return error;
    return 0;
}

/* ------------------------------------------------------------ choices */

static bool has_asset(const struct risk_form *f, int64_t id)
{
    for (size_t i = 0; i < f->asset_count; i++)
        if (f->assets[i] == id)
            return true;
    return false;
}

static json_t *asset_options(const struct isms_page *page, const struct risk_form *f)
{
    struct isms_asset_filter filter = {.limit = ISMS_ASSET_LIST_MAX};
    struct isms_asset_page assets;
    char id[24];
    json_t *options;

    if (isms_asset_list(&assets, page->req->store, page->req->org.id, &filter) < 0)
        return NULL;
    options = json_array();
    for (size_t i = 0; options && i < assets.count; i++) {
        snprintf(id, sizeof(id), "%" PRId64, assets.items[i].id);
        json_array_append_new(
            options, isms_page_option(id, assets.items[i].name, has_asset(f, assets.items[i].id)));
    }
    isms_asset_page_release(&assets);
    return options;
}

/* One score select: the scale's values with their labels ("3 · 高"). */
static json_t *scale_options(const struct isms_page *page, const struct isms_risk_scale *s,
                             const char *current)
{
    json_t *options = json_array();
    char value[12], label[ISMS_RISK_LABEL_MAX + 16];

    for (int v = s->max; options && v >= s->min; v--) {
        snprintf(value, sizeof(value), "%d", v);
        snprintf(label, sizeof(label), "%d · %s", v,
                 isms_risk_scale_label(s, v, isms_lang_code(page->lang)));
        json_array_append_new(
            options, isms_page_option(value, label, current && strcmp(current, value) == 0));
    }
    return json_pack("{s:s,s:o}", "name", page->lang == ISMS_LANG_JA ? s->name.ja : s->name.en,
                     "options", options);
}

static json_t *treatment_options(const struct isms_page *page, const char *current)
{
    json_t *options = json_array();

    for (int t = ISMS_RISK_MODIFY; options && t <= ISMS_RISK_SHARE; t++) {
        const char *name = isms_risk_treatment_name((enum isms_risk_treatment)t);
        json_array_append_new(options,
                              isms_page_option(name,
                                               isms_page_t(page, isms_page_risk_treatment_label(
                                                                     (enum isms_risk_treatment)t)),
                                               current && strcmp(current, name) == 0));
    }
    return options;
}

static json_t *scores(const struct isms_page *page, const struct isms_risk_matrix *m,
                      const struct risk_form *f)
{
    bool atv = m->method == ISMS_RISK_ASSET_THREAT_VULNERABILITY;
    json_t *out = json_pack("{s:s,s:b,s:o,s:o,s:o,s:o}", "matrix",
                            isms_page_pick(page, m->name_en, m->name_ja), "atv", atv, "likelihood",
                            scale_options(page, &m->likelihood, f->likelihood), "impact",
                            scale_options(page, &m->impact, f->impact), "residual_likelihood",
                            scale_options(page, &m->likelihood, f->r_likelihood), "residual_impact",
                            scale_options(page, &m->impact, f->r_impact));

    if (out && atv) {
        json_object_set_new(out, "vulnerability",
                            scale_options(page, &m->vulnerability, f->vulnerability));
        json_object_set_new(out, "residual_vulnerability",
                            scale_options(page, &m->vulnerability, f->r_vulnerability));
    }
    return out;
}

/* ------------------------------------------------------------ render */

/* The org's members by the name a risk records for them (the display name,
 * else the login): the owner field offers them, so the owner a manager
 * picks is the signed-in user who gets the acceptance button. */
static json_t *member_names(const struct isms_page *page)
{
    struct isms_member *members = NULL;
    json_t *list = json_array();
    size_t n = 0;

    if (isms_membership_list(&members, &n, page->req->store, page->req->org.id) < 0)
        return list;
    for (size_t i = 0; list && i < n; i++)
        json_array_append_new(list, json_string(members[i].display_name[0] ? members[i].display_name
                                                                           : members[i].name));
    free(members);
    return list;
}

static int render(struct isms_web_response *res, struct isms_web_request *req, int64_t risk_id,
                  const struct isms_risk_matrix *m, const struct risk_form *f,
                  const char *error_text, unsigned status)
{
    struct isms_page page;
    char action[160];
    int error;

    if (risk_id)
        isms_page_risk_path(action, sizeof(action), req, risk_id, "");
    else
        snprintf(action, sizeof(action), "/orgs/%s/risks", req->org.slug);
    if ((error = isms_page_init(&page, req, "risks", risk_id ? "Edit risk" : "New risk")) < 0)
        return error;
    if ((error = isms_page_set(
             &page, "form",
             json_pack("{s:s,s:o,s:s,s:s,s:s,s:s,s:s,s:b,s:b,s:b}", "action", action, "id",
                       risk_id ? json_integer(risk_id) : json_null(), "title",
                       text_or_empty(f->title), "risk_source", text_or_empty(f->risk_source),
                       "event", text_or_empty(f->event), "consequence",
                       text_or_empty(f->consequence), "owner", text_or_empty(f->owner),
                       "treatment_none", !given(f->treatment), "shared", f->shared, "provider",
                       req->org.role != ISMS_ORG_CSC))) < 0 ||
        (error = isms_page_set(&page, "threats", isms_page_threat_groups(&page, f->threat))) < 0 ||
        (error = isms_page_set(&page, "no_threat", json_boolean(!given(f->threat)))) < 0 ||
        (error = isms_page_set(&page, "assets", asset_options(&page, f))) < 0 ||
        (error = isms_page_set(&page, "treatments", treatment_options(&page, f->treatment))) < 0 ||
        (error = isms_page_set(&page, "scores", scores(&page, m, f))) < 0 ||
        (error = isms_page_set(&page, "editing", json_boolean(risk_id != 0))) < 0 ||
        (error = isms_page_set(&page, "members", member_names(&page))) < 0 ||
        (error = isms_page_set(&page, "owner_locked",
                               json_boolean(risk_id != 0 && !req->actor.is_manager))) < 0 ||
        (error_text && (error = isms_page_set_message(&page, "error", error_text)) < 0)) {
        isms_page_release(&page);
        return error;
    }
    return isms_page_respond(res, &page, "risk_form.html", status);
}

static int refuse_readers(const struct isms_web_request *req)
{
    if (!isms_page_risk_can_write(req))
        return isms_error_set(ISMS_EPERM, "auditors cannot change risks");
    return 0;
}

int isms_page_risk_new(struct isms_web_response *res, struct isms_web_request *req)
{
    const struct isms_session *s = isms_web_session(req);
    struct isms_risk_matrix m;
    struct risk_form f = {0};
    int error;

    if ((error = refuse_readers(req)) < 0 ||
        (error = isms_risk_matrix_for_org(&m, req->store, req->org.id)) < 0)
        return error;
    /* The one creating a risk usually owns it; they can name another. */
    f.owner = s && s->display_name[0] ? s->display_name : s ? s->name : "";
    return render(res, req, 0, &m, &f, NULL, 200);
}

int isms_page_risk_edit(struct isms_web_response *res, struct isms_web_request *req)
{
    char threat[ISMS_THREAT_REF_MAX + 1];
    struct isms_risk_matrix m;
    struct score_text text;
    struct risk_form f;
    struct isms_risk r;
    int64_t id = 0;
    int error;

    if ((error = refuse_readers(req)) < 0 || (error = isms_page_risk_param(&id, req)) < 0 ||
        (error = isms_risk_get(&r, req->store, req->org.id, id)) < 0)
        return error;
    if ((error = isms_risk_matrix_find(&m, req->store, req->org.id, r.matrix_key)) == 0) {
        form_from_risk(&f, &text, &r, threat);
        error = render(res, req, id, &m, &f, NULL, 200);
    }
    isms_risk_release(&r);
    return error;
}

/* Saves the posted form: a new risk (id 0) or risk `id`; on success
 * *saved_id is the risk's id. */
static int save(int64_t *saved_id, struct isms_web_request *req, int64_t id,
                const struct isms_risk_matrix *m, const struct risk_form *f)
{
    struct isms_risk_input in;
    struct isms_risk r;
    int error;

    if ((error = to_input(&in, f, m->method == ISMS_RISK_ASSET_THREAT_VULNERABILITY)) < 0)
        return error;
    error = id ? isms_risk_update(&r, req->store, req->org.id, id, &in, &req->actor)
               : isms_risk_create(&r, req->store, req->org.id, &in, &req->actor);
    if (error < 0)
        return error;
    *saved_id = r.id;
    isms_risk_release(&r);
    return 0;
}

static int post(struct isms_web_response *res, struct isms_web_request *req, int64_t id,
                const struct isms_risk_matrix *m)
{
    struct isms_form form;
    struct risk_form f;
    char location[200], message[512];
    int64_t saved = 0;
    int error;

    if ((error = isms_page_form(&form, req)) < 0)
        goto done;
    if ((error = read_form(&f, &form)) == 0)
        error = save(&saved, req, id, m, &f);
    if (isms_page_is_user_error(error)) {
        /* A copy: rendering the form may set the thread's last error again. */
        snprintf(message, sizeof(message), "%s", isms_error_last());
        error = render(res, req, id, m, &f, message, (unsigned)isms_error_http_status(error));
    } else if (error == 0) {
        isms_page_risk_path(location, sizeof(location), req, saved, "?saved=1");
        error = isms_page_redirect(res, location);
    }
done:
    isms_form_release(&form);
    return error;
}

int isms_page_risk_create(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_risk_matrix m;
    int error;

    if ((error = isms_risk_matrix_for_org(&m, req->store, req->org.id)) < 0)
        return error;
    return post(res, req, 0, &m);
}

int isms_page_risk_update(struct isms_web_response *res, struct isms_web_request *req)
{
    char key[ISMS_RISK_MATRIX_KEY_MAX + 1];
    struct isms_risk_matrix m;
    struct isms_risk r;
    int64_t id = 0;
    int error;

    if ((error = isms_page_risk_param(&id, req)) < 0 ||
        (error = isms_risk_get(&r, req->store, req->org.id, id)) < 0)
        return error;
    snprintf(key, sizeof(key), "%s", r.matrix_key);
    isms_risk_release(&r);
    if ((error = isms_risk_matrix_find(&m, req->store, req->org.id, key)) < 0)
        return error;
    return post(res, req, id, &m);
}

/*
 * The forms of a risk's detail page: select or drop a control (the SoA
 * follows, risk_treatment.h), add a treatment plan item, mark one done or
 * delete it, accept the residual risk, link to a provider's shared risk,
 * delete the risk. Each answers 303 back to the detail page, or renders it
 * again with the error and what the user typed.
 */
#include "isms_setup.h"
#include "isms/risk_link.h"
#include "util/error.h"
#include "web/http/form.h"
#include "web/http/request.h"
#include "web/http/response.h"
#include "web/http/session.h"
#include "web/pages/risks.h"

/* The end of an action: back to the detail page with `notice_query`, or
 * the page again with the error (the retry fields the form's input). */
static int finish(struct isms_web_response *res, struct isms_web_request *req, int64_t id,
                  int error, struct isms_page_risk_retry *retry, const char *notice_query)
{
    char location[200], message[512];

    if (isms_page_is_user_error(error) && error != ISMS_ENOTFOUND) {
        /* A copy: rendering the page may set the thread's last error again. */
        snprintf(message, sizeof(message), "%s", isms_error_last());
        retry->error = message;
        return isms_page_risk_detail_render(res, req, id, retry,
                                            (unsigned)isms_error_http_status(error));
    }
    if (error < 0)
        return error;
    isms_page_risk_path(location, sizeof(location), req, id, notice_query);
    return isms_page_redirect(res, location);
}

/* Parses the form and the {risk}; the caller releases the form. */
static int begin(struct isms_form *form, int64_t *id, struct isms_web_request *req)
{
    int error;

    memset(form, 0, sizeof(*form));
    if ((error = isms_page_risk_param(id, req)) < 0)
        return error;
    return isms_page_form(form, req);
}

/* ------------------------------------------------------------ controls */

static int change_controls(struct isms_web_request *req, int64_t id, const char *op,
                           const char *control)
{
    const char *ids[ISMS_RISK_CONTROLS_MAX + 1];
    struct isms_risk r, after;
    size_t n = 0;
    bool add = op && strcmp(op, "add") == 0;
    int error;

    if (!control || !*control)
        return isms_error_set(ISMS_EINVALID, "choose a control");
    if ((error = isms_risk_get(&r, req->store, req->org.id, id)) < 0)
        return error;
    for (size_t i = 0; i < r.control_count; i++)
        if (strcmp(r.controls[i], control) != 0)
            ids[n++] = r.controls[i];
    if (add && n == ISMS_RISK_CONTROLS_MAX)
        error = isms_error_set(ISMS_ETOOBIG, _("a risk selects at most %d controls"),
                               ISMS_RISK_CONTROLS_MAX);
    else {
        if (add)
            ids[n++] = control;
        error = isms_risk_controls_set(&after, req->store, req->org.id, id, ids, n, &req->actor);
        if (error == 0)
            isms_risk_release(&after);
    }
    isms_risk_release(&r);
    return error;
}

int isms_page_risk_controls_post(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_page_risk_retry retry = {0};
    struct isms_form form;
    int64_t id = 0;
    int error;

    if ((error = begin(&form, &id, req)) == 0)
        error = change_controls(req, id, isms_form_get(&form, "op"),
                                isms_form_get(&form, "control"));
    error = finish(res, req, id, error, &retry, "?controls=1#controls");
    isms_form_release(&form);
    return error;
}

/* --------------------------------------------------------- plan items */

int isms_page_risk_items_post(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_page_risk_retry retry = {0};
    struct isms_risk_treatment_item item;
    struct isms_risk_item_input in = {0};
    struct isms_form form;
    int64_t id = 0;
    int error;

    if ((error = begin(&form, &id, req)) == 0) {
        retry.action = in.action = isms_form_get(&form, "action");
        retry.owner = in.owner = isms_form_get(&form, "owner");
        retry.due_date = in.due_date = isms_form_get(&form, "due_date");
        in.status = ISMS_RISK_ITEM_PLANNED;
        error = isms_risk_item_save(&item, req->store, req->org.id, id, 0, &in, &req->actor);
    }
    error = finish(res, req, id, error, &retry, "?saved=1#plan");
    isms_form_release(&form);
    return error;
}

/* "done" keeps the item as it was with status done; "delete" removes it. */
static int change_item(struct isms_web_request *req, int64_t id, int64_t item_id, const char *op)
{
    struct isms_risk_treatment_item *items = NULL, saved;
    struct isms_risk_item_input in;
    size_t n = 0;
    int error;

    if (op && strcmp(op, "delete") == 0)
        return isms_risk_item_delete(req->store, req->org.id, id, item_id, &req->actor);
    if (!op || strcmp(op, "done") != 0)
        return isms_error_set(ISMS_EINVALID, "unknown action");
    if ((error = isms_risk_items_list(&items, &n, req->store, req->org.id, id)) < 0)
        return error;
    error = isms_error_set(ISMS_ENOTFOUND, "treatment item %" PRId64 " not found", item_id);
    for (size_t i = 0; i < n; i++)
        if (items[i].id == item_id) {
            in = (struct isms_risk_item_input){items[i].action, items[i].owner, items[i].due_date,
                                               ISMS_RISK_ITEM_DONE};
            error = isms_risk_item_save(&saved, req->store, req->org.id, id, item_id, &in,
                                        &req->actor);
            break;
        }
    free(items);
    return error;
}

int isms_page_risk_item_post(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_page_risk_retry retry = {0};
    struct isms_form form;
    int64_t id = 0, item = 0;
    int error;

    if ((error = begin(&form, &id, req)) == 0 &&
        (error = isms_page_parse_id(&item, isms_web_request_param(req, "item"),
                                    "treatment item")) == 0)
        error = change_item(req, id, item, isms_form_get(&form, "op"));
    error = finish(res, req, id, error, &retry, "?saved=1#plan");
    isms_form_release(&form);
    return error;
}

/* --------------------------------------------------------- acceptance */

int isms_page_risk_accept_post(struct isms_web_response *res, struct isms_web_request *req)
{
    const struct isms_session *s = isms_web_session(req);
    struct isms_page_risk_retry retry = {0};
    struct isms_risk_acceptor who = {0};
    struct isms_risk_acceptance_input in = {0};
    struct isms_form form;
    struct isms_risk r;
    int64_t id = 0;
    int error;

    /* The signed-in user accepts as the owner; a manager may record the
     * owner's acceptance on their behalf (the domain decides which). */
    if (s)
        who = (struct isms_risk_acceptor){s->user_id, s->name, s->display_name,
                                          req->org_role >= ISMS_ROLE_MANAGER};
    if ((error = begin(&form, &id, req)) == 0) {
        in.confirmed = isms_form_get(&form, "confirm") != NULL;
        in.comment = isms_form_get(&form, "comment");
        in.reason = isms_form_get(&form, "reason");
        if ((error = isms_risk_accept_as_user(&r, req->store, req->org.id, id, &who, &in,
                                              &req->actor)) == 0)
            isms_risk_release(&r);
    }
    if (error == ISMS_EPERM) /* another risk owner: the page says who may accept */
        error = isms_error_set(ISMS_EINVALID, "only the risk owner can accept the residual risk");
    error = finish(res, req, id, error, &retry, "?accepted=1#acceptance");
    isms_form_release(&form);
    return error;
}

/* --------------------------------------------------------------- link */

static int change_link(struct isms_web_request *req, int64_t id, const struct isms_form *form)
{
    const char *provider = isms_form_get(form, "provider");
    const char *risk = isms_form_get(form, "provider_risk");
    const char *op = isms_form_get(form, "op");
    int64_t provider_risk = 0;
    struct isms_risk r;
    int error;

    if (op && strcmp(op, "unlink") == 0)
        provider = NULL;
    else if (!provider || !*provider)
        return isms_error_set(ISMS_EINVALID, "choose the provider");
    else if (!risk || !*risk)
        return isms_error_set(ISMS_EINVALID, "choose the provider's risk");
    else if ((error = isms_page_parse_id(&provider_risk, risk, "provider risk")) < 0)
        return isms_error_set(ISMS_EINVALID, "choose the provider's risk");
    if ((error = isms_risk_link_set(&r, req->store, req->org.id, id, provider, provider_risk,
                                    &req->actor)) == 0)
        isms_risk_release(&r);
    return error;
}

int isms_page_risk_link_post(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_page_risk_retry retry = {0};
    struct isms_form form;
    int64_t id = 0;
    int error;

    if ((error = begin(&form, &id, req)) == 0) {
        retry.provider = isms_form_get(&form, "provider");
        error = change_link(req, id, &form);
    }
    error = finish(res, req, id, error, &retry, "?linked=1#link");
    isms_form_release(&form);
    return error;
}

/* ------------------------------------------------------------- delete */

int isms_page_risk_delete(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_page_risk_retry retry = {0};
    struct isms_form form;
    int64_t id = 0;
    int error;

    if ((error = begin(&form, &id, req)) == 0 &&
        (error = isms_risk_delete(req->store, req->org.id, id, &req->actor)) == 0) {
        error = isms_page_redirect_in_org(res, req, "risks?deleted=1");
    } else {
        error = finish(res, req, id, error, &retry, "");
    }
    isms_form_release(&form);
    return error;
}

/*
 * What the risk register pages (risks*.c) share: the {risk} path
 * parameter, the labels of the risk enums as English msgids and the level
 * badge. Not used outside those pages.
 */
#ifndef ISMS_WEB_PAGE_RISKS_H
#define ISMS_WEB_PAGE_RISKS_H

#include <jansson.h>
#include "isms/risk.h"
#include "isms/risk_treatment.h"
#include "web/pages/pages.h"

/* The {risk} of the path; ISMS_ENOTFOUND when it is no positive id. */
int isms_page_risk_param(int64_t *out, const struct isms_web_request *req);

/* English msgids ("" for unset). */
const char *isms_page_risk_treatment_label(enum isms_risk_treatment t);
const char *isms_page_risk_status_label(enum isms_risk_status s);
const char *isms_page_risk_item_status_label(enum isms_risk_item_status s);

/* {"level": 12, "band": "high", "label": "高"}: what a level badge shows. */
json_t *isms_page_risk_level(const struct isms_page *page, int level, enum isms_risk_band band);

/* Whether the signed-in user may change risks in the page's org (risk owner
 * and up); the dispatcher refuses the writes anyway, this hides controls. */
bool isms_page_risk_can_write(const struct isms_web_request *req);

/* "/orgs/<slug>/risks/<id><suffix>" into `out`. */
void isms_page_risk_path(char *out, size_t size, const struct isms_web_request *req, int64_t id,
                         const char *suffix);

/* What a rejected action on the detail page brings back: the message and
 * the plan item the user was typing. */
struct isms_page_risk_retry {
    const char *error;  /* msgid or message; NULL: none */
    const char *notice; /* msgid of a success notice; NULL: none */
    const char *action, *owner, *due_date;
    const char *provider; /* the provider org picked for a link */
};

/* Renders risk `id`'s detail page (risks_detail.c) with `status`. */
int isms_page_risk_detail_render(struct isms_web_response *res, struct isms_web_request *req,
                                 int64_t id, const struct isms_page_risk_retry *retry,
                                 unsigned status);

/* Handlers in risks_*.c that the table in risks.c routes to. */
int isms_page_risk_new(struct isms_web_response *res, struct isms_web_request *req);
int isms_page_risk_create(struct isms_web_response *res, struct isms_web_request *req);
int isms_page_risk(struct isms_web_response *res, struct isms_web_request *req);
int isms_page_risk_edit(struct isms_web_response *res, struct isms_web_request *req);
int isms_page_risk_update(struct isms_web_response *res, struct isms_web_request *req);
int isms_page_risk_delete_confirm(struct isms_web_response *res, struct isms_web_request *req);
int isms_page_risk_delete(struct isms_web_response *res, struct isms_web_request *req);
int isms_page_risk_controls_post(struct isms_web_response *res, struct isms_web_request *req);
int isms_page_risk_items_post(struct isms_web_response *res, struct isms_web_request *req);
int isms_page_risk_item_post(struct isms_web_response *res, struct isms_web_request *req);
int isms_page_risk_accept_post(struct isms_web_response *res, struct isms_web_request *req);
int isms_page_risk_link_post(struct isms_web_response *res, struct isms_web_request *req);

#endif

/*
 * Helpers the risk register pages share (page_risks.h).
 */
#include "isms_setup.h"
#include "util/error.h"
#include "web/http/request.h"
#include "web/pages/risks.h"

int isms_page_risk_param(int64_t *out, const struct isms_web_request *req)
{
    return isms_page_parse_id(out, isms_web_request_param(req, "risk"), "risk");
}

const char *isms_page_risk_treatment_label(enum isms_risk_treatment t)
{
    switch (t) {
    case ISMS_RISK_MODIFY:
        return "Modify";
    case ISMS_RISK_RETAIN:
        return "Retain";
    case ISMS_RISK_AVOID:
        return "Avoid";
    case ISMS_RISK_SHARE:
        return "Share";
    case ISMS_RISK_TREATMENT_UNSET:
        break;
    }
    return "";
}

const char *isms_page_risk_status_label(enum isms_risk_status s)
{
    switch (s) {
    case ISMS_RISK_OPEN:
        return "Not yet treated";
    case ISMS_RISK_IN_TREATMENT:
        return "In treatment";
    case ISMS_RISK_NOT_ASSESSED:
        return "Residual risk not assessed";
    case ISMS_RISK_AWAITING_ACCEPTANCE:
        return "Awaiting acceptance";
    case ISMS_RISK_TREATED:
        return "Treated";
    case ISMS_RISK_ACCEPTED:
        return "Accepted";
    }
    return "";
}

const char *isms_page_risk_item_status_label(enum isms_risk_item_status s)
{
    switch (s) {
    case ISMS_RISK_ITEM_PLANNED:
        return "Planned";
    case ISMS_RISK_ITEM_IN_PROGRESS:
        return "In progress";
    case ISMS_RISK_ITEM_DONE:
        return "Done";
    case ISMS_RISK_ITEM_CANCELLED:
        return "Cancelled";
    }
    return "";
}

json_t *isms_page_risk_level(const struct isms_page *page, int level, enum isms_risk_band band)
{
    static const char *const names[] = {"low", "medium", "high"};
    enum isms_risk_band b = band >= ISMS_RISK_LOW && band <= ISMS_RISK_HIGH ? band : ISMS_RISK_LOW;

    return json_pack("{s:i,s:s,s:s}", "level", level, "band", names[b - ISMS_RISK_LOW], "label",
                     isms_risk_band_name(b, isms_lang_code(page->lang)));
}

bool isms_page_risk_can_write(const struct isms_web_request *req)
{
    return req->org_role >= ISMS_ROLE_RISK_OWNER;
}

void isms_page_risk_path(char *out, size_t size, const struct isms_web_request *req, int64_t id,
                         const char *suffix)
{
    snprintf(out, size, "/orgs/%s/risks/%" PRId64 "%s", req->org.slug, id, suffix);
}

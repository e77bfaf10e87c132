/*
 * An organization's dashboard: how far the Statement of Applicability is,
 * with the undecided controls one click away.
 */
#include "isms_setup.h"
#include "util/error.h"
#include "web/pages.h"
#include "web/request.h"
#include "web/response.h"

int isms_page_dashboard(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_page page;
    int error;

    if ((error = isms_page_init(&page, req, "dashboard", "Dashboard")) < 0)
        return error;
    if ((error = isms_page_add_soa_summary(&page)) < 0) {
        isms_page_release(&page);
        return error;
    }
    return isms_page_respond(res, &page, "dashboard.html", 200);
}

#include "isms_setup.h"
#include "web/http/response.h"
#include "web/http/router.h"

/* Liveness only: no database access, so a load balancer's probe stays cheap
 * and says nothing about data. */
static int handle_health(struct isms_web_response *res, struct isms_web_request *req)
{
    isms_web_respond_static(res, 200, ISMS_WEB_JSON_TYPE, "{\"status\":\"ok\"}\n");
    return 0;
}

const struct isms_web_route isms_api_health_routes[] = {
    {"GET", "/healthz", handle_health, ISMS_WEB_PUBLIC},
    {NULL, NULL, NULL, 0},
};

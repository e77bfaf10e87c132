/*
 * The language switch in the header: remembered in a cookie for everyone
 * and, for a signed-in user, in their account so it follows them.
 */
#include "isms_setup.h"
#include "util/error.h"
#include "web/http/form.h"
#include "web/http/request.h"
#include "web/http/response.h"
#include "web/http/router.h"
#include "web/http/session.h"
#include "web/pages/pages.h"

static int handle_lang(struct isms_web_response *res, struct isms_web_request *req)
{
    const struct isms_session *session = isms_web_session(req);
    struct isms_form form;
    enum isms_lang lang;
    const char *next;
    char cookie[96];
    int error;

    if ((error = isms_page_form(&form, req)) < 0)
        goto done;
    if ((error = isms_lang_parse(&lang, isms_form_get(&form, "lang"))) < 0)
        goto done;
    if (session && !session->mfa_pending &&
        (error = isms_user_set_lang(req->store, session->user_id, isms_lang_code(lang),
                                    &req->actor)) < 0)
        goto done;
    next = isms_page_safe_next(isms_form_get(&form, "next"));
    if ((error = isms_page_redirect(res, next)) < 0)
        goto done;
    snprintf(cookie, sizeof(cookie), "lang=%s; Path=/; Max-Age=31536000; SameSite=Lax",
             isms_lang_code(lang));
    error = isms_web_response_header(res, "Set-Cookie", cookie);
done:
    isms_form_release(&form);
    return error;
}

const struct isms_web_route isms_pages_lang_routes[] = {
    {"POST", "/lang", handle_lang, ISMS_WEB_PUBLIC | ISMS_WEB_MFA_STEP},
    {NULL, NULL, NULL, 0},
};

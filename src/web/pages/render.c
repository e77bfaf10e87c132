/*
 * What every page shares: the template set and translations (loaded once),
 * the layout context (language, user, CSRF token, org switcher, menu) and
 * the HTML response.
 */
#include "isms_setup.h"
#include <microhttpd.h>
#include <pthread.h>
#include "isms/membership.h"
#include "util/buf.h"
#include "util/embedded.h"
#include "util/error.h"
#include "web/http/form.h"
#include "web/http/request.h"
#include "web/http/response.h"
#include "web/http/session.h"
#include "web/http/template.h"
#include "web/pages/pages.h"

extern const struct isms_embedded_file isms_web_views[];

/* A page is a few hundred KiB at most (the SoA editor); the cap stops a runaway. */
#define PAGE_MAX (8u << 20)
#define HTML_TYPE "text/html; charset=utf-8"

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static struct isms_template_set *views;
static int load_error;
static char load_message[512];

static void load_views(void)
{
    if ((load_error = isms_i18n_load()) < 0 || (load_error = isms_template_set_new(&views)) < 0 ||
        (load_error = isms_template_set_add_files(views, isms_web_views)) < 0)
        snprintf(load_message, sizeof(load_message), "%s", isms_error_last());
}

int isms_pages_load(void)
{
    pthread_once(&load_once, load_views);
    if (load_error < 0)
        return isms_error_set(load_error, "%s", load_message);
    return 0;
}

const char *isms_page_t(const struct isms_page *page, const char *msgid)
{
    return isms_i18n_text(page->lang, msgid);
}

const char *isms_page_pick(const struct isms_page *page, const char *en, const char *ja)
{
    return page->lang == ISMS_LANG_JA && ja && *ja ? ja : en;
}

static const char *translate(void *ctx, const char *msgid)
{
    return isms_i18n_text(*(const enum isms_lang *)ctx, msgid);
}

const char *isms_page_cookie(const struct isms_web_request *req, const char *name)
{
    return MHD_lookup_connection_value(req->connection, MHD_COOKIE_KIND, name);
}

int isms_page_set(struct isms_page *page, const char *key, json_t *value)
{
    if (!value || json_object_set_new(page->ctx, key, value) < 0)
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    return 0;
}

json_t *isms_page_time(const struct isms_page *page, const char *timestamp)
{
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    struct isms_local_time t;
    char text[96];

    if (!timestamp || !*timestamp)
        return json_string("");
    if (isms_tz_local(&t, page->zone, timestamp) < 0)
        return json_string(timestamp);
    if (page->lang == ISMS_LANG_JA)
        snprintf(text, sizeof(text), "%d年%d月%d日 %02d:%02d%s%s", t.year, t.month, t.day, t.hour,
                 t.minute, strcmp(page->zone, ISMS_TZ_DEFAULT_JA) == 0 ? "" : " ",
                 strcmp(page->zone, ISMS_TZ_DEFAULT_JA) == 0 ? "" : t.abbreviation);
    else
        snprintf(text, sizeof(text), "%d %s %d, %02d:%02d %s", t.day, months[t.month - 1], t.year,
                 t.hour, t.minute, t.abbreviation);
    return json_string(text);
}

static void choose_zone(struct isms_page *page, const struct isms_session *session)
{
    const char *cookie = isms_page_cookie(page->req, "tz");

    if (session && session->time_zone[0])
        snprintf(page->zone, sizeof(page->zone), "%s", session->time_zone);
    else if (page->lang == ISMS_LANG_JA)
        snprintf(page->zone, sizeof(page->zone), "%s", ISMS_TZ_DEFAULT_JA);
    else if (cookie && isms_tz_known(cookie))
        snprintf(page->zone, sizeof(page->zone), "%s", cookie);
    else
        snprintf(page->zone, sizeof(page->zone), "UTC");
}

/* The org switcher: every org the user may see, the current one marked. */
static json_t *org_switcher(const struct isms_web_request *req, const struct isms_session *s)
{
    struct isms_org *orgs = NULL;
    size_t count = 0;
    json_t *list = json_array();

    if (!list ||
        isms_membership_list_orgs(&orgs, &count, req->store, s->user_id, s->is_admin) < 0) {
        json_decref(list);
        return NULL;
    }
    for (size_t i = 0; i < count; i++)
        json_array_append_new(list, json_pack("{s:s,s:s,s:b}", "slug", orgs[i].slug, "name",
                                              orgs[i].name, "current", req->org.id == orgs[i].id));
    free(orgs);
    return list;
}

static int add_user(struct isms_page *page, const struct isms_session *s)
{
    json_t *orgs = org_switcher(page->req, s);
    int error;

    if (!orgs)
        return isms_error_last()[0] ? ISMS_ERROR : isms_error_set(ISMS_ENOMEM, "out of memory");
    if ((error = isms_page_set(page, "orgs", orgs)) < 0 ||
        (error = isms_page_set(page, "csrf", json_string(s->csrf))) < 0)
        return error;
    return isms_page_set(page, "user",
                         json_pack("{s:s,s:s,s:b,s:b}", "name", s->name, "display_name",
                                   s->display_name[0] ? s->display_name : s->name, "is_admin",
                                   s->is_admin, "totp", s->totp_enabled));
}

static int add_org(struct isms_page *page)
{
    const struct isms_web_request *req = page->req;
    enum isms_role role = req->org_role;
    static const char *const role_labels[] = {"", "Auditor", "Risk owner", "ISMS manager",
                                              "Administrator"};

    if (req->org.id == 0)
        return 0;
    return isms_page_set(
        page, "org",
        json_pack("{s:I,s:s,s:s,s:s,s:s,s:b,s:b}", "id", (json_int_t)req->org.id, "slug",
                  req->org.slug, "name", req->org.name, "role", isms_org_role_name(req->org.role),
                  "my_role", isms_page_t(page, role_labels[role <= ISMS_ROLE_ADMIN ? role : 0]),
                  "can_write", role >= ISMS_ROLE_MANAGER, "can_admin", role >= ISMS_ROLE_ADMIN));
}

/* The stylesheet's and script's URLs carry a hash of their content so they
 * can be cached for a year and still change with each release. */
static uint32_t content_hash(const char *name)
{
    const struct isms_embedded_file *file = isms_embedded_find(isms_web_views, name);
    uint32_t h = 2166136261u;

    for (size_t i = 0; file && i < file->size; i++)
        h = (h ^ file->data[i]) * 16777619u;
    return h;
}

static int add_assets(struct isms_page *page)
{
    char css[64], js[64];
    int error;

    snprintf(css, sizeof(css), "/static/app.css?v=%08" PRIx32, content_hash("app.css"));
    snprintf(js, sizeof(js), "/static/app.js?v=%08" PRIx32, content_hash("app.js"));
    if ((error = isms_page_set(page, "css_url", json_string(css))) < 0)
        return error;
    return isms_page_set(page, "js_url", json_string(js));
}

static int add_language(struct isms_page *page)
{
    bool ja = page->lang == ISMS_LANG_JA;
    int error;

    if ((error = isms_page_set(page, "lang", json_string(isms_lang_code(page->lang)))) < 0 ||
        (error = isms_page_set(page, "other_lang", json_string(ja ? "en" : "ja"))) < 0)
        return error;
    /* Each language names itself: a user who cannot read the page still finds theirs. */
    return isms_page_set(page, "other_lang_label", json_string(ja ? "English" : "日本語"));
}

/* Anonymous pages carry public forms (sign-in, language): their token. */
static int add_presession(struct isms_page *page)
{
    const char *token = isms_web_presession_token(page->req);

    if (!token)
        return ISMS_ERROR;
    return isms_page_set(page, "csrf", json_string(token));
}

int isms_page_init(struct isms_page *page, struct isms_web_request *req, const char *nav,
                   const char *title)
{
    const struct isms_session *session = isms_web_session(req);
    char nav_key[48];
    int error;

    page->req = req;
    page->ctx = NULL;
    page->lang = isms_i18n_choose(session ? session->lang : NULL, isms_page_cookie(req, "lang"),
                                  isms_web_request_header(req, MHD_HTTP_HEADER_ACCEPT_LANGUAGE));
    choose_zone(page, session);
    if ((error = isms_pages_load()) < 0)
        return error;
    if (!(page->ctx = json_object()))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    snprintf(nav_key, sizeof(nav_key), "nav_%s", nav);
    if ((error = add_language(page)) < 0 || (error = add_assets(page)) < 0 ||
        (error = isms_page_set(page, "title", json_string(isms_page_t(page, title)))) < 0 ||
        (error = isms_page_set(page, nav_key, json_true())) < 0 ||
        (error = isms_page_set(page, "path", json_string(req->path))) < 0 ||
        (session && (error = add_user(page, session)) < 0) ||
        (!session && (error = add_presession(page)) < 0) || (error = add_org(page)) < 0) {
        isms_page_release(page);
        return error;
    }
    return 0;
}

void isms_page_reader_zone(char out[ISMS_TZ_NAME_MAX + 1], struct isms_web_request *req)
{
    const struct isms_session *session = isms_web_session(req);
    struct isms_page page = {.req = req};

    page.lang = isms_i18n_choose(session ? session->lang : NULL, isms_page_cookie(req, "lang"),
                                 isms_web_request_header(req, MHD_HTTP_HEADER_ACCEPT_LANGUAGE));
    choose_zone(&page, session);
    snprintf(out, ISMS_TZ_NAME_MAX + 1, "%s", page.zone);
}

void isms_page_release(struct isms_page *page)
{
    json_decref(page->ctx);
    page->ctx = NULL;
}

int isms_page_respond(struct isms_web_response *res, struct isms_page *page, const char *template,
                      unsigned status)
{
    struct isms_buf body = ISMS_BUF_INIT(PAGE_MAX), html = ISMS_BUF_INIT(PAGE_MAX);
    size_t len;
    char *bytes;
    int error;

    if ((error = isms_template_render(&body, views, template, page->ctx, translate, &page->lang)) <
            0 ||
        (error = isms_page_set(page, "content", json_string(isms_buf_cstr(&body)))) < 0 ||
        (error = isms_template_render(&html, views, "layout.html", page->ctx, translate,
                                      &page->lang)) < 0)
        goto done;
    if (!(bytes = isms_buf_detach(&html, &len))) {
        error = isms_error_set(ISMS_ENOMEM, "out of memory");
        goto done;
    }
    isms_web_respond_bytes(res, status, HTML_TYPE, bytes, len);
    error = isms_web_response_header(res, "Cache-Control", "no-store");
done:
    isms_buf_release(&body);
    isms_buf_release(&html);
    isms_page_release(page);
    return error;
}

int isms_page_redirect(struct isms_web_response *res, const char *location)
{
    isms_web_respond_static(res, 303, "text/plain; charset=utf-8", "");
    return isms_web_response_header(res, "Location", location);
}

int isms_page_form(struct isms_form *out, const struct isms_web_request *req)
{
    memset(out, 0, sizeof(*out));
    if (!isms_web_request_is_form(req))
        return isms_error_set(ISMS_EINVALID, _("the form must be sent as '%s'"),
                              ISMS_WEB_FORM_TYPE);
    return isms_form_parse(out, isms_buf_cstr(&req->body), req->body.len);
}

const char *isms_page_safe_next(const char *next)
{
    /* Browsers drop tabs and newlines from a Location and read "\\" as "/":
     * "/\t/evil.example" would become "//evil.example", another site. */
    if (!next || next[0] != '/' || next[1] == '/' || next[1] == '\\' || strlen(next) > 512)
        return "/";
    for (const unsigned char *p = (const unsigned char *)next; *p; p++)
        if (*p < 0x20 || *p == 0x7f || *p == '\\')
            return "/";
    return next;
}

/*
 * The HTML pages of the web UI, one file per page (page_<name>.c), and the
 * helpers they share (render.c). A page handler reads the request,
 * calls domain functions directly (never the JSON API), fills a template
 * context and renders it inside the layout. GET renders; POST changes and
 * redirects (303, Post/Redirect/Get), or re-renders the form with the error
 * and the user's input when validation fails.
 *
 * Templates live in src/web/pages/views/, the stylesheet and script in
 * src/web/pages/static/, translations in po/ja.po; all are compiled into the
 * binary and parsed once (isms_pages_load).
 */
#ifndef ISMS_WEB_PAGES_H
#define ISMS_WEB_PAGES_H

#include <jansson.h>
#include "model/control_impl.h"
#include "util/timezone.h"
#include "web/http/i18n.h"

struct isms_web_request;
struct isms_web_response;
struct isms_form;

/* Parses the templates and the Japanese catalog; thread-safe, only the first
 * call does the work. `isms serve` calls it before listening so a broken
 * template stops start-up with the template's name and line. */
int isms_pages_load(void);

/* One page being built. */
struct isms_page {
    struct isms_web_request *req;
    enum isms_lang lang;
    /* The zone times are shown in: the user's setting, else Asia/Tokyo for a
     * Japanese page, else the browser's (the "tz" cookie app.js sets), else UTC. */
    char zone[ISMS_TZ_NAME_MAX + 1];
    json_t *ctx; /* the template context, owned */
};

/* Starts a page: language, signed-in user, CSRF token, the org switcher and
 * the org of the path (when the route has one); `nav` names the menu item
 * to highlight ("dashboard", "soa", ...), `title` is the English msgid of the
 * page title. Release with isms_page_release(). */
int isms_page_init(struct isms_page *page, struct isms_web_request *req, const char *nav,
                   const char *title);
void isms_page_release(struct isms_page *page);

/* `msgid` in the page's language. Borrowed, lives for the process. */
const char *isms_page_t(const struct isms_page *page, const char *msgid);

/* Sets ctx[key] = value, stealing `value`; NULL (out of memory) fails. */
int isms_page_set(struct isms_page *page, const char *key, json_t *value);

/* Renders `template` with the page's context, then the layout around it, and
 * answers it with `status`, "Cache-Control: no-store" (pages show private
 * data). Releases the page. */
int isms_page_respond(struct isms_web_response *res, struct isms_page *page, const char *template,
                      unsigned status);

/* 303 See Other to `location` (a path on this server). */
int isms_page_redirect(struct isms_web_response *res, const char *location);

/* `next` when it is a path on this server ("/x": one "/" followed by neither
 * "/" nor "\\", at most 512 bytes, no control character or backslash
 * anywhere), else "/": no open redirects. */
const char *isms_page_safe_next(const char *next);

/* The form body of a POST; ISMS_EINVALID when it is not
 * application/x-www-form-urlencoded or is malformed. Release it always. */
int isms_page_form(struct isms_form *out, const struct isms_web_request *req);

/* A page showing itself again for a refused form: the reason, what was
 * typed (`form`), the status; `ctx` is the caller's (e.g. the record's id). */
typedef int (*isms_page_refused_fn)(struct isms_web_response *res, struct isms_web_request *req,
                                    const char *error_text, const struct isms_form *form,
                                    unsigned status, const void *ctx);

/* The end of every form post: on success a redirect to `location` (inside
 * the org unless it starts with '/'); on a user's error
 * (isms_page_is_user_error) the page again through `refused`; any other
 * error is returned for the error page. Releases `form`. */
int isms_page_form_done(struct isms_web_response *res, struct isms_web_request *req,
                        struct isms_form *form, int error, const char *location,
                        isms_page_refused_fn refused, const void *ctx);

/* The fields of a refused form as {"name": "value"}, for the template to
 * show what was typed (the pages set it as "input"). */
json_t *isms_page_form_input(const struct isms_form *form);

/* The five ISO/IEC 27002:2022 attributes of `c` that it has, as
 * [{"name": "管理策タイプ", "tags": "#予防"}, ...] in the page's language. */
struct isms_control;
json_t *isms_page_attributes(const struct isms_page *page, const struct isms_control *c);

/* A stored UTC timestamp ("2026-12-03T07:12:53Z") as the page's reader
 * reads it, in page->zone: "2026年12月3日 16:12" on a Japanese page (the
 * zone's abbreviation after it unless the zone is Asia/Tokyo), "3 Dec 2026,
 * 08:12 CET" on an English one. "" stays "". A JSON string. */
json_t *isms_page_time(const struct isms_page *page, const char *timestamp);

/* The request's `lang` cookie, or NULL. Borrowed. */
const char *isms_page_cookie(const struct isms_web_request *req, const char *name);

/* The zone the page's reader reads times in (page->zone before a page exists). */
void isms_page_reader_zone(char out[ISMS_TZ_NAME_MAX + 1], struct isms_web_request *req);

/* A control title in the page's language. */
const char *isms_page_pick(const struct isms_page *page, const char *en, const char *ja);

/* Adds "logins": the signed-in user's newest `limit` sign-ins (home.c). */
int isms_page_add_logins(struct isms_page *page, int limit);
/* Adds "overview": the user's orgs with their SoA progress (home.c). */
int isms_page_add_org_overview(struct isms_page *page);

/* Adds "soa": the page's org's SoA counts and progress (soa.c). */
int isms_page_add_soa_summary(struct isms_page *page);
/* Adds "maturity": the page's org's maturity chart as SVG markup (controls.c). */
int isms_page_add_maturity(struct isms_page *page);
struct isms_control_guidance;
/* 梅（基本） / Basic (梅) ..., "-" for no level (control_levels.c). */
const char *isms_page_level_label(const struct isms_page *page, enum isms_control_level l);
/* [{"level", "text"}] of the three levels of `g` (NULL: none), in the page's language. */
json_t *isms_page_level_guidance(const struct isms_page *page,
                                 const struct isms_control_guidance *g);
/* "runs": the checklist runs (of `control` when not NULL), for the control's
 * evidence and the checklist page (checklists.c). */
int isms_page_add_checklist_runs(struct isms_page *page, const char *control);

/* Registers and administration (links.c): a positive id from a path or
 * form, else ISMS_ENOTFOUND naming `what`; appends "name=value" URL-encoded
 * to a query string (nothing for an empty value); one <select> option; the
 * errors a form shows to its user instead of an error page; sets ctx[key] to
 * the translation of `msgid` (nothing for NULL); sets a form's "error"
 * (`error_text`, a msgid or NULL) and its "notice" ("Saved." after a
 * ?saved=1 redirect); 303 See Other to "/orgs/{the request's org}/" followed
 * by `format` (at most 256 bytes in all). */
struct isms_buf;
int isms_page_parse_id(int64_t *out, const char *text, const char *what);
int isms_page_query_add(struct isms_buf *query, const char *name, const char *value);
json_t *isms_page_option(const char *value, const char *label, bool selected);
bool isms_page_is_user_error(int error);
int isms_page_set_message(struct isms_page *page, const char *key, const char *msgid);
int isms_page_set_form_messages(struct isms_page *page, const char *error_text);
int isms_page_redirect_in_org(struct isms_web_response *res, const struct isms_web_request *req,
                              const char *format, ...) ISMS_PRINTF(3, 4);

/* Error pages (error.c): true for paths that are pages (not /api, not
 * /healthz); the error page for `error` (the thread's last message as its
 * detail, none for 5xx, which is logged instead) with `status`, or the
 * error's own status when 0, and an Allow header when `allow` is set. */
bool isms_page_path(const char *path);
int isms_page_error(struct isms_web_response *res, struct isms_web_request *req, int error,
                    unsigned status, const char *allow);

#endif

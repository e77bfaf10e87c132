/*
 * Small helpers the register and administration pages share: ids taken from
 * paths and forms, query strings rebuilt for pagination and export links,
 * the choice lists (<select> options) the templates render, and the
 * messages and redirects of their forms.
 */
#include "isms_setup.h"
#include "catalog/catalog.h"
#include "isms/control_attributes.h"
#include "util/buf.h"
#include "util/error.h"
#include "web/http/form.h"
#include "web/http/id_param.h"
#include "web/http/request.h"
#include "web/pages/pages.h"

int isms_page_parse_id(int64_t *out, const char *text, const char *what)
{
    /* Pages refuse 19 digits and more even when they fit in an int64. */
    if (text && strlen(text) > 18) {
        *out = 0;
        return isms_error_set(ISMS_ENOTFOUND, "%s '%.40s' not found", what, text);
    }
    return isms_web_parse_id(out, text, ISMS_ENOTFOUND, what);
}

int isms_page_query_add(struct isms_buf *query, const char *name, const char *value)
{
    static const char hex[] = "0123456789ABCDEF";
    int error;

    if (!value || !*value)
        return 0;
    if ((query->len && (error = isms_buf_putc(query, '&')) < 0) ||
        (error = isms_buf_puts(query, name)) < 0 || (error = isms_buf_putc(query, '=')) < 0)
        return error;
    for (const unsigned char *p = (const unsigned char *)value; *p; p++) {
        char enc[3] = {'%', hex[*p >> 4], hex[*p & 15]};
        bool plain = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                     (*p >= '0' && *p <= '9') || strchr("-._~", *p);
        if ((error = plain ? isms_buf_putc(query, (char)*p) : isms_buf_put(query, enc, 3)) < 0)
            return error;
    }
    return 0;
}

json_t *isms_page_option(const char *value, const char *label, bool selected)
{
    return json_pack("{s:s,s:s,s:b}", "value", value, "label", label, "selected", selected);
}

bool isms_page_is_user_error(int error)
{
    return error == ISMS_EINVALID || error == ISMS_ETOOBIG || error == ISMS_ENOTFOUND ||
           error == ISMS_ECONFLICT;
}

json_t *isms_page_attributes(const struct isms_page *page, const struct isms_control *c)
{
    bool ja = page->lang == ISMS_LANG_JA;
    json_t *list = json_array();
    char tags[512];

    for (int k = 0; list && k < ISMS_ATTR_KINDS; k++) {
        const char *values = isms_attribute_values(c, (enum isms_attribute_kind)k);
        if (!*values)
            continue;
        isms_attribute_tags(tags, sizeof(tags), values, ja);
        json_array_append_new(list, json_pack("{s:s,s:s}", "name",
                                              isms_attribute_name((enum isms_attribute_kind)k, ja),
                                              "tags", tags));
    }
    return list;
}

int isms_page_set_message(struct isms_page *page, const char *key, const char *msgid)
{
    if (!msgid)
        return 0;
    /* The error just raised comes already formatted, with its values: its
     * Japanese form was made alongside (util/error.h). */
    if (page->lang == ISMS_LANG_JA && strcmp(msgid, isms_error_last()) == 0 &&
        strcmp(isms_error_last_ja(), msgid) != 0)
        return isms_page_set(page, key, json_string(isms_error_last_ja()));
    return isms_page_set(page, key, json_string(isms_page_t(page, msgid)));
}

int isms_page_set_form_messages(struct isms_page *page, const char *error_text)
{
    int error;

    if ((error = isms_page_set_message(page, "error", error_text)) < 0)
        return error;
    return isms_page_set_message(page, "notice",
                                 isms_web_request_query(page->req, "saved") ? "Saved." : NULL);
}

int isms_page_redirect_in_org(struct isms_web_response *res, const struct isms_web_request *req,
                              const char *format, ...)
{
    /* Room for a list's filters carried back: a 200-byte search encodes to 600. */
    char location[2048];
    va_list ap;
    int n;

    n = snprintf(location, sizeof(location), "/orgs/%s/", req->org.slug);
    va_start(ap, format);
    vsnprintf(location + n, sizeof(location) - (size_t)n, format, ap);
    va_end(ap);
    return isms_page_redirect(res, location);
}

json_t *isms_page_form_input(const struct isms_form *form)
{
    json_t *input = json_object();

    for (size_t i = 0; input && i < form->count; i++)
        if (!json_object_get(input, form->fields[i].name))
            json_object_set_new(input, form->fields[i].name, json_string(form->fields[i].value));
    return input;
}

int isms_page_form_done(struct isms_web_response *res, struct isms_web_request *req,
                        struct isms_form *form, int error, const char *location,
                        isms_page_refused_fn refused, const void *ctx)
{
    if (error == 0) {
        error = location[0] == '/' ? isms_page_redirect(res, location)
                                   : isms_page_redirect_in_org(res, req, "%s", location);
    } else if (isms_page_is_user_error(error)) {
        /* Rendering may raise errors of its own: the reason is kept first. */
        char message[512];
        snprintf(message, sizeof(message), "%s", isms_error_last());
        error = refused(res, req, message, form, (unsigned)isms_error_http_status(error), ctx);
    }
    isms_form_release(form);
    return error;
}

/*
 * The threat library: built-in threats under /api/threats, an org's own
 * threats under /api/orgs/{org}/threats.
 */
#include "isms_setup.h"
#include "catalog/threats.h"
#include "export/json_util.h"
#include "export/threat_json.h"
#include "isms/threat.h"
#include "util/error.h"
#include "web/http/request.h"
#include "web/http/response.h"
#include "web/http/router.h"

#define QUERY_MAX 200

/* Case-insensitive for ASCII; Japanese text matches byte for byte. */
static bool contains(const char *haystack, const char *needle)
{
    size_t n = strlen(needle);

    for (const char *h = haystack; *h; h++) {
        size_t i = 0;
        while (i < n && h[i] &&
               (h[i] == needle[i] ||
                ((unsigned char)h[i] < 0x80 && (h[i] | 0x20) == (needle[i] | 0x20) &&
                 (h[i] | 0x20) >= 'a' && (h[i] | 0x20) <= 'z')))
            i++;
        if (i == n)
            return true;
    }
    return n == 0;
}

static bool matches(const struct isms_threat *t, const char *q)
{
    return !q || contains(t->id, q) || contains(t->name_en, q) || contains(t->name_ja, q) ||
           contains(t->summary_en, q) || contains(t->summary_ja, q);
}

static int read_filters(const char **source, const char **q, const struct isms_web_request *req)
{
    *source = isms_web_request_query(req, "source");
    *q = isms_web_request_query(req, "q");
    if (*q && strlen(*q) > QUERY_MAX)
        return isms_error_set(ISMS_EINVALID, _("'q' is longer than %d bytes"), QUERY_MAX);
    if (*q && !**q)
        *q = NULL;
    if (*source && strcmp(*source, ISMS_THREAT_SOURCE_OWN) == 0)
        return isms_error_set(ISMS_EINVALID,
                              _("own threats are listed at /api/orgs/{org}/threats"));
    if (*source && !isms_threat_source_get(*source))
        return isms_error_set(ISMS_EINVALID, _("'source' must be enisa, x1601 or ipa, not '%.40s'"),
                              *source);
    return 0;
}

static bool add_source(json_t *sources, json_t *threats, const struct isms_threat_source *s,
                       const char *q)
{
    if (json_array_append_new(sources, isms_json_threat_source(s)) < 0)
        return false;
    for (size_t i = 0; i < s->count; i++)
        if (matches(&s->threats[i], q) &&
            json_array_append_new(threats, isms_json_threat(&s->threats[i])) < 0)
            return false;
    return true;
}

static int handle_threats_list(struct isms_web_response *res, struct isms_web_request *req)
{
    const char *source, *q;
    json_t *sources, *threats;
    bool ok = true;
    int error;

    if ((error = isms_threats_load()) < 0 || (error = read_filters(&source, &q, req)) < 0)
        return error;
    sources = json_array();
    threats = json_array();
    for (size_t i = 0; ok && sources && threats && i < isms_threat_source_count(); i++) {
        const struct isms_threat_source *s = isms_threat_source_at(i);
        if (!source || strcmp(source, s->key) == 0)
            ok = add_source(sources, threats, s, q);
    }
    if (!ok || !sources || !threats) {
        json_decref(sources);
        json_decref(threats);
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    }
    return isms_web_respond_json(res, 200,
                                 json_pack("{s:o, s:I, s:o}", "sources", sources, "count",
                                           (json_int_t)json_array_size(threats), "threats",
                                           threats));
}

static int handle_threats_get(struct isms_web_response *res, struct isms_web_request *req)
{
    const char *source = isms_web_request_param(req, "source");
    const char *id = isms_web_request_param(req, "id");
    const struct isms_threat *t;
    int error;

    if ((error = isms_threats_load()) < 0)
        return error;
    if (!(t = isms_threat_builtin_find(source, id)))
        return isms_error_set(ISMS_ENOTFOUND, _("threat '%.20s:%.40s' not found"), source, id);
    return isms_web_respond_json(res, 200, isms_json_threat(t));
}

static int handle_org_threats_list(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_own_threat *own = NULL;
    json_t *list;
    bool ok = true;
    size_t count = 0;
    int error;

    if ((error = isms_threat_list_own(&own, &count, req->store, req->org.id)) < 0)
        return error;
    list = json_array();
    for (size_t i = 0; ok && i < count; i++)
        ok = isms_json_append(list, isms_json_own_threat(&own[i]));
    free(own);
    if (!(list = isms_json_done(list, ok)))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    return isms_web_respond_json(res, 200, json_pack("{s:o}", "threats", list));
}

static int handle_org_threats_create(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_threat_input input;
    struct isms_own_threat t;
    char location[128];
    int error;

    if ((error = isms_json_threat_input(&input, req->json)) < 0 ||
        (error = isms_threat_add(&t, req->store, &req->actor, req->org.id, &input)) < 0)
        return error;
    snprintf(location, sizeof(location), "/api/orgs/%" PRId64 "/threats/%" PRId64, req->org.id,
             t.id);
    if ((error = isms_web_respond_json(res, 201, isms_json_own_threat(&t))) < 0)
        return error;
    return isms_web_response_header(res, "Location", location);
}

static int handle_org_threats_get(struct isms_web_response *res, struct isms_web_request *req)
{
    const char *id_text = isms_web_request_param(req, "id");
    struct isms_own_threat t;
    char *end;
    long long id;
    int error;

    errno = 0;
    id = strtoll(id_text, &end, 10);
    if (*end || errno || id <= 0)
        return isms_error_set(ISMS_ENOTFOUND, _("threat 'own:%.40s' not found"), id_text);
    if ((error = isms_threat_get_own(&t, req->store, req->org.id, id)) < 0)
        return error;
    return isms_web_respond_json(res, 200, isms_json_own_threat(&t));
}

const struct isms_web_route isms_api_threats_routes[] = {
    {"GET", "/api/threats", handle_threats_list, 0},
    {"GET", "/api/threats/{source}/{id}", handle_threats_get, 0},
    {"GET", "/api/orgs/{org}/threats", handle_org_threats_list, ISMS_WEB_NEEDS_ORG},
    {"POST", "/api/orgs/{org}/threats", handle_org_threats_create,
     ISMS_WEB_NEEDS_ORG | ISMS_WEB_NEEDS_JSON},
    {"GET", "/api/orgs/{org}/threats/{id}", handle_org_threats_get, ISMS_WEB_NEEDS_ORG},
    {NULL, NULL, NULL, 0},
};

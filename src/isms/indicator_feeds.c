/*
 * Indicators from threat-intelligence feeds: STIX 2.1 bundles (indicator
 * objects whose pattern compares an observable's value: ipv4-addr,
 * ipv6-addr, domain-name, url, email-addr, file hashes, directory paths and
 * registry keys; valid_from and valid_until give the active period, TLP
 * 1.0 and 2.0 markings the TLP) and MISP events
 * (attributes with to_ids set; ip-src is inbound, ip-dst outbound; the
 * event's info is the threat, its tlp: tag the TLP).
 */
#include "isms_setup.h"
#include <jansson.h>
#include <strings.h>
#include "engines/ioc/ioc.h"
#include "isms/indicator_feeds.h"
#include "util/error.h"

/* `needle` within the `len` bytes at `p` (which need no NUL). */
static bool contains(const char *p, size_t len, const char *needle)
{
    size_t n = strlen(needle);

    for (size_t i = 0; n <= len && i <= len - n; i++)
        if (p[i] == needle[0] && memcmp(p + i, needle, n) == 0)
            return true;
    return false;
}

enum isms_indicator_format isms_indicator_sniff_json(const char *data, size_t len)
{
    const char *p = data, *end = data + len;

    while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
        p++;
    if (p == end || *p != '{')
        return ISMS_INDICATOR_AUTO;
    /* The first keys tell: an event has "Event", a bundle "objects", a
     * warning list its "list". */
    size_t head = (size_t)(end - p) < 4096 ? (size_t)(end - p) : 4096;
    if (contains(p, head, "\"Event\""))
        return ISMS_INDICATOR_MISP;
    if (!contains(p, head, "\"objects\"") && contains(p, head, "\"list\""))
        return ISMS_INDICATOR_WARNINGLIST;
    return ISMS_INDICATOR_STIX;
}

/* "2026-01-01T00:00:00Z" -> the date; unset for none or a bad one. */
static void take_date(struct isms_date *out, const json_t *value)
{
    const char *text = json_string_value(value);
    char day[ISMS_DATE_SIZE];

    memset(out, 0, sizeof(*out));
    if (!text || strlen(text) < 10)
        return;
    snprintf(day, sizeof(day), "%.10s", text);
    if (isms_date_parse(out, day) < 0)
        memset(out, 0, sizeof(*out));
}

static const char *keep(struct isms_indicator_import *out, const char *text)
{
    char cut[ISMS_INDICATOR_TEXT_MAX + 1];

    snprintf(cut, sizeof(cut), "%s", text ? text : "");
    return isms_arena_strdup(&out->texts, cut);
}

/* ---------------------------------------------------------------- STIX */

/* The TLP of an object: one of the fixed marking-definition ids of TLP 1.0
 * (STIX 2.1) and TLP 2.0 (the OASIS TLP 2.0 marking definitions), or a
 * marking-definition of the bundle named TLP:... or with definition.tlp. */
static bool tlp_of_marking(enum isms_tlp *out, const json_t *objects, const char *ref)
{
    static const struct {
        const char *id;
        enum isms_tlp tlp;
    } fixed[] = {
        {"marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9", ISMS_TLP_CLEAR},
        {"marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da", ISMS_TLP_GREEN},
        {"marking-definition--f88d31f6-486f-44da-b317-01333bde0b82", ISMS_TLP_AMBER},
        {"marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed", ISMS_TLP_RED},
        {"marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487", ISMS_TLP_CLEAR},
        {"marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb", ISMS_TLP_GREEN},
        {"marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421", ISMS_TLP_AMBER},
        {"marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003", ISMS_TLP_AMBER_STRICT},
        {"marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1", ISMS_TLP_RED},
    };
    size_t i;
    json_t *o;

    for (i = 0; i < ISMS_ARRAY_SIZE(fixed); i++)
        if (strcmp(ref, fixed[i].id) == 0) {
            *out = fixed[i].tlp;
            return true;
        }
    json_array_foreach(objects, i, o)
    {
        const char *id = json_string_value(json_object_get(o, "id"));
        const char *name = json_string_value(json_object_get(o, "name"));
        const char *tlp = json_string_value(
            json_object_get(json_object_get(o, "definition"), "tlp"));
        if (!id || strcmp(id, ref) != 0)
            continue;
        if (name && isms_tlp_parse(out, name) == 0)
            return true;
        if (tlp && strcasecmp(tlp, "white") == 0) {
            *out = ISMS_TLP_CLEAR;
            return true;
        }
        return tlp && isms_tlp_parse(out, tlp) == 0;
    }
    return false;
}

/* Each "<object>:<path> = '<value>'" of a pattern, OR-joined comparisons
 * each one indicator; other operators are not exact values and are left. */
static int stix_pattern(struct isms_indicator_import *out, size_t where, const char *pattern,
                        const struct isms_indicator *fields, bool skip_bad, size_t *found)
{
    static const char *const objects[] = {
        "ipv4-addr:value",  "ipv6-addr:value", "domain-name:value",        "url:value",
        "email-addr:value", "file:hashes.",    "windows-registry-key:key", "directory:path"};
    const char *p = pattern;
    int error;

    while ((p = strchr(p, '['))) {
        const char *close = strchr(p, ']'), *eq, *q1, *q2;
        char value[ISMS_IOC_VALUE_MAX + 1];
        bool known = false;
        if (!close)
            break;
        for (size_t i = 0; i < ISMS_ARRAY_SIZE(objects); i++) {
            const char *at = strstr(p, objects[i]);
            known |= at && at < close;
        }
        eq = strstr(p, " = '");
        q1 = eq && eq < close ? eq + 4 : NULL;
        q2 = q1 ? strchr(q1, '\'') : NULL;
        if (known && q2 && q2 < close && (size_t)(q2 - q1) <= ISMS_IOC_VALUE_MAX &&
            !contains(p, (size_t)(close - p), " AND ")) {
            snprintf(value, sizeof(value), "%.*s", (int)(q2 - q1), q1);
            if ((error = isms_indicator_add_value(out, where, 0, value, fields, skip_bad)) < 0)
                return error;
            (*found)++;
        }
        p = close + 1;
    }
    return 0;
}

static int parse_stix(struct isms_indicator_import *out, const json_t *doc, bool skip_bad)
{
    const json_t *objects = json_object_get(doc, "objects");
    size_t i;
    json_t *o;
    int error;

    if (!json_is_array(objects))
        return isms_error_set(ISMS_EINVALID, _("a STIX bundle needs its 'objects'"));
    json_array_foreach(objects, i, o)
    {
        struct isms_indicator fields = {
            .tlp = ISMS_TLP_AMBER, .direction = ISMS_DIRECTION_BOTH, .confidence = -1};
        const char *pattern = json_string_value(json_object_get(o, "pattern"));
        const json_t *refs = json_object_get(o, "object_marking_refs"), *ref, *conf;
        size_t k, found = 0;
        if (!json_is_string(json_object_get(o, "type")) ||
            strcmp(json_string_value(json_object_get(o, "type")), "indicator") != 0)
            continue;
        json_array_foreach(refs, k, ref)
        {
            if (json_is_string(ref))
                tlp_of_marking(&fields.tlp, objects, json_string_value(ref));
        }
        take_date(&fields.active_from, json_object_get(o, "valid_from"));
        take_date(&fields.active_until, json_object_get(o, "valid_until"));
        if (json_is_integer(conf = json_object_get(o, "confidence")) &&
            json_integer_value(conf) >= 0 && json_integer_value(conf) <= 100)
            fields.confidence = (int)json_integer_value(conf);
        if (!(fields.threat = keep(out, json_string_value(json_object_get(o, "name")))) ||
            !(fields.source = keep(out, "STIX")) || !(fields.tags = keep(out, "")))
            return isms_error_set(ISMS_ENOMEM, "out of memory");
        if (!pattern)
            continue;
        if ((error = stix_pattern(out, i + 1, pattern, &fields, skip_bad, &found)) < 0)
            return error;
        if (!found && !skip_bad)
            isms_import_error_add(&out->errors, i + 1, 0, NULL,
                                  _("indicator %zu: its pattern compares no IP address, domain, "
                                    "URL, e-mail address, hash, path or registry key with '='"),
                                  i + 1);
        else if (!found)
            out->skipped++;
    }
    return 0;
}

/* ---------------------------------------------------------------- MISP */

/* The value of an attribute of a composite type ("ip-dst|port",
 * "filename|sha256", "domain|ip"): the part the type names an indicator by. */
static void misp_value(char out[ISMS_IOC_VALUE_MAX + 1], const char *type, const char *value)
{
    const char *bar = strchr(value, '|');

    if (!bar) {
        snprintf(out, ISMS_IOC_VALUE_MAX + 1, "%s", value);
        return;
    }
    if (strncmp(type, "filename|", 9) == 0)
        snprintf(out, ISMS_IOC_VALUE_MAX + 1, "%s", bar + 1);
    else
        snprintf(out, ISMS_IOC_VALUE_MAX + 1, "%.*s", (int)(bar - value), value);
}

static bool misp_type_known(const char *type)
{
    static const char *const types[] = {
        "ip-src",   "ip-dst",    "ip-src|port",  "ip-dst|port",   "domain",
        "hostname", "domain|ip", "url",          "uri",           "md5",
        "sha1",     "sha256",    "filename|md5", "filename|sha1", "filename|sha256",
        "email",    "email-src", "email-dst",    "regkey",        "regkey|value",
        "filename"};

    for (size_t i = 0; i < ISMS_ARRAY_SIZE(types); i++)
        if (strcmp(type, types[i]) == 0)
            return true;
    return false;
}

static int misp_attributes(struct isms_indicator_import *out, const json_t *attributes,
                           const struct isms_indicator *event, bool skip_bad, size_t *place)
{
    size_t i;
    json_t *a;
    int error;

    json_array_foreach(attributes, i, a)
    {
        const char *type = json_string_value(json_object_get(a, "type"));
        const char *value = json_string_value(json_object_get(a, "value"));
        const json_t *to_ids = json_object_get(a, "to_ids");
        struct isms_indicator fields = *event;
        char v[ISMS_IOC_VALUE_MAX + 1];
        (*place)++;
        /* Attributes not meant for detection (to_ids false) and kinds we
         * do not match (comments, mutexes, a bare file name) are left out. */
        if (!type || !value || json_is_false(to_ids) || !misp_type_known(type) ||
            (strcmp(type, "filename") == 0 && !isms_ioc_canonical_path(v, value, strlen(value))))
            continue;
        if (strncmp(type, "ip-src", 6) == 0)
            fields.direction = ISMS_DIRECTION_INBOUND;
        else if (strncmp(type, "ip-dst", 6) == 0)
            fields.direction = ISMS_DIRECTION_OUTBOUND;
        take_date(&fields.first_seen, json_object_get(a, "first_seen"));
        misp_value(v, type, value);
        if ((error = isms_indicator_add_value(out, *place, 0, v, &fields, skip_bad)) < 0)
            return error;
    }
    return 0;
}

static int parse_misp(struct isms_indicator_import *out, const json_t *doc, bool skip_bad)
{
    const json_t *event = json_object_get(doc, "Event"), *tags, *tag, *objects, *o;
    struct isms_indicator fields = {
        .tlp = ISMS_TLP_AMBER, .direction = ISMS_DIRECTION_BOTH, .confidence = -1};
    size_t i, place = 0;
    int error;

    if (!json_is_object(event))
        return isms_error_set(ISMS_EINVALID, _("a MISP event needs its 'Event'"));
    tags = json_object_get(event, "Tag");
    json_array_foreach(tags, i, tag)
    {
        const char *name = json_string_value(json_object_get(tag, "name"));
        if (name && strncasecmp(name, "tlp:", 4) == 0 &&
            isms_tlp_parse(&fields.tlp, name + 4) < 0 && strcasecmp(name + 4, "white") == 0)
            fields.tlp = ISMS_TLP_CLEAR;
    }
    if (!(fields.threat = keep(out, json_string_value(json_object_get(event, "info")))) ||
        !(fields.source = keep(out, "MISP")) || !(fields.tags = keep(out, "")))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    if ((error = misp_attributes(out, json_object_get(event, "Attribute"), &fields, skip_bad,
                                 &place)) < 0)
        return error;
    objects = json_object_get(event, "Object");
    json_array_foreach(objects, i, o)
    {
        if ((error = misp_attributes(out, json_object_get(o, "Attribute"), &fields, skip_bad,
                                     &place)) < 0)
            return error;
    }
    return 0;
}

/* ---------------------------------------------------------- warning list */

/* {"name", "type": "string" | "cidr" | "hostname", "list": [...]}: each entry
 * allowed; a hostname list's ".example.com" stands for the domain and its
 * subdomains, as our domains always do. Substring and regex lists match no
 * exact value and are refused. */
static int parse_warninglist(struct isms_indicator_import *out, const json_t *doc, bool skip_bad)
{
    const char *type = json_string_value(json_object_get(doc, "type"));
    const json_t *list = json_object_get(doc, "list"), *entry;
    struct isms_indicator fields = {
        .tlp = ISMS_TLP_CLEAR, .direction = ISMS_DIRECTION_BOTH, .confidence = -1, .allow = true};
    size_t i;
    int error;

    if (!json_is_array(list))
        return isms_error_set(ISMS_EINVALID, _("a warning list needs its 'list'"));
    if (type && strcmp(type, "string") != 0 && strcmp(type, "cidr") != 0 &&
        strcmp(type, "hostname") != 0)
        return isms_error_set(ISMS_EINVALID,
                              _("a warning list of type '%.20s' holds no exact values: only "
                                "string, cidr and hostname lists are read"),
                              type);
    if (!(fields.threat = keep(out, json_string_value(json_object_get(doc, "name")))) ||
        !(fields.source = keep(out, "MISP warning list")) || !(fields.tags = keep(out, "")))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    json_array_foreach(list, i, entry)
    {
        const char *value = json_string_value(entry);
        if (!value)
            continue;
        while (*value == '.')
            value++;
        if ((error = isms_indicator_add_value(out, i + 1, 0, value, &fields, skip_bad)) < 0)
            return error;
    }
    return 0;
}

int isms_indicator_parse_feed(struct isms_indicator_import *out, const char *data, size_t len,
                              enum isms_indicator_format format, bool skip_bad)
{
    json_error_t err;
    json_t *doc = json_loadb(data, len, JSON_REJECT_DUPLICATES, &err);
    int error;

    if (!doc)
        return isms_error_set(ISMS_EINVALID, _("malformed JSON: %s (line %d, column %d)"), err.text,
                              err.line, err.column);
    error = format == ISMS_INDICATOR_STIX   ? parse_stix(out, doc, skip_bad)
            : format == ISMS_INDICATOR_MISP ? parse_misp(out, doc, skip_bad)
                                            : parse_warninglist(out, doc, skip_bad);
    json_decref(doc);
    return error;
}

#include "isms_setup.h"
#include "model/incident.h"
#include "util/error.h"
#include "util/names.h"

static const char *const kinds[] = {"", "hit", "alert"};
static const char *const severities[] = {"", "low", "medium", "high", "critical"};
static const char *const severities_ja[] = {"", "低", "中", "高", "緊急"};
static const char *const severities_en[] = {"", "Low", "Medium", "High", "Critical"};
static const char *const statuses[] = {"", "new", "triage", "contained", "resolved", "closed"};
static const char *const statuses_ja[] = {"",         "新規", "トリアージ", "封じ込め済み",
                                          "解決済み", "終結"};
static const char *const statuses_en[] = {"", "New", "Triage", "Contained", "Resolved", "Closed"};
static const char *const entry_kinds[] = {"",         "opened", "note",     "status",
                                          "severity", "event",  "evidence", "link"};
static const char *const targets[] = {"", "risk", "asset", "control"};

static const char *pick(const char *const names[], size_t n, int v)
{
    return v > 0 && (size_t)v < n ? names[v] : "";
}

#define NAME_OF(table, v) pick(table, ISMS_ARRAY_SIZE(table), (int)(v))

static int find(int *out, const char *const names[], size_t n, const char *text)
{
    int i = isms_names_find(names, 1, (int)n - 1, text);

    if (i < 0)
        return ISMS_EINVALID;
    *out = i;
    return 0;
}

const char *isms_event_kind_name(enum isms_event_kind k)
{
    return NAME_OF(kinds, k);
}

int isms_event_kind_parse(enum isms_event_kind *out, const char *text)
{
    int v;

    if (find(&v, kinds, ISMS_ARRAY_SIZE(kinds), text) < 0)
        return isms_error_set(ISMS_EINVALID, _("'kind' must be hit or alert, not '%.40s'"),
                              text ? text : "");
    *out = (enum isms_event_kind)v;
    return 0;
}

const char *isms_severity_name(enum isms_incident_severity s)
{
    return NAME_OF(severities, s);
}

const char *isms_severity_label_ja(enum isms_incident_severity s)
{
    return NAME_OF(severities_ja, s);
}

const char *isms_severity_label_en(enum isms_incident_severity s)
{
    return NAME_OF(severities_en, s);
}

int isms_severity_parse(enum isms_incident_severity *out, const char *text)
{
    int v;

    if (find(&v, severities, ISMS_ARRAY_SIZE(severities), text) < 0 &&
        find(&v, severities_ja, ISMS_ARRAY_SIZE(severities_ja), text) < 0)
        return isms_error_set(ISMS_EINVALID,
                              _("'severity' must be low, medium, high or critical, not '%.40s'"),
                              text ? text : "");
    *out = (enum isms_incident_severity)v;
    return 0;
}

const char *isms_incident_status_name(enum isms_incident_status s)
{
    return NAME_OF(statuses, s);
}

const char *isms_incident_status_label_ja(enum isms_incident_status s)
{
    return NAME_OF(statuses_ja, s);
}

const char *isms_incident_status_label_en(enum isms_incident_status s)
{
    return NAME_OF(statuses_en, s);
}

int isms_incident_status_parse(enum isms_incident_status *out, const char *text)
{
    int v;

    if (find(&v, statuses, ISMS_ARRAY_SIZE(statuses), text) < 0 &&
        find(&v, statuses_ja, ISMS_ARRAY_SIZE(statuses_ja), text) < 0)
        return isms_error_set(ISMS_EINVALID,
                              _("'status' must be new, triage, contained, resolved or closed, "
                                "not '%.40s'"),
                              text ? text : "");
    *out = (enum isms_incident_status)v;
    return 0;
}

const char *isms_incident_entry_kind_name(enum isms_incident_entry_kind k)
{
    return NAME_OF(entry_kinds, k);
}

int isms_incident_entry_kind_parse(enum isms_incident_entry_kind *out, const char *text)
{
    int v;

    if (find(&v, entry_kinds, ISMS_ARRAY_SIZE(entry_kinds), text) < 0)
        return isms_error_set(ISMS_EINVALID, "unknown timeline entry kind '%.40s'",
                              text ? text : "");
    *out = (enum isms_incident_entry_kind)v;
    return 0;
}

const char *isms_incident_link_target_name(enum isms_incident_link_target t)
{
    return NAME_OF(targets, t);
}

int isms_incident_link_target_parse(enum isms_incident_link_target *out, const char *text)
{
    int v;

    if (find(&v, targets, ISMS_ARRAY_SIZE(targets), text) < 0)
        return isms_error_set(ISMS_EINVALID,
                              _("'target' must be risk, asset or control, not "
                                "'%.40s'"),
                              text ? text : "");
    *out = (enum isms_incident_link_target)v;
    return 0;
}

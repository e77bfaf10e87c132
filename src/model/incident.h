/*
 * Events and incidents (capability A14; ISO/IEC 27001:2022 5.24-5.28 and
 * 8.16): an event is what monitoring saw (a burst of indicator hits from
 * one source, or a rule's alerts for one key), an incident what the team
 * handles, with a timeline, evidence and links to risks, assets and
 * controls.
 */
#ifndef ISMS_MODEL_INCIDENT_H
#define ISMS_MODEL_INCIDENT_H

#include <stdbool.h>
#include <stdint.h>
#include "util/time.h"

#define ISMS_EVENT_TEXT_MAX 300
#define ISMS_EVENT_SAMPLE_MAX 500
#define ISMS_INCIDENT_TITLE_MAX 200
#define ISMS_INCIDENT_TEXT_MAX 4000
#define ISMS_EVENT_WINDOW_DEFAULT 3600 /* seconds: later occurrences merge into an event */

enum isms_event_kind {
    ISMS_EVENT_HIT = 1, /* a log token matched an indicator */
    ISMS_EVENT_ALERT,   /* a threshold rule fired */
};

struct isms_event {
    int64_t id;
    enum isms_event_kind kind;
    char signature[ISMS_EVENT_TEXT_MAX + 1]; /* the indicator as stored, or the rule id */
    char type[16];                           /* the indicator's type, or "rule" */
    char source[ISMS_EVENT_TEXT_MAX + 1];    /* as the log wrote it, or the rule's key */
    char name[ISMS_EVENT_TEXT_MAX + 1];      /* the related threat, or the rule's name */
    char origin[ISMS_EVENT_TEXT_MAX + 1];
    int64_t line;
    char sample[ISMS_EVENT_SAMPLE_MAX + 1];
    char first_at[ISMS_TIMESTAMP_SIZE], last_at[ISMS_TIMESTAMP_SIZE];
    int64_t count;
    int64_t indicator_id; /* 0: none (an alert, or since deleted) */
    int64_t incident_id;  /* 0: not part of an incident */
};

enum isms_incident_severity {
    ISMS_SEVERITY_LOW = 1,
    ISMS_SEVERITY_MEDIUM,
    ISMS_SEVERITY_HIGH,
    ISMS_SEVERITY_CRITICAL,
};
#define ISMS_SEVERITY_COUNT 4

enum isms_incident_status {
    ISMS_INCIDENT_NEW = 1,
    ISMS_INCIDENT_TRIAGE,
    ISMS_INCIDENT_CONTAINED,
    ISMS_INCIDENT_RESOLVED,
    ISMS_INCIDENT_CLOSED,
};
#define ISMS_INCIDENT_STATUS_COUNT 5

struct isms_incident {
    int64_t id;
    char title[ISMS_INCIDENT_TITLE_MAX + 1];
    char description[ISMS_INCIDENT_TEXT_MAX + 1];
    enum isms_incident_severity severity;
    enum isms_incident_status status;
    char opened_at[ISMS_TIMESTAMP_SIZE];
    char opened_by[80];
    char closed_at[ISMS_TIMESTAMP_SIZE]; /* "" while open */
    char updated_at[ISMS_TIMESTAMP_SIZE];
    int64_t event_count;
};

enum isms_incident_entry_kind {
    ISMS_ENTRY_OPENED = 1,
    ISMS_ENTRY_NOTE,
    ISMS_ENTRY_STATUS,
    ISMS_ENTRY_SEVERITY,
    ISMS_ENTRY_EVENT,
    ISMS_ENTRY_EVIDENCE,
    ISMS_ENTRY_LINK,
};

/* One line of the timeline. */
struct isms_incident_entry {
    int64_t id;
    enum isms_incident_entry_kind kind;
    char text[ISMS_INCIDENT_TEXT_MAX + 1];
    char at[ISMS_TIMESTAMP_SIZE];
    char author[80];
};

enum isms_incident_link_target {
    ISMS_LINK_RISK = 1,
    ISMS_LINK_ASSET,
    ISMS_LINK_CONTROL,
};

struct isms_incident_link {
    int64_t id;
    enum isms_incident_link_target target;
    char ref[64];    /* the risk's or asset's id, the control id */
    char label[256]; /* "#12 the risk's title", the asset's name, the control's title */
};

/* A burst of occurrences a scan saw: merged into the latest event of the
 * same kind, signature and source when it comes within `window` seconds
 * of it, else a new event. */
struct isms_event_burst {
    enum isms_event_kind kind;
    const char *signature, *type, *source, *name, *sample;
    int64_t line, first, last, count; /* first/last: epoch seconds */
    int64_t indicator_id;             /* 0: none */
};

/* Where a watched log was read to; stored with the events it gave. */
struct isms_log_offset {
    const char *path;
    int64_t device, inode, offset, line;
};

struct isms_event_record_counts {
    size_t added, merged;
};

struct isms_event_filter {
    const char *kind, *type, *q; /* "" or NULL: any; q: part of signature, source or name */
    bool open_only;              /* not part of an incident */
    int64_t incident_id;         /* only the events of this incident (0: any) */
    int64_t limit, offset;
};

/* "hit", "alert". */
const char *isms_event_kind_name(enum isms_event_kind k);
int isms_event_kind_parse(enum isms_event_kind *out, const char *text);
/* "low", "medium", "high", "critical"; parse also takes 低, 中, 高, 緊急. */
const char *isms_severity_name(enum isms_incident_severity s);
const char *isms_severity_label_ja(enum isms_incident_severity s);
const char *isms_severity_label_en(enum isms_incident_severity s);
int isms_severity_parse(enum isms_incident_severity *out, const char *text);
/* "new", "triage", "contained", "resolved", "closed". */
const char *isms_incident_status_name(enum isms_incident_status s);
const char *isms_incident_status_label_ja(enum isms_incident_status s);
const char *isms_incident_status_label_en(enum isms_incident_status s);
int isms_incident_status_parse(enum isms_incident_status *out, const char *text);
/* "opened", "note", "status", "severity", "event", "evidence", "link". */
const char *isms_incident_entry_kind_name(enum isms_incident_entry_kind k);
int isms_incident_entry_kind_parse(enum isms_incident_entry_kind *out, const char *text);
/* "risk", "asset", "control". */
const char *isms_incident_link_target_name(enum isms_incident_link_target t);
int isms_incident_link_target_parse(enum isms_incident_link_target *out, const char *text);

#endif

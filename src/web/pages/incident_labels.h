/* The words of events and incidents on the pages (ja/en), and their options. */
#ifndef ISMS_WEB_PAGES_INCIDENT_LABELS_H
#define ISMS_WEB_PAGES_INCIDENT_LABELS_H

#include "model/incident.h"
#include "web/pages/pages.h"

const char *isms_page_event_kind(const struct isms_page *page, enum isms_event_kind k);
/* The threat of a hit, or the rule's name (a built-in rule's in Japanese). */
const char *isms_page_event_name(const struct isms_page *page, const struct isms_event *e);
/* A rule's name: a built-in rule's in Japanese, else `name`. */
const char *isms_page_rule_name(const struct isms_page *page, const char *id, const char *name);
const char *isms_page_severity(const struct isms_page *page, enum isms_incident_severity s);
const char *isms_page_incident_status(const struct isms_page *page, enum isms_incident_status s);
const char *isms_page_link_target(const struct isms_page *page, enum isms_incident_link_target t);
const char *isms_page_entry_kind(const struct isms_page *page, enum isms_incident_entry_kind k);

/* <select> options; `chosen` a name ("medium", "triage") or NULL. */
json_t *isms_page_severity_options(const struct isms_page *page, const char *chosen);
json_t *isms_page_status_options(const struct isms_page *page, const char *chosen);

#endif

/*
 * Incidents (capability A14; ISO/IEC 27001:2022 5.24-5.28): raised from
 * events or by hand, with severity and status (new → triage → contained →
 * resolved → closed), a timeline of what was seen and done, evidence files
 * and links to the risks, assets and controls concerned. Every change is
 * a line of the timeline and a journal event.
 */
#ifndef ISMS_ISMS_INCIDENT_H
#define ISMS_ISMS_INCIDENT_H

#include "model/evidence.h"
#include "model/incident.h"

struct isms_store;
struct isms_actor;

struct isms_incident_input {
    const char *title, *description, *severity; /* severity: low ... critical */
    const int64_t *events;                      /* made part of the incident */
    size_t event_count;
};

/* ISMS_EINVALID naming the field; ISMS_ENOTFOUND / ISMS_ECONFLICT for an
 * event that is not the org's or already part of an incident. */
int isms_incident_open(int64_t *id_out, struct isms_store *store, int64_t org_id,
                       const struct isms_incident_input *in, const struct isms_actor *actor);

/* NULL fields are kept. An incident is closed only once resolved
 * (ISMS_ECONFLICT otherwise); closing and reopening are on the timeline. */
struct isms_incident_change {
    const char *title, *description, *severity, *status;
};
int isms_incident_update(struct isms_incident *out, struct isms_store *store, int64_t org_id,
                         int64_t id, const struct isms_incident_change *change,
                         const struct isms_actor *actor);

int isms_incident_note(struct isms_store *store, int64_t org_id, int64_t id, const char *text,
                       const struct isms_actor *actor);
int isms_incident_add_event(struct isms_store *store, int64_t org_id, int64_t id, int64_t event_id,
                            const struct isms_actor *actor);

/* target "risk" / "asset" with the id, "control" with its id ("8.16",
 * "A.5.7", "CLD.12.4.5"): checked to exist, and labelled with its title. */
int isms_incident_link(int64_t *id_out, struct isms_store *store, int64_t org_id, int64_t id,
                       const char *target, const char *ref, const struct isms_actor *actor);
int isms_incident_unlink(struct isms_store *store, int64_t org_id, int64_t id, int64_t link_id,
                         const struct isms_actor *actor);

/* A file or link as evidence of the incident (isms/evidence.h). */
int isms_incident_evidence_add(struct isms_evidence *out, struct isms_store *store, int64_t org_id,
                               int64_t id, const char *name, const void *data, size_t len,
                               const char *url, const struct isms_actor *actor);

/* Everything of one incident, for its page and the API. */
struct isms_incident_detail {
    struct isms_incident incident;
    struct isms_incident_entry *entries; /* oldest first */
    size_t entry_count;
    struct isms_incident_link *links;
    size_t link_count;
    struct isms_evidence *evidence;
    size_t evidence_count;
    struct isms_event *events;
    size_t event_count;
};
int isms_incident_load(struct isms_incident_detail *out, struct isms_store *store, int64_t org_id,
                       int64_t id);
void isms_incident_detail_release(struct isms_incident_detail *d);

int isms_incidents_list(struct isms_incident **out, size_t *count, struct isms_store *store,
                        int64_t org_id, const char *status);
int isms_incident_evidence_file(struct isms_evidence_file *out, struct isms_store *store,
                                int64_t org_id, int64_t id, int64_t evidence_id);

#endif

/*
 * SQL of the incidents, their timeline, links and evidence (rules in
 * isms/incident.c). Every statement filters by org_id.
 */
#ifndef ISMS_STORE_INCIDENTS_H
#define ISMS_STORE_INCIDENTS_H

#include "model/incident.h"
#include "store/evidence.h"

struct isms_store;
struct isms_actor;

/* Opens an incident with an "opened" entry and the events `event_ids`
 * (each an entry of the timeline), journaled "incident.open". An event
 * that is another org's, or already part of an incident, is ISMS_ECONFLICT. */
int isms_store_incident_open(int64_t *id_out, struct isms_store *store, int64_t org_id,
                             const struct isms_incident *incident, const int64_t *event_ids,
                             size_t event_count, const struct isms_actor *actor);

/* Incidents, newest first, of `status` unless it is 0, with their event counts. */
int isms_store_incidents_list(struct isms_incident **out, size_t *count, struct isms_store *store,
                              int64_t org_id, enum isms_incident_status status);

int isms_store_incident_get(struct isms_incident *out, struct isms_store *store, int64_t org_id,
                            int64_t id);

/* Saves the incident's title, description, severity and status (closed_at
 * set when it becomes closed, cleared when it is reopened) with the
 * timeline entries `entries` (what changed), journaled "incident.update". */
int isms_store_incident_update(struct isms_store *store, int64_t org_id,
                               const struct isms_incident *incident,
                               const struct isms_incident_entry *entries, size_t entry_count,
                               const struct isms_actor *actor);

/* Adds one timeline entry (a note), journaled "incident.note". */
int isms_store_incident_note(struct isms_store *store, int64_t org_id, int64_t id, const char *text,
                             const struct isms_actor *actor);

/* Makes event `event_id` part of the incident (a timeline entry `text`),
 * journaled "incident.event". ISMS_ECONFLICT when it is part of another. */
int isms_store_incident_add_event(struct isms_store *store, int64_t org_id, int64_t id,
                                  int64_t event_id, const char *text,
                                  const struct isms_actor *actor);

/* The timeline, oldest first. *out: free(). */
int isms_store_incident_entries(struct isms_incident_entry **out, size_t *count,
                                struct isms_store *store, int64_t org_id, int64_t id);

/* Links: added with a timeline entry, journaled "incident.link";
 * ISMS_ECONFLICT for one already there. */
int isms_store_incident_link_add(int64_t *id_out, struct isms_store *store, int64_t org_id,
                                 int64_t id, const struct isms_incident_link *link,
                                 const struct isms_actor *actor);
int isms_store_incident_links(struct isms_incident_link **out, size_t *count,
                              struct isms_store *store, int64_t org_id, int64_t id);
int isms_store_incident_link_delete(struct isms_store *store, int64_t org_id, int64_t id,
                                    int64_t link_id, const struct isms_actor *actor);

/* Where the evidence of an incident is kept; its subject is the incident's id. */
extern const struct isms_store_evidence_table isms_store_incident_evidence;

#endif

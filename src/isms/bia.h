/*
 * Business impact analysis (capability A16, ISO/IEC 27001:2022 A.5.30): see
 * model/bia.h. The check names every dependency whose own recovery time is
 * longer than its process's RTO (or whose recovery point is older than the
 * RPO allows, or is not known): the gaps the ICT continuity plan must close.
 */
#ifndef ISMS_ISMS_BIA_H
#define ISMS_ISMS_BIA_H

#include "model/bia.h"

struct isms_store;
struct isms_actor;

/* What forms, the API and the command line give: texts, parsed here.
 * Durations as isms_bia_duration_parse reads them. */
struct isms_bia_process_input {
    const char *name, *owner, *mtpd, *rto, *rpo;
    const char *rlo; /* "50" or "50%"; "" unset */
    const char *description;
};

struct isms_bia_dependency_input {
    const char *kind; /* "ict_service", "asset", "cloud_service" */
    const char *ref;  /* the asset's or cloud service's id, for those kinds */
    const char *name; /* the ICT service's name */
    const char *recovery_time, *recovery_point, *notes;
};

struct isms_bia_contact_input {
    const char *name, *role, *phone, *email, *priority, *notes;
};

struct isms_bia_exercise_input {
    const char *date;    /* YYYY-MM-DD */
    const char *process; /* a process id, or "" */
    const char *scenario, *result, *lessons, *follow_up;
};

enum isms_bia_gap_reason {
    ISMS_BIA_GAP_RTO = 1, /* recovers later than the process's RTO */
    ISMS_BIA_GAP_RPO,     /* loses more data than the process's RPO allows */
    ISMS_BIA_GAP_UNKNOWN, /* its recovery time is not known */
};

struct isms_bia_gap {
    const struct isms_bia_process *process;       /* in the isms_bia it came with */
    const struct isms_bia_dependency *dependency; /* likewise */
    enum isms_bia_gap_reason reason;
};

/* Everything of the org's BIA, with the check done. */
struct isms_bia {
    struct isms_bia_process *processes; /* gap_count set */
    size_t process_count;
    struct isms_bia_dependency *dependencies;
    size_t dependency_count;
    struct isms_bia_contact *contacts;
    size_t contact_count;
    struct isms_bia_exercise *exercises;
    size_t exercise_count;
    struct isms_bia_gap *gaps;
    size_t gap_count;
};

int isms_bia_load(struct isms_bia *out, struct isms_store *store, int64_t org_id);
void isms_bia_release(struct isms_bia *bia);

/* "rto", "rpo", "unknown". */
const char *isms_bia_gap_reason_name(enum isms_bia_gap_reason r);

/* Creates (id 0) or replaces process `id`; *out gets it as stored.
 * ISMS_EINVALID naming the field (a name is required; the RTO may not be
 * longer than the MTPD; RLO 1-100 %), ISMS_ECONFLICT for a name in use. */
int isms_bia_process_save(struct isms_bia_process *out, struct isms_store *store, int64_t org_id,
                          int64_t id, const struct isms_bia_process_input *in,
                          const struct isms_actor *actor);
int isms_bia_process_get(struct isms_bia_process *out, struct isms_store *store, int64_t org_id,
                         int64_t id);

/* The adders return the new id. ISMS_ENOTFOUND for a process, asset or
 * cloud service that is not the org's. */
int isms_bia_dependency_add(int64_t *id_out, struct isms_store *store, int64_t org_id,
                            int64_t process_id, const struct isms_bia_dependency_input *in,
                            const struct isms_actor *actor);
int isms_bia_contact_add(int64_t *id_out, struct isms_store *store, int64_t org_id,
                         const struct isms_bia_contact_input *in, const struct isms_actor *actor);
int isms_bia_exercise_add(int64_t *id_out, struct isms_store *store, int64_t org_id,
                          const struct isms_bia_exercise_input *in, const struct isms_actor *actor);

/* Deletes a record of the org (a process with its dependencies).
 * ISMS_ENOTFOUND when the org has no such record. */
int isms_bia_delete(struct isms_store *store, int64_t org_id, enum isms_bia_record what, int64_t id,
                    const struct isms_actor *actor);

#endif

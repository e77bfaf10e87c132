/*
 * SQL of the business impact analysis (rules in isms/bia.c). Every
 * statement filters by org_id; writes are journaled "bia.*".
 */
#ifndef ISMS_STORE_BIA_H
#define ISMS_STORE_BIA_H

#include "model/bia.h"

struct isms_store;
struct isms_actor;

/* Lists: *out is malloc'd (free() it). Processes by name, dependencies of
 * `process_id` (0: of every process) by id, contacts by priority,
 * exercises newest first. */
int isms_store_bia_processes(struct isms_bia_process **out, size_t *count, struct isms_store *store,
                             int64_t org_id);
int isms_store_bia_dependencies(struct isms_bia_dependency **out, size_t *count,
                                struct isms_store *store, int64_t org_id, int64_t process_id);
int isms_store_bia_contacts(struct isms_bia_contact **out, size_t *count, struct isms_store *store,
                            int64_t org_id);
int isms_store_bia_exercises(struct isms_bia_exercise **out, size_t *count,
                             struct isms_store *store, int64_t org_id);

/* ISMS_ENOTFOUND when the org has no process `id`. */
int isms_store_bia_process_get(struct isms_bia_process *out, struct isms_store *store,
                               int64_t org_id, int64_t id);

/* Inserts (p->id 0; *id_out gets the new id) or updates process p->id.
 * ISMS_ECONFLICT when the org has a process of that name. */
int isms_store_bia_process_save(int64_t *id_out, struct isms_store *store, int64_t org_id,
                                const struct isms_bia_process *p, const struct isms_actor *actor);
int isms_store_bia_dependency_add(int64_t *id_out, struct isms_store *store, int64_t org_id,
                                  const struct isms_bia_dependency *d,
                                  const struct isms_actor *actor);
int isms_store_bia_contact_add(int64_t *id_out, struct isms_store *store, int64_t org_id,
                               const struct isms_bia_contact *c, const struct isms_actor *actor);
int isms_store_bia_exercise_add(int64_t *id_out, struct isms_store *store, int64_t org_id,
                                const struct isms_bia_exercise *e, const struct isms_actor *actor);

/* ISMS_ENOTFOUND when the org has no such record. */
int isms_store_bia_delete(struct isms_store *store, int64_t org_id, enum isms_bia_record what,
                          int64_t id, const struct isms_actor *actor);

#endif

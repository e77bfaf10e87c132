/*
 * SQL of the checklists (rules in isms/checklist.c). Every statement filters
 * by org_id, also those of results, through their run.
 */
#ifndef ISMS_STORE_CHECKLISTS_H
#define ISMS_STORE_CHECKLISTS_H

#include "model/checklist.h"

struct isms_store;
struct isms_actor;

/* The org's own templates by name, without items (item_count set). *out: free(). */
int isms_store_checklist_templates(struct isms_checklist_template **out, size_t *count,
                                   struct isms_store *store, int64_t org_id);
/* One of them with its items (isms_checklist_template_release). ISMS_ENOTFOUND. */
int isms_store_checklist_template_get(struct isms_checklist_template *out, struct isms_store *store,
                                      int64_t org_id, int64_t id);
/* Stores a template and its items, journaled "checklist.template". ISMS_ECONFLICT for a
 * name in use. */
int isms_store_checklist_template_add(int64_t *id_out, struct isms_store *store, int64_t org_id,
                                      const struct isms_checklist_template *t,
                                      const struct isms_actor *actor);

/* Starts a run of `t` (its items copied), journaled "checklist.start". */
int isms_store_checklist_run_start(int64_t *id_out, struct isms_store *store, int64_t org_id,
                                   const struct isms_checklist_template *t, const char *title,
                                   const struct isms_actor *actor);
/* Runs newest first, with their counts; of control `control_id` only when
 * it is not NULL. *out: free(). */
int isms_store_checklist_runs(struct isms_checklist_run **out, size_t *count,
                              struct isms_store *store, int64_t org_id, const char *control_id);
int isms_store_checklist_run_get(struct isms_checklist_run *out, struct isms_store *store,
                                 int64_t org_id, int64_t id);
/* The results of run `run_id` in item order. *out: free(). */
int isms_store_checklist_results(struct isms_checklist_result **out, size_t *count,
                                 struct isms_store *store, int64_t org_id, int64_t run_id);
/* Records result, note and evidence of `count` items (by their `no`) of
 * run `run_id`, journaled "checklist.record". ISMS_ENOTFOUND for a run or
 * item number that is not the org's. */
int isms_store_checklist_record(struct isms_store *store, int64_t org_id, int64_t run_id,
                                const struct isms_checklist_result *results, size_t count,
                                const struct isms_actor *actor);

#endif

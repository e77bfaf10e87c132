/*
 * Checklists (model/checklist.h): the built-in templates and the org's own,
 * runs of them, and the results recorded per item. The internal audit
 * builds its checklists on these.
 */
#ifndef ISMS_ISMS_CHECKLIST_H
#define ISMS_ISMS_CHECKLIST_H

#include "model/checklist.h"

struct isms_store;
struct isms_actor;

/* The built-in templates (with their items) then the org's own (without:
 * item_count only). Release with isms_checklist_templates_free. */
int isms_checklist_templates(struct isms_checklist_template **out, size_t *count,
                             struct isms_store *store, int64_t org_id);
void isms_checklist_templates_free(struct isms_checklist_template *t, size_t count);

/* Template `key` with its items ("ipa-secure-web", or "custom-12" of this
 * org). ISMS_ENOTFOUND otherwise. Release with isms_checklist_template_release. */
int isms_checklist_template_load(struct isms_checklist_template *out, struct isms_store *store,
                                 int64_t org_id, const char *key);

/* The items of a template as people write them: one a line, each starting
 * with the Annex A control it belongs to when it has one ("A.8.28 ...",
 * "8.9: ..."). Blank lines are skipped. *out: free(). ISMS_EINVALID naming
 * the line for one that is too long; none at all is an error too. */
int isms_checklist_items_parse(struct isms_checklist_item **out, size_t *count, const char *text);

/* Stores an org template. ISMS_EINVALID naming the field, ISMS_ECONFLICT
 * for a name in use. */
int isms_checklist_template_create(int64_t *id_out, struct isms_store *store, int64_t org_id,
                                   const char *name, const char *control, const char *source,
                                   const struct isms_checklist_item *items, size_t count,
                                   const struct isms_actor *actor);

/* Starts a run of template `key`, called `title` (e.g. the system checked). */
int isms_checklist_run_start(int64_t *id_out, struct isms_store *store, int64_t org_id,
                             const char *key, const char *title, const struct isms_actor *actor);

/* The runs, newest first; of `control` ("8.28", "A.8.28") only when not NULL. */
int isms_checklist_runs(struct isms_checklist_run **out, size_t *count, struct isms_store *store,
                        int64_t org_id, const char *control);

/* Run `id` and its results in item order (*results: free()). ISMS_ENOTFOUND. */
int isms_checklist_run_get(struct isms_checklist_run *run, struct isms_checklist_result **results,
                           size_t *count, struct isms_store *store, int64_t org_id, int64_t id);

/* What a form, request or command line gives for one item. */
struct isms_checklist_answer {
    int no;
    const char *result; /* "ok", "ng", "na", "" (also 済/否/対象外) */
    const char *note, *evidence;
};

/* Records the answers (all or nothing). ISMS_EINVALID naming the item, for
 * a "not ok" without a note among others; ISMS_ENOTFOUND for a run or item
 * that is not the org's. */
int isms_checklist_record(struct isms_store *store, int64_t org_id, int64_t run_id,
                          const struct isms_checklist_answer *answers, size_t count,
                          const struct isms_actor *actor);

#endif

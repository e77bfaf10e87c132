/*
 * Control implementation (capability A11): for every control the
 * organization's SoA decided applicable, how far it is implemented, at which
 * maturity level (梅 basic, 竹 standard, 松 advanced) against which target,
 * who owns it, when it is due and reviewed, and with what evidence. Every
 * change is journaled ("control.set", "control.evidence"); every change of
 * level is kept for the control's history.
 */
#ifndef ISMS_ISMS_CONTROL_IMPL_H
#define ISMS_ISMS_CONTROL_IMPL_H

#include "catalog/catalog.h"
#include "catalog/control_levels.h"
#include "model/control_impl.h"

struct isms_store;
struct isms_actor;

/* One applicable control with its implementation (status not_started and
 * no level while nothing is recorded). */
struct isms_control_row {
    const struct isms_control *control;           /* borrowed from the catalog */
    const struct isms_control_guidance *guidance; /* the 梅/竹/松 texts; NULL for most */
    struct isms_control_impl impl;
};

/* The org's applicable controls in SoA order. *out: isms_control_rows_free. */
int isms_control_impl_list(struct isms_control_row **out, size_t *count, struct isms_store *store,
                           int64_t org_id);
void isms_control_rows_free(struct isms_control_row *rows, size_t count);

/* One SoA control ("A.8.16", "8.16", "CLD.6.3.1"), applicable or not.
 * ISMS_ENOTFOUND for an id that is not in the SoA. Release out->impl. */
int isms_control_impl_get(struct isms_control_row *out, struct isms_store *store, int64_t org_id,
                          const char *id);

/* What a change gives; NULL (or -1) keeps a field, "" clears a text or date. */
struct isms_control_impl_change {
    const char *status;         /* "planned", ... */
    const char *level;          /* "basic" | "standard" | "advanced" (梅/竹/松) */
    const char *target_level;   /* the same */
    const char *owner;          /* a member's login name */
    const char *due;            /* YYYY-MM-DD */
    const char *last_review;    /* YYYY-MM-DD */
    const char *review_due;     /* YYYY-MM-DD; else last_review + the interval */
    int review_interval_months; /* -1 keep, 0 none, 1..120 */
    const char *notes;
};

/* The review interval typed in a form or on a command line: NULL or "" is
 * -1 (keep), else 0..ISMS_CONTROL_REVIEW_MONTHS_MAX; ISMS_EINVALID otherwise. */
int isms_control_review_interval_parse(int *out, const char *text);

/* Records a change of the applicable control `id`. ISMS_EINVALID naming the
 * field, also for a control the SoA does not (yet) decide applicable, an
 * owner who is not a member of the org, or a level above the target. Fills
 * *out (release out->impl). */
int isms_control_impl_set(struct isms_control_row *out, struct isms_store *store, int64_t org_id,
                          const char *id, const struct isms_control_impl_change *change,
                          const struct isms_actor *actor);

/* The level changes of control `id`, oldest first. *out: free(). */
int isms_control_level_history(struct isms_control_level_change **out, size_t *count,
                               struct isms_store *store, int64_t org_id, const char *id);

/* Keeps a file (`len` bytes, at most ISMS_EVIDENCE_FILE_MAX, named `name`)
 * or a link (`url`, http or https; data NULL) as evidence of control `id`. */
int isms_control_evidence_add(struct isms_evidence *out, struct isms_store *store, int64_t org_id,
                              const char *id, const char *name, const void *data, size_t len,
                              const char *url, const struct isms_actor *actor);
int isms_control_evidence_list(struct isms_evidence **out, size_t *count, struct isms_store *store,
                               int64_t org_id, const char *id);

/* The evidence file `evidence_id` of control `id`, with its content
 * (free out->content). ISMS_ENOTFOUND for a link or another control's id. */
int isms_control_evidence_file(struct isms_evidence_file *out, struct isms_store *store,
                               int64_t org_id, const char *id, int64_t evidence_id);

#endif

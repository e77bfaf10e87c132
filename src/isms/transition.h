/*
 * Transition gap analysis ISO/IEC 27001:2013 -> 2022 (capability A10,
 * ISO/IEC 27001 6.1.3 c). An organization imports the Statement of
 * Applicability it kept against the 2013 edition (CSV, one row per 2013
 * control: id, applicable, implemented, justification); the report lists
 * each 2022 Annex A control with the 2013 controls it came from (ISO/IEC
 * 27002:2022 Annex B, catalog.h) and their decisions, whether it merged
 * several, and the 11 new controls, which need a risk assessment (6.1.2).
 *
 * Two actions follow from it: the 2022 SoA draft (each undecided 2022
 * control takes the decision its sources agree on; where they disagree it
 * stays undecided and the report flags it), and a risk for each new control
 * that is not implemented yet, which selects that control.
 */
#ifndef ISMS_ISMS_TRANSITION_H
#define ISMS_ISMS_TRANSITION_H

#include "catalog/catalog.h"
#include "isms/import_errors.h"
#include "isms/soa_labels.h"
#include "model/soa.h"
#include "model/transition.h"

struct isms_store;
struct isms_actor;

#define ISMS_TRANSITION_BYTES_MAX (4u << 20)
#define ISMS_TRANSITION_ROWS_MAX 1000

struct isms_transition_import {
    struct isms_transition_decision *decisions;
    size_t count;
    struct isms_import_errors errors;
    char ignored_columns[256]; /* headers not understood, comma-separated */
};

/* Parses and checks a 2013 SoA file: a header row naming the columns
 * (管理策/control, 適用/applicable, 実施/implemented, 理由/justification; the
 * first two required), control ids "A.5.1.1" or "5.1.1" of ISO/IEC
 * 27001:2013 Annex A, each once; applicable yes/no (also 適用/除外, はい/いいえ,
 * ○/×), implemented yes/partial/no (also 実施済/一部/未実施). 0 when every
 * row is good; ISMS_EINVALID with every error in out->errors; ISMS_ETOOBIG
 * past the caps. Release *out in every case. */
int isms_transition_parse(struct isms_transition_import *out, const char *data, size_t len);

/* Parses `data` and, only when it has no error, replaces org `org_id`'s
 * imported decisions with it (journaled "transition.import"). */
int isms_transition_import(struct isms_transition_import *out, struct isms_store *store,
                           int64_t org_id, const char *data, size_t len,
                           const struct isms_actor *actor);
void isms_transition_import_release(struct isms_transition_import *import);

/* What the 2013 decisions propose for a 2022 control. */
enum isms_transition_proposal {
    ISMS_TRANSITION_NO_SOURCE = 0, /* none of its 2013 sources was imported */
    ISMS_TRANSITION_APPLICABLE,    /* every imported source applicable */
    ISMS_TRANSITION_EXCLUDED,      /* every imported source excluded */
    ISMS_TRANSITION_CONFLICT,      /* the sources disagree: decide by hand */
    ISMS_TRANSITION_ASSESS,        /* new in 2022: assess the risk (6.1.2) */
};

struct isms_transition_source {
    const struct isms_control *control;              /* the 2013 control */
    const struct isms_transition_decision *decision; /* NULL: not in the file */
};

struct isms_transition_item {
    const struct isms_control *control; /* the 2022 control */
    struct isms_transition_source *sources;
    size_t source_count;
    bool merged; /* several 2013 controls became this one */
    enum isms_transition_proposal proposal;
    enum isms_soa_implementation implementation; /* what the sources say of it */
};

struct isms_transition_report {
    struct isms_transition_import_info info; /* imported_at "" while nothing was */
    struct isms_transition_decision *decisions;
    size_t decision_count;
    struct isms_transition_item *items; /* the 93 Annex A controls, catalog order */
    size_t count;
    struct isms_transition_source *sources; /* what the items point into */
    size_t new_count, merged_count, conflict_count, no_source_count;
};

/* The report of org `org_id` (also before any import: every 2022 control
 * then has no source). Release with isms_transition_report_release. */
int isms_transition_report(struct isms_transition_report *out, struct isms_store *store,
                           int64_t org_id);
void isms_transition_report_release(struct isms_transition_report *report);

/* "applicable", "excluded", "conflict", "no_source", "assess". */
const char *isms_transition_proposal_name(enum isms_transition_proposal p);
/* 適用 / Applicable, 除外 / Excluded, 判断が分かれる / Sources disagree, ... */
const struct isms_label *isms_transition_proposal_label(enum isms_transition_proposal p);
/* 実施済 / Implemented, 一部実施 / Partially, 未実施 / Not implemented ("" unset). */
const struct isms_label *isms_transition_implemented_label(enum isms_transition_implemented v);

/* The 2013 id as the report writes it: "A.12.6.1". */
void isms_transition_source_id(char out[ISMS_TRANSITION_ID_MAX + 1],
                               const struct isms_control *control_2013);

struct isms_transition_draft_result {
    size_t decided;  /* undecided 2022 controls that took their sources' decision */
    size_t kept;     /* already decided in the 2022 SoA: left as they are */
    size_t conflict; /* the sources disagree: left undecided */
    size_t assess;   /* new controls: left for the risk assessment */
};

/* Writes the SoA draft as described above; needs an import (ISMS_EINVALID
 * otherwise). Each decision is journaled like any SoA decision. */
int isms_transition_draft_soa(struct isms_transition_draft_result *out, struct isms_store *store,
                              int64_t org_id, const struct isms_actor *actor);

struct isms_transition_risks_result {
    size_t created;                    /* risks created */
    size_t implemented;                /* new controls implemented already: no risk */
    size_t excluded;                   /* new controls the SoA excludes: no risk */
    size_t existing;                   /* new controls some risk selects already */
    int64_t first_number, last_number; /* of the risks created */
};

/* Creates a risk for each of the 11 new controls that is not implemented
 * (neither in the SoA nor in its implementation record), not excluded and
 * not yet selected by any risk; the risk selects the control. Its scores
 * are the worst of the org's matrix until someone assesses it (the event
 * says so); its owner is the control's owner, else `owner` (a member), else
 * the signed-in actor. ISMS_EINVALID naming the control when none of them
 * is a member: nothing is created then. */
int isms_transition_create_risks(struct isms_transition_risks_result *out, struct isms_store *store,
                                 int64_t org_id, const char *owner, const struct isms_actor *actor);

#endif

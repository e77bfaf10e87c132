/*
 * Checklists as data (seed 001; reused by the internal audit): templates
 * with items, each item belonging to an Annex A control, and runs that
 * record a result per item (ok / not ok / not applicable) with a note and
 * evidence. A run keeps its own copy of the items, so a template changed
 * later does not rewrite what was checked. A run is evidence for the
 * control it names.
 */
#ifndef ISMS_MODEL_CHECKLIST_H
#define ISMS_MODEL_CHECKLIST_H

#include "model/soa.h"
#include "util/time.h"

#define ISMS_CHECKLIST_KEY_MAX 39
#define ISMS_CHECKLIST_NAME_MAX 200
#define ISMS_CHECKLIST_TEXT_MAX 1000
#define ISMS_CHECKLIST_NOTE_MAX 2000
#define ISMS_CHECKLIST_ITEMS_MAX 500

enum isms_check_result {
    ISMS_CHECK_OPEN = 0, /* not answered yet */
    ISMS_CHECK_OK,
    ISMS_CHECK_NG, /* not ok: a finding */
    ISMS_CHECK_NA, /* not applicable */
};
#define ISMS_CHECK_RESULTS 4

struct isms_checklist_item {
    char control_id[ISMS_SOA_ID_MAX + 1]; /* "A.8.28"; "" for none */
    char text_ja[ISMS_CHECKLIST_TEXT_MAX + 1];
    char text_en[ISMS_CHECKLIST_TEXT_MAX + 1];
};

struct isms_checklist_template {
    char key[ISMS_CHECKLIST_KEY_MAX + 1]; /* "ipa-secure-web"; an org's own: "custom-12" */
    char name_ja[ISMS_CHECKLIST_NAME_MAX + 1];
    char name_en[ISMS_CHECKLIST_NAME_MAX + 1];
    char control_id[ISMS_SOA_ID_MAX + 1]; /* what a run is evidence for; "" none */
    char source[ISMS_CHECKLIST_NAME_MAX + 1];
    bool builtin;
    struct isms_checklist_item *items; /* owned */
    size_t item_count;
};

struct isms_checklist_run {
    int64_t id;
    char template_key[ISMS_CHECKLIST_KEY_MAX + 1];
    char name_ja[ISMS_CHECKLIST_NAME_MAX + 1]; /* the template's, when the run began */
    char name_en[ISMS_CHECKLIST_NAME_MAX + 1];
    char title[ISMS_CHECKLIST_NAME_MAX + 1]; /* e.g. 2026年度 顧客ポータル */
    char control_id[ISMS_SOA_ID_MAX + 1];
    char started_by[80];
    char started_at[ISMS_TIMESTAMP_SIZE];
    char updated_at[ISMS_TIMESTAMP_SIZE];
    int counts[ISMS_CHECK_RESULTS]; /* items by result */
};

struct isms_checklist_result {
    int no; /* 1-based, the item's place */
    struct isms_checklist_item item;
    enum isms_check_result result;
    char note[ISMS_CHECKLIST_NOTE_MAX + 1];
    char evidence[ISMS_CHECKLIST_NOTE_MAX + 1];
};

/* "", "ok", "ng", "na"; parse also takes 済/○, 否/×, 対象外/-. */
const char *isms_check_result_name(enum isms_check_result r);
int isms_check_result_parse(enum isms_check_result *out, const char *text);

void isms_checklist_template_release(struct isms_checklist_template *t);

#endif

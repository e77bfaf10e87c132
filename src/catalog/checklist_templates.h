/*
 * The built-in checklists (data/checklist_templates.tsv and
 * checklist_items.tsv): IPA「安全なウェブサイトの作り方」's 11 vulnerabilities
 * for 8.28, the configuration security settings of seed 001 for 8.9, and
 * the implementation proposals of seed 000, each item linked to its control.
 */
#ifndef ISMS_CATALOG_CHECKLIST_TEMPLATES_H
#define ISMS_CATALOG_CHECKLIST_TEMPLATES_H

struct isms_builtin_check {
    const char *control; /* Annex A id in the catalog: "8.28" */
    const char *text_ja, *text_en;
};

struct isms_builtin_checklist {
    const char *id, *control;
    const char *name_ja, *name_en, *source_ja, *source_en;
    const struct isms_builtin_check *items;
    size_t item_count;
};

/* Parses the tables once per process; fails only on corrupt built-in data. */
int isms_builtin_checklists_load(void);
size_t isms_builtin_checklist_count(void);
const struct isms_builtin_checklist *isms_builtin_checklist_at(size_t i);
const struct isms_builtin_checklist *isms_builtin_checklist_find(const char *id);

#endif

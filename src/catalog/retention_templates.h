/*
 * Built-in retention rule templates that cite their law (capability A17,
 * A.8.10; data/retention_templates.tsv): contracts 10 years from their end
 * (会社法), corporate tax records 7 years (法人税法), personnel records 5 years
 * from leaving (労働基準法, 3 years for now), employment insurance records 4
 * years, ... Choosing one fills an asset's retention rule.
 */
#ifndef ISMS_CATALOG_RETENTION_TEMPLATES_H
#define ISMS_CATALOG_RETENTION_TEMPLATES_H

struct isms_retention_template {
    const char *id;     /* "corporate-tax" */
    const char *period; /* "7y", as isms_retention_period_parse reads it */
    const char *basis;  /* "created", as isms_retention_basis_parse reads it */
    const char *name_ja, *name_en;
    const char *law_ja, *law_en;
    const char *note_ja, *note_en;
};

/* Parses the table once per process; fails only on corrupt built-in data. */
int isms_retention_templates_load(void);

size_t isms_retention_template_count(void);
const struct isms_retention_template *isms_retention_template_at(size_t i);
/* The template `id`, or NULL. */
const struct isms_retention_template *isms_retention_template_find(const char *id);

/* A chosen template (`id` not NULL or "") replaces the period and basis a
 * form or request gave: *period and *basis then point into the template.
 * ISMS_EINVALID naming the template when there is no such one. */
int isms_retention_template_fill(const char **period, const char **basis, const char *id);

/* The template whose period and basis are `period` and `basis` (as the
 * store writes them), to show the law a rule follows; NULL for none, and
 * when several templates share that rule. */
const struct isms_retention_template *isms_retention_template_matching(const char *period,
                                                                       const char *basis);

#endif

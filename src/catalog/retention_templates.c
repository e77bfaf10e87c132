#include "isms_setup.h"
#include "catalog/retention_templates.h"
#include "catalog/table.h"
#include "util/error.h"

#define FILE_NAME "retention_templates.tsv"

static const char *const columns[] = {"id",     "period", "basis",   "name_ja", "name_en",
                                      "law_ja", "law_en", "note_ja", "note_en"};

static struct isms_tsv table; /* kept: the templates point into it */
static struct isms_retention_template *templates;
static size_t template_count;

static int fill(void)
{
    int col[ISMS_ARRAY_SIZE(columns)], error;

    if ((error = isms_catalog_table_open(&table, FILE_NAME, columns, ISMS_ARRAY_SIZE(columns),
                                         col)) < 0)
        return error;
    if (!(templates = calloc(table.rows ? table.rows : 1, sizeof(*templates))))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    for (size_t r = 0; r < table.rows; r++) {
        struct isms_retention_template *t = &templates[r];
        const char **out[] = {&t->id,     &t->period, &t->basis,   &t->name_ja, &t->name_en,
                              &t->law_ja, &t->law_en, &t->note_ja, &t->note_en};
        for (size_t c = 0; c < ISMS_ARRAY_SIZE(out); c++)
            if (!*(*out[c] = isms_tsv_cell(&table, r, (size_t)col[c])))
                return isms_error_set(ISMS_ERROR, FILE_NAME " row %zu lacks '%s'", r + 1,
                                      columns[c]);
    }
    template_count = table.rows;
    return 0;
}

static struct isms_catalog_loader loader = ISMS_CATALOG_LOADER(fill);

int isms_retention_templates_load(void)
{
    return isms_catalog_loader_run(&loader);
}

size_t isms_retention_template_count(void)
{
    return isms_retention_templates_load() < 0 ? 0 : template_count;
}

const struct isms_retention_template *isms_retention_template_at(size_t i)
{
    return i < isms_retention_template_count() ? &templates[i] : NULL;
}

const struct isms_retention_template *isms_retention_template_find(const char *id)
{
    for (size_t i = 0; id && i < isms_retention_template_count(); i++)
        if (strcmp(templates[i].id, id) == 0)
            return &templates[i];
    return NULL;
}

int isms_retention_template_fill(const char **period, const char **basis, const char *id)
{
    const struct isms_retention_template *t;

    if (!id || !*id)
        return 0;
    if (!(t = isms_retention_template_find(id)))
        return isms_error_set(ISMS_EINVALID, _("there is no retention template '%.40s'"), id);
    *period = t->period;
    *basis = t->basis;
    return 0;
}

const struct isms_retention_template *isms_retention_template_matching(const char *period,
                                                                       const char *basis)
{
    const struct isms_retention_template *found = NULL;

    for (size_t i = 0; period && basis && i < isms_retention_template_count(); i++)
        if (strcmp(templates[i].period, period) == 0 && strcmp(templates[i].basis, basis) == 0) {
            /* Two laws with the same rule: naming either would be a guess. */
            if (found)
                return NULL;
            found = &templates[i];
        }
    return found;
}

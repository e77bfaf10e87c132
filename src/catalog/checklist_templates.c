#include "isms_setup.h"
#include "catalog/checklist_templates.h"
#include "catalog/table.h"
#include "util/error.h"

static const char *const list_columns[] = {"id",      "control",   "name_ja",
                                           "name_en", "source_ja", "source_en"};
static const char *const item_columns[] = {"template", "control", "text_ja", "text_en"};

static struct isms_tsv lists_table, items_table; /* kept: the lists point into them */
static struct isms_builtin_checklist *lists;
static struct isms_builtin_check *items;
static size_t list_count;

static struct isms_builtin_checklist *find(const char *id)
{
    for (size_t i = 0; i < list_count; i++)
        if (strcmp(lists[i].id, id) == 0)
            return &lists[i];
    return NULL;
}

/* Items are grouped by template in the file; each list points at its run. */
static int fill_items(void)
{
    int col[ISMS_ARRAY_SIZE(item_columns)], error;

    if ((error = isms_catalog_table_open(&items_table, "checklist_items.tsv", item_columns,
                                         ISMS_ARRAY_SIZE(item_columns), col)) < 0)
        return error;
    if (!(items = calloc(items_table.rows ? items_table.rows : 1, sizeof(*items))))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    for (size_t r = 0; r < items_table.rows; r++) {
        struct isms_builtin_checklist *l = find(isms_tsv_cell(&items_table, r, (size_t)col[0]));
        if (!l || (l->item_count && l->items + l->item_count != &items[r]))
            return isms_error_set(ISMS_ERROR,
                                  "checklist_items.tsv row %zu: unknown or "
                                  "scattered checklist",
                                  r + 1);
        items[r] = (struct isms_builtin_check){isms_tsv_cell(&items_table, r, (size_t)col[1]),
                                               isms_tsv_cell(&items_table, r, (size_t)col[2]),
                                               isms_tsv_cell(&items_table, r, (size_t)col[3])};
        if (!l->item_count)
            l->items = &items[r];
        l->item_count++;
    }
    return 0;
}

static int fill(void)
{
    int col[ISMS_ARRAY_SIZE(list_columns)], error;

    if ((error = isms_catalog_table_open(&lists_table, "checklist_templates.tsv", list_columns,
                                         ISMS_ARRAY_SIZE(list_columns), col)) < 0)
        return error;
    if (!(lists = calloc(lists_table.rows ? lists_table.rows : 1, sizeof(*lists))))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    for (size_t r = 0; r < lists_table.rows; r++) {
        struct isms_builtin_checklist *l = &lists[r];
        const char **out[] = {&l->id,      &l->control,   &l->name_ja,
                              &l->name_en, &l->source_ja, &l->source_en};
        for (size_t c = 0; c < ISMS_ARRAY_SIZE(out); c++)
            *out[c] = isms_tsv_cell(&lists_table, r, (size_t)col[c]);
    }
    list_count = lists_table.rows;
    return fill_items();
}

static struct isms_catalog_loader loader = ISMS_CATALOG_LOADER(fill);

int isms_builtin_checklists_load(void)
{
    return isms_catalog_loader_run(&loader);
}

size_t isms_builtin_checklist_count(void)
{
    return isms_builtin_checklists_load() < 0 ? 0 : list_count;
}

const struct isms_builtin_checklist *isms_builtin_checklist_at(size_t i)
{
    return i < isms_builtin_checklist_count() ? &lists[i] : NULL;
}

const struct isms_builtin_checklist *isms_builtin_checklist_find(const char *id)
{
    return id && isms_builtin_checklists_load() == 0 ? find(id) : NULL;
}

#include "isms_setup.h"
#include <strings.h>
#include "catalog/control_levels.h"
#include "catalog/table.h"
#include "util/error.h"

#define FILE_NAME "control_levels.tsv"

static const char *const columns[] = {"control",     "basic_ja",    "basic_en",   "standard_ja",
                                      "standard_en", "advanced_ja", "advanced_en"};

static struct isms_tsv table; /* kept: the guidance points into it */
static struct isms_control_guidance *guidance;
static size_t guidance_count;

static int fill(void)
{
    int col[ISMS_ARRAY_SIZE(columns)], error;

    if ((error = isms_catalog_table_open(&table, FILE_NAME, columns, ISMS_ARRAY_SIZE(columns),
                                         col)) < 0)
        return error;
    if (!(guidance = calloc(table.rows ? table.rows : 1, sizeof(*guidance))))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    for (size_t r = 0; r < table.rows; r++) {
        struct isms_control_guidance *g = &guidance[r];
        g->id = isms_tsv_cell(&table, r, (size_t)col[0]);
        for (int l = 0; l < ISMS_CONTROL_LEVEL_COUNT; l++) {
            g->levels[l].ja = isms_tsv_cell(&table, r, (size_t)col[1 + 2 * l]);
            g->levels[l].en = isms_tsv_cell(&table, r, (size_t)col[2 + 2 * l]);
            if (!*g->levels[l].ja || !*g->levels[l].en)
                return isms_error_set(ISMS_ERROR, FILE_NAME " row %zu lacks a level text", r + 1);
        }
    }
    guidance_count = table.rows;
    return 0;
}

static struct isms_catalog_loader loader = ISMS_CATALOG_LOADER(fill);

int isms_control_guidance_load(void)
{
    return isms_catalog_loader_run(&loader);
}

size_t isms_control_guidance_count(void)
{
    return isms_control_guidance_load() < 0 ? 0 : guidance_count;
}

const struct isms_control_guidance *isms_control_guidance_at(size_t i)
{
    return i < isms_control_guidance_count() ? &guidance[i] : NULL;
}

const struct isms_control_guidance *isms_control_guidance_find(const char *id)
{
    if (!id)
        return NULL;
    if (strncasecmp(id, "A.", 2) == 0)
        id += 2;
    for (size_t i = 0; i < isms_control_guidance_count(); i++)
        if (strcmp(guidance[i].id, id) == 0)
            return &guidance[i];
    return NULL;
}

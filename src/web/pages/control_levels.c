/* The 梅/竹/松 levels as pages show them, with the built-in guidance. */
#include "isms_setup.h"
#include "catalog/control_levels.h"
#include "web/pages/pages.h"

static const char *const level_en[] = {"", "Basic (梅)", "Standard (竹)", "Advanced (松)"};
static const char *const level_ja[] = {"", "梅（基本）", "竹（標準）", "松（高度）"};

const char *isms_page_level_label(const struct isms_page *page, enum isms_control_level l)
{
    return l ? isms_page_pick(page, level_en[l], level_ja[l]) : "-";
}

json_t *isms_page_level_guidance(const struct isms_page *page,
                                 const struct isms_control_guidance *g)
{
    json_t *list = json_array();

    for (int l = 0; g && list && l < ISMS_CONTROL_LEVEL_COUNT; l++)
        json_array_append_new(
            list, json_pack("{s:s, s:s}", "level", isms_page_level_label(page, l + 1), "text",
                            isms_page_pick(page, g->levels[l].en, g->levels[l].ja)));
    return list;
}

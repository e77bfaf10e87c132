#include "isms_setup.h"
#include "model/checklist.h"
#include "util/error.h"

static const struct {
    const char *name;
    const char *aliases[4];
} results[] = {
    [ISMS_CHECK_OPEN] = {"", {"open", NULL}},
    [ISMS_CHECK_OK] = {"ok", {"yes", "○", "済", "適合"}},
    [ISMS_CHECK_NG] = {"ng", {"no", "×", "否", "不適合"}},
    [ISMS_CHECK_NA] = {"na", {"n/a", "-", "対象外", "該当なし"}},
};

const char *isms_check_result_name(enum isms_check_result r)
{
    return (unsigned)r < ISMS_ARRAY_SIZE(results) ? results[r].name : "";
}

int isms_check_result_parse(enum isms_check_result *out, const char *text)
{
    text = text ? text : "";
    for (size_t i = 0; i < ISMS_ARRAY_SIZE(results); i++) {
        if (strcmp(text, results[i].name) == 0) {
            *out = (enum isms_check_result)i;
            return 0;
        }
        for (size_t k = 0; k < 4 && results[i].aliases[k]; k++)
            if (strcmp(text, results[i].aliases[k]) == 0) {
                *out = (enum isms_check_result)i;
                return 0;
            }
    }
    return isms_error_set(ISMS_EINVALID,
                          _("a result must be ok, ng (not ok) or na (not "
                            "applicable), not '%.20s'"),
                          text);
}

void isms_checklist_template_release(struct isms_checklist_template *t)
{
    free(t->items);
    t->items = NULL;
    t->item_count = 0;
}

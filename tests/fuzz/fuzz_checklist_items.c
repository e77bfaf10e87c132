/* libFuzzer target: a checklist's items as people type them, one a line,
 * each perhaps starting with its control. */
#include "isms_setup.h"
#include "catalog/catalog.h"
#include "isms/checklist.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct isms_checklist_item *items = NULL;
    char *text = malloc(size + 1);
    size_t n = 0;

    if (!text || isms_catalogs_load() < 0)
        abort();
    memcpy(text, data, size);
    text[size] = '\0';
    if (isms_checklist_items_parse(&items, &n, text) == 0) {
        if (n == 0 || n > ISMS_CHECKLIST_ITEMS_MAX)
            abort();
        for (size_t i = 0; i < n; i++)
            if (!items[i].text_ja[0] || (items[i].control_id[0] && items[i].control_id[0] != 'A' &&
                                         items[i].control_id[0] != 'C'))
                abort();
    } else if (items || n) {
        abort();
    }
    free(items);
    free(text);
    return 0;
}

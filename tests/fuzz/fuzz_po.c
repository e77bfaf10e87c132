/* libFuzzer target: the gettext .po parser behind the UI translations. */
#include "isms_setup.h"
#include "web/http/i18n.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct isms_po *po;

    if (isms_po_parse(&po, "fuzz.po", (const char *)data, size) < 0)
        return 0;
    isms_po_lookup(po, "Risk owner");
    isms_po_free(po);
    return 0;
}

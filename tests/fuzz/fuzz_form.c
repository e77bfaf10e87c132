/* libFuzzer target: the HTML form body decoder of the web UI. */
#include "isms_setup.h"
#include "web/http/form.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct isms_form form;

    if (isms_form_parse(&form, (const char *)data, size) == 0)
        for (size_t i = 0; i < form.count; i++)
            if (!isms_form_get(&form, form.fields[i].name))
                abort();
    isms_form_release(&form);
    return 0;
}

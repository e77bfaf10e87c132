/* libFuzzer target: UTF-8 and control-character validation of user text. */
#include "isms_setup.h"
#include "util/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);

    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    isms_text_valid_utf8(text);
    isms_text_check(text, 4000, true, "fuzz");
    free(text);
    return 0;
}

/* libFuzzer target: the 2013 SoA import of the transition gap analysis
 * (header mapping, control ids, yes/no words, line tracking). */
#include "isms_setup.h"
#include "catalog/catalog.h"
#include "isms/transition.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct isms_transition_import import;
    int error;

    if (isms_catalogs_load() < 0)
        abort();
    error = isms_transition_parse(&import, (const char *)data, size);
    /* A clean parse has decisions and no errors; a refused one names why. */
    if ((error == 0) != (import.errors.total == 0) || (error == 0 && import.count == 0))
        abort();
    for (size_t i = 0; i < import.count; i++)
        if (strncmp(import.decisions[i].control_id, "A.", 2) != 0 ||
            import.decisions[i].line == 0 || !import.decisions[i].justification)
            abort();
    for (size_t i = 0; i < import.errors.count; i++)
        if (import.errors.list[i].line == 0)
            abort();
    isms_transition_import_release(&import);
    return 0;
}

#include "isms_setup.h"
#include "model/threat.h"
#include "util/error.h"
#include "util/text.h"

void isms_threat_ref_label(char *out, size_t size, const char *source, const char *id,
                           bool japanese)
{
    static const struct {
        const char *key, *en, *ja;
    } names[] = {
        {"enisa", "ENISA", "ENISA"},
        {"x1601", "ITU-T X.1601", "ITU-T X.1601"},
        {"ipa", "IPA 10 major threats", "IPA 10大脅威"},
        {ISMS_THREAT_SOURCE_OWN, "Own threat", "自組織の脅威"},
    };

    for (size_t i = 0; i < ISMS_ARRAY_SIZE(names); i++)
        if (strcmp(source, names[i].key) == 0) {
            snprintf(out, size, "%s %s", japanese ? names[i].ja : names[i].en, id);
            return;
        }
    snprintf(out, size, "%s %s", source, id);
}

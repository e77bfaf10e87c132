/*
 * The built-in risk matrices (see risk_matrix.h). Labels are plain
 * descriptive words, ours; the 27005 values follow the example matrix ENISA
 * used in its 2009 cloud risk assessment.
 */
#include "isms_setup.h"
#include "isms/risk_matrix.h"

#define LABEL(ja_text, en_text)                                                                    \
    {                                                                                              \
        .ja = ja_text, .en = en_text                                                               \
    }

static const struct isms_risk_matrix builtins[] = {
    {
        .key = ISMS_RISK_MATRIX_DEFAULT,
        .name_ja = "ISO/IEC 27005 5×5 加算型 (ENISA 2009)",
        .name_en = "ISO/IEC 27005 5x5 additive (ENISA 2009)",
        .method = ISMS_RISK_ADDITIVE,
        .likelihood =
            {
                .min = 0,
                .max = 4,
                .name = LABEL("起こりやすさ", "Likelihood"),
                .labels =
                    {
                        LABEL("非常に低い (ほとんど起きない)", "Very low (very unlikely)"),
                        LABEL("低い (起きにくい)", "Low (unlikely)"),
                        LABEL("中 (起こり得る)", "Medium (possible)"),
                        LABEL("高い (起きやすい)", "High (likely)"),
                        LABEL("非常に高い (頻繁)", "Very high (frequent)"),
                    },
            },
        .impact =
            {
                .min = 0,
                .max = 4,
                .name = LABEL("結果", "Consequence"),
                .labels =
                    {
                        LABEL("非常に低い", "Very low"),
                        LABEL("低い", "Low"),
                        LABEL("中", "Medium"),
                        LABEL("高い", "High"),
                        LABEL("非常に高い", "Very high"),
                    },
            },
        .acceptance_threshold = 2,
        .medium_from = 3,
        .high_from = 6,
    },
    {
        .key = ISMS_RISK_MATRIX_JP_ATV,
        .name_ja = "資産価値×脅威×脆弱性 (各3段階)",
        .name_en = "Asset value x threat x vulnerability (3 levels each)",
        .method = ISMS_RISK_ASSET_THREAT_VULNERABILITY,
        .likelihood =
            {
                .min = 1,
                .max = 3,
                .name = LABEL("脅威", "Threat"),
                .labels = {LABEL("低", "Low"), LABEL("中", "Medium"), LABEL("高", "High")},
            },
        .impact =
            {
                .min = 1,
                .max = 3,
                .name = LABEL("資産価値", "Asset value"),
                .labels = {LABEL("低", "Low"), LABEL("中", "Medium"), LABEL("高", "High")},
            },
        .vulnerability =
            {
                .min = 1,
                .max = 3,
                .name = LABEL("脆弱性", "Vulnerability"),
                .labels = {LABEL("低", "Low"), LABEL("中", "Medium"), LABEL("高", "High")},
            },
        .acceptance_threshold = 8,
        .medium_from = 5,
        .high_from = 12,
    },
};

size_t isms_risk_matrix_builtin_count(void)
{
    return ISMS_ARRAY_SIZE(builtins);
}

const struct isms_risk_matrix *isms_risk_matrix_builtin_at(size_t i)
{
    return i < ISMS_ARRAY_SIZE(builtins) ? &builtins[i] : NULL;
}

const struct isms_risk_matrix *isms_risk_matrix_builtin(const char *key)
{
    for (size_t i = 0; key && i < ISMS_ARRAY_SIZE(builtins); i++)
        if (strcmp(builtins[i].key, key) == 0)
            return &builtins[i];
    return NULL;
}

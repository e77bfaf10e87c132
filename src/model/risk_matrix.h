/*
 * Risk matrices as data (ISO/IEC 27001 6.1.2 b: risk acceptance criteria and
 * criteria for performing risk assessments): how a risk's scores combine
 * into a level, which levels are acceptable and how levels are banded for
 * colouring. Built in:
 *
 *   "iso27005-5x5"  ISO/IEC 27005 example matrix used by ENISA (2009):
 *                   likelihood 0-4 + business impact 0-4 = level 0-8;
 *                   bands low 0-2, medium 3-5, high 6-8; acceptable <= 2
 *   "jp-atv-3"      the common Japanese method: asset value (C/I/A, 1-3)
 *                   x threat (1-3) x vulnerability (1-3) = level 1-27;
 *                   bands low 1-4, medium 5-11, high 12-27; acceptable <= 8
 *
 * An organization uses the default "iso27005-5x5" until it picks another
 * built-in or defines its own (3 to 6 levels per axis, additive or
 * multiplicative, labels in Japanese and English).
 *
 * Nothing here hard-codes a threshold, label or band: callers ask the
 * matrix. The maths functions are pure; only isms_risk_matrix_for_org and
 * the org functions at the end touch the store.
 */
#ifndef ISMS_MODEL_RISK_MATRIX_H
#define ISMS_MODEL_RISK_MATRIX_H

enum isms_risk_method {
    ISMS_RISK_ADDITIVE = 1,       /* level = likelihood + impact */
    ISMS_RISK_MULTIPLICATIVE = 2, /* level = likelihood * impact */
    /* level = impact * likelihood * vulnerability, where impact is the asset
     * value (usually the highest of its C, I and A ratings) and likelihood is
     * the threat rating */
    ISMS_RISK_ASSET_THREAT_VULNERABILITY = 3,
};

enum isms_risk_band {
    ISMS_RISK_LOW = 1,
    ISMS_RISK_MEDIUM,
    ISMS_RISK_HIGH,
};

#define ISMS_RISK_MATRIX_KEY_MAX 63   /* [a-z0-9-], starts with a letter or digit */
#define ISMS_RISK_MATRIX_NAME_MAX 200 /* bytes of UTF-8 */
#define ISMS_RISK_LABEL_MAX 63        /* bytes of UTF-8 per label */
#define ISMS_RISK_SCALE_LEVELS_MIN 3  /* every axis has 3..6 levels */
#define ISMS_RISK_SCALE_LEVELS_MAX 6
#define ISMS_RISK_SCALE_VALUE_MAX 100 /* highest value an axis may start at or reach */

#define ISMS_RISK_MATRIX_DEFAULT "iso27005-5x5"
#define ISMS_RISK_MATRIX_JP_ATV "jp-atv-3"

/* A text in both languages. */
struct isms_risk_label {
    char ja[ISMS_RISK_LABEL_MAX + 1];
    char en[ISMS_RISK_LABEL_MAX + 1];
};

/* One rating axis: the values min..max (3 to 6 of them), the axis name and
 * one label per value (labels[value - min]). */
struct isms_risk_scale {
    int min;
    int max;
    struct isms_risk_label name; /* "Likelihood" / "発生可能性" */
    struct isms_risk_label labels[ISMS_RISK_SCALE_LEVELS_MAX];
};

/* The scores of one risk. For the asset x threat x vulnerability method
 * impact is the asset value and likelihood the threat rating; vulnerability
 * is ignored by the other methods. */
struct isms_risk_score {
    int likelihood;
    int impact;
    int vulnerability;
};

struct isms_risk_matrix {
    int64_t id; /* 0: built-in; otherwise the org's stored custom matrix */
    char key[ISMS_RISK_MATRIX_KEY_MAX + 1];
    char name_ja[ISMS_RISK_MATRIX_NAME_MAX + 1];
    char name_en[ISMS_RISK_MATRIX_NAME_MAX + 1];
    enum isms_risk_method method;
    struct isms_risk_scale likelihood;    /* threat rating for the ATV method */
    struct isms_risk_scale impact;        /* asset value for the ATV method */
    struct isms_risk_scale vulnerability; /* only for the ATV method; all zero otherwise */
    /* A level <= acceptance_threshold meets the risk acceptance criteria. */
    int acceptance_threshold;
    /* Bands for colouring: low below medium_from, medium from medium_from,
     * high from high_from; level_min < medium_from < high_from <= level_max. */
    int medium_from;
    int high_from;
};

/* "additive", "multiplicative", "asset_threat_vulnerability";
 * parse returns ISMS_EINVALID for anything else. */
const char *isms_risk_method_name(enum isms_risk_method method);
int isms_risk_method_parse(enum isms_risk_method *out, const char *name);

/* "low", "medium", "high" (lang "en") or "低", "中", "高" (lang "ja"). */
const char *isms_risk_band_name(enum isms_risk_band band, const char *lang);

/* The label of `value` on `scale` in `lang` ("ja", else English); NULL when
 * the value is outside the scale. Borrowed from the matrix. */
const char *isms_risk_scale_label(const struct isms_risk_scale *scale, int value, const char *lang);

#endif

/*
 * Risk matrix maths and the validation of custom definitions. Pure: no
 * store, no allocation.
 */
#include "isms_setup.h"
#include "isms/risk_matrix.h"
#include "util/error.h"
#include "util/text.h"

static bool uses_vulnerability(const struct isms_risk_matrix *m)
{
    return m->method == ISMS_RISK_ASSET_THREAT_VULNERABILITY;
}

static int combine(const struct isms_risk_matrix *m, int likelihood, int impact, int vulnerability)
{
    switch (m->method) {
    case ISMS_RISK_ADDITIVE:
        return likelihood + impact;
    case ISMS_RISK_MULTIPLICATIVE:
        return likelihood * impact;
    case ISMS_RISK_ASSET_THREAT_VULNERABILITY:
        return impact * likelihood * vulnerability;
    }
    ISMS_BUG("unknown risk method");
}

/* Every scale value is >= 0, so the level grows with each score and the
 * extremes come from the scale ends. */
void isms_risk_matrix_level_range(const struct isms_risk_matrix *m, int *min_out, int *max_out)
{
    *min_out = combine(m, m->likelihood.min, m->impact.min, m->vulnerability.min);
    *max_out = combine(m, m->likelihood.max, m->impact.max, m->vulnerability.max);
}

static int check_in_scale(const struct isms_risk_scale *scale, int value, const char *what)
{
    if (value < scale->min || value > scale->max)
        return isms_error_set(ISMS_EINVALID, "%s %d is outside %d..%d", what, value, scale->min,
                              scale->max);
    return 0;
}

int isms_risk_matrix_level(int *level_out, const struct isms_risk_matrix *m,
                           const struct isms_risk_score *score)
{
    int error;

    if ((error = check_in_scale(&m->likelihood, score->likelihood,
                                uses_vulnerability(m) ? "threat" : "likelihood")) < 0 ||
        (error = check_in_scale(&m->impact, score->impact,
                                uses_vulnerability(m) ? "asset value" : "impact")) < 0 ||
        (uses_vulnerability(m) &&
         (error = check_in_scale(&m->vulnerability, score->vulnerability, "vulnerability")) < 0))
        return error;
    *level_out = combine(m, score->likelihood, score->impact, score->vulnerability);
    return 0;
}

bool isms_risk_matrix_acceptable(const struct isms_risk_matrix *m, int level)
{
    return level <= m->acceptance_threshold;
}

enum isms_risk_band isms_risk_matrix_band(const struct isms_risk_matrix *m, int level)
{
    if (level >= m->high_from)
        return ISMS_RISK_HIGH;
    return level >= m->medium_from ? ISMS_RISK_MEDIUM : ISMS_RISK_LOW;
}

/* --- validation --- */

static bool key_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

static int check_key(const char *key)
{
    size_t len = strnlen(key, ISMS_RISK_MATRIX_KEY_MAX + 1);

    if (len == 0 || len > ISMS_RISK_MATRIX_KEY_MAX)
        return isms_error_set(ISMS_EINVALID, _("key must be 1 to %d characters"),
                              ISMS_RISK_MATRIX_KEY_MAX);
    for (const char *p = key; *p; p++)
        if (!key_char(*p))
            return isms_error_set(ISMS_EINVALID, _("key '%s' may only contain a-z, 0-9 and '-'"),
                                  key);
    if (key[0] == '-' || key[len - 1] == '-')
        return isms_error_set(ISMS_EINVALID, _("key '%s' may not start or end with '-'"), key);
    return 0;
}

/* A required text held in a fixed array of `size` bytes. */
static int check_text(const char *text, size_t size, const char *field)
{
    if (!memchr(text, '\0', size))
        return isms_error_set(ISMS_ETOOBIG, _("'%s' is longer than %zu bytes"), field, size - 1);
    if (!*text)
        return isms_error_set(ISMS_EINVALID, _("'%s' is required"), field);
    return isms_text_check(text, size - 1, false, field);
}

static int check_label(const struct isms_risk_label *label, const char *field)
{
    char name[80];
    int error;

    snprintf(name, sizeof(name), "%s.ja", field);
    if ((error = check_text(label->ja, sizeof(label->ja), name)) < 0)
        return error;
    snprintf(name, sizeof(name), "%s.en", field);
    return check_text(label->en, sizeof(label->en), name);
}

static int check_scale(const struct isms_risk_scale *s, const char *axis)
{
    char field[64];
    int error;

    if (s->min < 0 || s->max > ISMS_RISK_SCALE_VALUE_MAX || s->min > s->max)
        return isms_error_set(ISMS_EINVALID, _("%s must run from min >= 0 to max <= %d"), axis,
                              ISMS_RISK_SCALE_VALUE_MAX);
    if (s->max - s->min + 1 < ISMS_RISK_SCALE_LEVELS_MIN ||
        s->max - s->min + 1 > ISMS_RISK_SCALE_LEVELS_MAX)
        return isms_error_set(ISMS_EINVALID, _("%s must have %d to %d levels, not %d"), axis,
                              ISMS_RISK_SCALE_LEVELS_MIN, ISMS_RISK_SCALE_LEVELS_MAX,
                              s->max - s->min + 1);
    snprintf(field, sizeof(field), "%s.name", axis);
    if ((error = check_label(&s->name, field)) < 0)
        return error;
    for (int v = s->min; v <= s->max; v++) {
        snprintf(field, sizeof(field), "%s.labels[%d]", axis, v - s->min);
        if ((error = check_label(&s->labels[v - s->min], field)) < 0)
            return error;
    }
    return 0;
}

static int check_levels(const struct isms_risk_matrix *m)
{
    int lo, hi;

    isms_risk_matrix_level_range(m, &lo, &hi);
    if (m->acceptance_threshold < lo || m->acceptance_threshold > hi)
        return isms_error_set(ISMS_EINVALID,
                              _("acceptance_threshold %d is outside the levels %d..%d"),
                              m->acceptance_threshold, lo, hi);
    if (m->medium_from <= lo || m->medium_from > hi)
        return isms_error_set(ISMS_EINVALID,
                              _("bands.medium_from %d must be above %d and at most %d"),
                              m->medium_from, lo, hi);
    if (m->high_from <= m->medium_from || m->high_from > hi)
        return isms_error_set(ISMS_EINVALID,
                              _("bands.high_from %d must be above medium_from %d and at most %d"),
                              m->high_from, m->medium_from, hi);
    return 0;
}

int isms_risk_matrix_validate(const struct isms_risk_matrix *m)
{
    int error;

    if ((error = check_key(m->key)) < 0 ||
        (error = check_text(m->name_ja, sizeof(m->name_ja), "name_ja")) < 0 ||
        (error = check_text(m->name_en, sizeof(m->name_en), "name_en")) < 0)
        return error;
    if (m->method < ISMS_RISK_ADDITIVE || m->method > ISMS_RISK_ASSET_THREAT_VULNERABILITY)
        return isms_error_set(ISMS_EINVALID, _("unknown method"));
    if ((error = check_scale(&m->likelihood, "likelihood")) < 0 ||
        (error = check_scale(&m->impact, "impact")) < 0)
        return error;
    if (uses_vulnerability(m) && (error = check_scale(&m->vulnerability, "vulnerability")) < 0)
        return error;
    if (!uses_vulnerability(m) && (m->vulnerability.min != 0 || m->vulnerability.max != 0))
        return isms_error_set(ISMS_EINVALID, _("vulnerability is only used by the "
                                               "asset_threat_vulnerability method"));
    return check_levels(m);
}

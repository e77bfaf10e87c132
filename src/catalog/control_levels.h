/*
 * Built-in guidance for the 11 controls new in ISO/IEC 27001:2022 Annex A:
 * what 梅 (basic), 竹 (standard) and 松 (advanced) mean for each, in Japanese
 * and English (data/control_levels.tsv, after seed 001).
 */
#ifndef ISMS_CATALOG_CONTROL_LEVELS_H
#define ISMS_CATALOG_CONTROL_LEVELS_H

#define ISMS_CONTROL_LEVEL_COUNT 3 /* basic, standard, advanced */

struct isms_level_text {
    const char *ja;
    const char *en;
};

struct isms_control_guidance {
    const char *id; /* the Annex A id in the catalog: "8.16" */
    struct isms_level_text levels[ISMS_CONTROL_LEVEL_COUNT]; /* [0] basic .. [2] advanced */
};

/* Parses the table once per process; fails only on corrupt built-in data. */
int isms_control_guidance_load(void);

size_t isms_control_guidance_count(void);
const struct isms_control_guidance *isms_control_guidance_at(size_t i);
/* The guidance of Annex A control `id` ("8.16" or "A.8.16"), NULL when it has none. */
const struct isms_control_guidance *isms_control_guidance_find(const char *id);

#endif

/*
 * Built-in control catalogs, compiled into the binary as TSV data
 * (src/catalog/data/) and parsed once at start-up:
 *
 *   "iso27001-2022"  ISO/IEC 27001:2022 Annex A, 93 controls, with the five
 *                    ISO/IEC 27002:2022 attributes
 *   "iso27002-2013"  ISO/IEC 27002:2013, 114 controls, mapped to 2022
 *   "iso27017-2015"  ISO/IEC 27017:2015 Annex A cloud controls (CLD.*)
 *
 * Everything returned here is immutable and lives for the whole process.
 */
#ifndef ISMS_CATALOG_CATALOG_H
#define ISMS_CATALOG_CATALOG_H

#define ISMS_CATALOG_27001_2022 "iso27001-2022"
#define ISMS_CATALOG_27002_2013 "iso27002-2013"
#define ISMS_CATALOG_27017_2015 "iso27017-2015"

struct isms_control {
    const char *id;    /* "5.23", "12.1.2", "CLD.6.3.1" */
    const char *group; /* 2022: theme ("organizational"...); 2013: clause title; 27017: "cloud" */
    const char *title_en;
    const char *title_ja;
    const char *summary_en;
    const char *summary_ja; /* "" when the catalog has none */
    /* ISO/IEC 27002:2022 attributes as comma lists; "" outside the 2022 catalog. */
    const char *control_type;
    const char *security_properties;
    const char *cybersecurity_concepts;
    const char *operational_capabilities;
    const char *security_domains;
    /* ISO/IEC 27017 gives cloud-specific guidance for the customer / provider. */
    bool cloud_csc;
    bool cloud_csp;
    /* 2013 -> 2022 correspondence: for a 2013 control the 2022 ids it became,
     * for a 2022 control the 2013 ids it came from; none for 27017. */
    const char **related;
    size_t related_count, related_cap;
    /* A 2022 control with no 2013 predecessor (the 11 new controls). */
    bool new_in_2022;
};

struct isms_catalog {
    const char *key; /* one of the ISMS_CATALOG_* keys */
    const char *name_en;
    const char *name_ja;
    const struct isms_control *controls;
    size_t count;
};

/* Parses the built-in catalogs; safe to call from several threads and more
 * than once (only the first call works). Fails only on corrupt built-in data. */
int isms_catalogs_load(void);

size_t isms_catalog_count(void);
/* The i-th catalog (0 <= i < isms_catalog_count()), NULL past the end. */
const struct isms_catalog *isms_catalog_at(size_t i);
/* The catalog with `key`, or NULL. */
const struct isms_catalog *isms_catalog_get(const char *key);
/* The control `id` in `catalog`, or NULL. */
const struct isms_control *isms_catalog_find(const struct isms_catalog *catalog, const char *id);

/* True when `query` (NULL or "" match everything) is in the control's id,
 * titles or summaries, in either language, ASCII case and the spelling
 * variants of JIS terms folded (util/text.h): "脆弱性" finds 8.8, whose
 * JIS title writes ぜい弱性. */
bool isms_control_matches(const struct isms_control *control, const char *query);

#endif

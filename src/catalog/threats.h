/*
 * The built-in threat library, compiled into the binary as TSV data
 * (src/catalog/data/threats_*.tsv) and parsed on first use:
 *
 *   "enisa"  ENISA Cloud Computing Risk Assessment (2009), risks R1-R35 in
 *            four categories
 *   "x1601"  ITU-T X.1601 (2014) threats and security challenges for the
 *            cloud service customer, provider and partner
 *   "ipa"    IPA 情報セキュリティ10大脅威 for organizations, one edition
 *
 * Organizations add their own threats on top (isms/threat.h). Everything
 * returned here is immutable and lives for the whole process.
 */
#ifndef ISMS_CATALOG_THREATS_H
#define ISMS_CATALOG_THREATS_H

#define ISMS_THREATS_ENISA "enisa"
#define ISMS_THREATS_X1601 "x1601"
#define ISMS_THREATS_IPA "ipa"

struct isms_threat {
    const char *source; /* one of the ISMS_THREATS_* keys */
    const char *id;     /* "R9", "CSP-C2", "3" (IPA: the rank) */
    /* enisa: "policy_organizational", "technical", "legal", "not_cloud_specific";
     * x1601: "threat" or "challenge" (an indirect threat); ipa: "" */
    const char *category;
    const char *party; /* x1601: "csc", "csp" or "csn"; "" otherwise */
    int rank;          /* ipa: 1..10; 0 otherwise */
    const char *name_en;
    const char *name_ja;
    const char *summary_en; /* our own one-line summary */
    const char *summary_ja;
};

struct isms_threat_source {
    const char *key;
    const char *name_en;
    const char *name_ja;
    const char *edition; /* "2009", "2014", IPA: the edition year in the data */
    const struct isms_threat *threats;
    size_t count;
};

/* Parses the built-in threat data; thread-safe, only the first call works.
 * Every accessor below calls it; fails only on corrupt built-in data. */
int isms_threats_load(void);

size_t isms_threat_source_count(void);
/* The i-th source, NULL past the end (or when the data failed to load). */
const struct isms_threat_source *isms_threat_source_at(size_t i);
/* The source `key`, or NULL. */
const struct isms_threat_source *isms_threat_source_get(const char *key);
/* Threat `id` of source `key` (ids compare case-insensitively), or NULL. */
const struct isms_threat *isms_threat_builtin_find(const char *key, const char *id);

/* Display name of a category key in `lang` ("ja", else English); the key
 * itself when unknown, "" for "". */
const char *isms_threat_category_name(const char *category, const char *lang);

#endif

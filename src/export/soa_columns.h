/*
 * The columns of an exported Statement of Applicability, shared by the CSV
 * and xlsx writers so both files always say the same thing. Headers and
 * values are bilingual ("日本語 / English"): the same file serves a Japanese
 * ISMS team and its foreign auditor.
 */
#ifndef ISMS_EXPORT_SOA_COLUMNS_H
#define ISMS_EXPORT_SOA_COLUMNS_H

struct isms_soa_entry;

enum {
    ISMS_SOA_COL_ID,
    ISMS_SOA_COL_SOURCE,
    ISMS_SOA_COL_TITLE_JA,
    ISMS_SOA_COL_TITLE_EN,
    ISMS_SOA_COL_APPLICABLE,
    ISMS_SOA_COL_BASIS,
    ISMS_SOA_COL_INCLUSION,
    ISMS_SOA_COL_IMPLEMENTATION,
    ISMS_SOA_COL_EXCLUSION,
    ISMS_SOA_COL_RESPONSIBILITY,
    ISMS_SOA_COL_GUIDANCE,
    ISMS_SOA_COL_OWNER,
    ISMS_SOA_COL_UPDATED,
    ISMS_SOA_COLUMNS
};

extern const char *const isms_soa_column_headers[ISMS_SOA_COLUMNS];

/* One entry rendered as cell texts. Cells point into the entry, into static
 * labels or into the struct's own buffers; valid while both live. */
struct isms_soa_row {
    const char *cells[ISMS_SOA_COLUMNS];
    char basis[512];
    char guidance[16];
    char applicable[64];
    char implementation[96];
    char responsibility[128];
};

void isms_soa_row_render(struct isms_soa_row *row, const struct isms_soa_entry *entry);

#endif

/*
 * Statement of Applicability exports: the files an ISMS team hands to its
 * auditor. Each writes the whole document into `out` (an empty buffer).
 */
#ifndef ISMS_EXPORT_SOA_EXPORT_H
#define ISMS_EXPORT_SOA_EXPORT_H

struct isms_buf;
struct isms_soa;

/* RFC 4180 CSV with a UTF-8 BOM (Excel opens it as UTF-8); cells that a
 * spreadsheet would run as a formula are neutralised. Japanese and English
 * titles in their own columns.
 * `zone` is the time zone of the xlsx's dates; CSV and JSON keep the store's
 * UTC timestamps (RFC 3339), which other programs read without guessing. */
int isms_export_soa_csv(struct isms_buf *out, const struct isms_soa *soa, const char *zone);

/* One-sheet xlsx: frozen header row, autofilter, Japanese and English columns,
 * the last change as an Excel date-time in `zone` (named above the table). */
int isms_export_soa_xlsx(struct isms_buf *out, const struct isms_soa *soa, const char *zone);

/* The API's JSON form of the SoA (isms_json_soa), pretty-printed. */
int isms_export_soa_json(struct isms_buf *out, const struct isms_soa *soa, const char *zone);

#endif

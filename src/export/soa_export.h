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
 * titles in their own columns. */
int isms_export_soa_csv(struct isms_buf *out, const struct isms_soa *soa);

/* One-sheet xlsx: frozen header row, autofilter, Japanese and English columns. */
int isms_export_soa_xlsx(struct isms_buf *out, const struct isms_soa *soa);

/* The API's JSON form of the SoA (isms_json_soa), pretty-printed. */
int isms_export_soa_json(struct isms_buf *out, const struct isms_soa *soa);

#endif

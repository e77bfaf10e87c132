/*
 * The information asset register as files (CSV, xlsx, JSON) and as the JSON
 * the API and `isms asset ... --json` share. File exports stream the register
 * (isms_asset_each) so 100k assets never sit in memory at once. Headers are
 * bilingual ("資産名 / Name") and are what `isms asset import` reads back.
 */
#ifndef ISMS_EXPORT_ASSET_EXPORT_H
#define ISMS_EXPORT_ASSET_EXPORT_H

#include <jansson.h>

struct isms_buf;
struct isms_store;
struct isms_org;
struct isms_asset;
struct isms_asset_input;
struct isms_asset_filter;

/* {"id", "name", "type", "owner", "classification", "confidentiality",
 *  "integrity", "availability", "location", "cloud_service": {"id", "name"} | null,
 *  "retention_period", "retention_basis", "retention_basis_date", "deletion_due"
 *  (each string or null), "notes", "created_at", "updated_at"}. New reference. */
json_t *isms_json_asset(const struct isms_asset *asset);

/* Reads an asset as isms_json_asset writes it ("cloud_service_id" instead of
 * the "cloud_service" object; id, due date and timestamps are ignored).
 * Strings are borrowed from `body`. ISMS_EINVALID naming a mistyped field or
 * a bad retention rule. */
int isms_json_asset_input(struct isms_asset_input *out, const json_t *body);

/* RFC 4180 CSV with a UTF-8 BOM; cells a spreadsheet would run as formulas
 * are neutralised. */
int isms_export_assets_csv(struct isms_buf *out, struct isms_store *store,
                           const struct isms_org *org, const struct isms_asset_filter *filter);

/* One sheet, frozen header row, autofilter; written in constant memory. */
int isms_export_assets_xlsx(struct isms_buf *out, struct isms_store *store,
                            const struct isms_org *org, const struct isms_asset_filter *filter);

/* {"org": {...}, "assets": [...]}, one asset per line. */
int isms_export_assets_json(struct isms_buf *out, struct isms_store *store,
                            const struct isms_org *org, const struct isms_asset_filter *filter);

/* The columns of the CSV and xlsx files. */
enum {
    ISMS_ASSET_COL_ID,
    ISMS_ASSET_COL_NAME,
    ISMS_ASSET_COL_TYPE,
    ISMS_ASSET_COL_OWNER,
    ISMS_ASSET_COL_CLASSIFICATION,
    ISMS_ASSET_COL_C,
    ISMS_ASSET_COL_I,
    ISMS_ASSET_COL_A,
    ISMS_ASSET_COL_LOCATION,
    ISMS_ASSET_COL_CLOUD,
    ISMS_ASSET_COL_RETENTION,
    ISMS_ASSET_COL_BASIS,
    ISMS_ASSET_COL_BASIS_DATE,
    ISMS_ASSET_COL_DUE,
    ISMS_ASSET_COL_NOTES,
    ISMS_ASSET_COL_UPDATED,
    ISMS_ASSET_COLUMNS
};

extern const char *const isms_asset_column_headers[ISMS_ASSET_COLUMNS];

/* One asset as cell texts, pointing into the asset, static labels or the
 * struct's buffers; valid while both live. */
struct isms_asset_row {
    const char *cells[ISMS_ASSET_COLUMNS];
    char id[24], type[64], classification[48], c[4], i[4], a[4];
    char retention[32], basis[64], basis_date[16], due[16];
};

void isms_asset_row_render(struct isms_asset_row *row, const struct isms_asset *asset);

#endif

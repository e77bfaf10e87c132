/* The asset register's columns (shared with the xlsx writer) and its CSV file. */
#include "isms_setup.h"
#include "export/asset_export.h"
#include "isms/asset.h"
#include "isms/org.h"
#include "util/buf.h"
#include "util/csv.h"

/* Each header holds a Japanese and an English name `isms asset import` knows. */
const char *const isms_asset_column_headers[ISMS_ASSET_COLUMNS] = {
    [ISMS_ASSET_COL_ID] = "ID",
    [ISMS_ASSET_COL_NAME] = "資産名 / Name",
    [ISMS_ASSET_COL_TYPE] = "種別 / Type",
    [ISMS_ASSET_COL_OWNER] = "管理責任者 / Owner",
    [ISMS_ASSET_COL_CLASSIFICATION] = "機密区分 / Classification",
    [ISMS_ASSET_COL_C] = "機密性 / C",
    [ISMS_ASSET_COL_I] = "完全性 / I",
    [ISMS_ASSET_COL_A] = "可用性 / A",
    [ISMS_ASSET_COL_LOCATION] = "保管場所 / Location",
    [ISMS_ASSET_COL_CLOUD] = "クラウドサービス / Cloud service",
    [ISMS_ASSET_COL_RETENTION] = "保存期間 / Retention",
    [ISMS_ASSET_COL_BASIS] = "起算日 / Retention basis",
    [ISMS_ASSET_COL_BASIS_DATE] = "起算日付 / Basis date",
    [ISMS_ASSET_COL_DUE] = "削除期限 / Deletion due",
    [ISMS_ASSET_COL_NOTES] = "備考 / Notes",
    [ISMS_ASSET_COL_UPDATED] = "更新日時 / Updated",
};

void isms_asset_row_render(struct isms_asset_row *row, const struct isms_asset *a)
{
    const char **c = row->cells;
    bool has_rule = a->retention.basis != ISMS_RETENTION_NONE || a->retention.period.permanent;
    const char *basis = isms_retention_basis_name(a->retention.basis);

    snprintf(row->id, sizeof(row->id), "%" PRId64, a->id);
    snprintf(row->type, sizeof(row->type), "%s / %s", isms_asset_type_label_ja(a->type),
             isms_asset_type_name(a->type));
    snprintf(row->classification, sizeof(row->classification), "%s / %s",
             isms_asset_classification_label_ja(a->classification),
             isms_asset_classification_name(a->classification));
    snprintf(row->c, sizeof(row->c), "%d", a->confidentiality % 10);
    snprintf(row->i, sizeof(row->i), "%d", a->integrity % 10);
    snprintf(row->a, sizeof(row->a), "%d", a->availability % 10);
    row->retention[0] = '\0';
    if (has_rule)
        isms_retention_period_format(row->retention, &a->retention.period);
    snprintf(row->basis, sizeof(row->basis), "%s%s%s",
             isms_retention_basis_label_ja(a->retention.basis), basis ? " / " : "",
             basis ? basis : "");
    isms_date_format(row->basis_date, &a->retention.basis_date);
    isms_date_format(row->due, &a->deletion_due);
    c[ISMS_ASSET_COL_ID] = row->id;
    c[ISMS_ASSET_COL_NAME] = a->name;
    c[ISMS_ASSET_COL_TYPE] = row->type;
    c[ISMS_ASSET_COL_OWNER] = a->owner;
    c[ISMS_ASSET_COL_CLASSIFICATION] = row->classification;
    c[ISMS_ASSET_COL_C] = row->c;
    c[ISMS_ASSET_COL_I] = row->i;
    c[ISMS_ASSET_COL_A] = row->a;
    c[ISMS_ASSET_COL_LOCATION] = a->location;
    c[ISMS_ASSET_COL_CLOUD] = a->cloud_service_name;
    c[ISMS_ASSET_COL_RETENTION] = row->retention;
    c[ISMS_ASSET_COL_BASIS] = row->basis;
    c[ISMS_ASSET_COL_BASIS_DATE] = row->basis_date;
    c[ISMS_ASSET_COL_DUE] = row->due;
    c[ISMS_ASSET_COL_NOTES] = a->notes;
    c[ISMS_ASSET_COL_UPDATED] = a->updated_at;
}

static int write_csv_row(void *ctx, const struct isms_asset *asset)
{
    struct isms_asset_row row;

    isms_asset_row_render(&row, asset);
    return isms_csv_row(ctx, row.cells, ISMS_ASSET_COLUMNS);
}

int isms_export_assets_csv(struct isms_buf *out, struct isms_store *store,
                           const struct isms_org *org, const struct isms_asset_filter *filter)
{
    int error;

    if ((error = isms_buf_puts(out, ISMS_CSV_BOM)) < 0 ||
        (error = isms_csv_row(out, isms_asset_column_headers, ISMS_ASSET_COLUMNS)) < 0)
        return error;
    return isms_asset_each(store, org->id, filter, write_csv_row, out);
}

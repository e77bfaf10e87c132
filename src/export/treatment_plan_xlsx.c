/*
 * The treatment plan workbook (treatment_plan_xlsx.h), built through a
 * temporary file like the SoA (xlsx_file.h).
 */
#include "isms_setup.h"
#include "export/treatment_plan_xlsx.h"
#include "export/xlsx_file.h"
#include "isms/org.h"
#include "isms/risk_treatment.h"
#include "util/time.h"
#include "util/timezone.h"

#define TITLE_ROW 0
#define INFO_ROW 1
#define HEADER_ROW 3

enum {
    COL_RISK_ID,
    COL_RISK,
    COL_RISK_OWNER,
    COL_LEVEL,
    COL_TREATMENT,
    COL_CONTROLS,
    COL_ACTION,
    COL_ACTION_OWNER,
    COL_DUE,
    COL_STATUS,
    COL_RESIDUAL,
    COL_ACCEPTANCE,
    COLUMNS
};

static const char *const headers[COLUMNS] = {
    "リスク番号 / Risk No.",
    "リスク / Risk",
    "リスク所有者 / Risk owner",
    "リスクレベル / Risk level",
    "リスク対応 / Treatment",
    "管理策 / Controls",
    "対応策 / Action",
    "担当者 / Action owner",
    "期限 / Due date",
    "状況 / Status",
    "残留リスク / Residual level",
    "リスク所有者の受容 / Owner acceptance",
};

static const double widths[COLUMNS] = {10, 36, 20, 12, 18, 22, 48, 20, 12, 20, 14, 36};

struct formats {
    lxw_format *title;
    lxw_format *header;
    lxw_format *cell;
    lxw_format *overdue; /* an open item past its due date */
};

static void make_formats(struct formats *f, lxw_workbook *wb)
{
    f->title = isms_xlsx_title_format(wb);
    f->header = isms_xlsx_header_format(wb, true);
    f->cell = isms_xlsx_cell_format(wb, true, 0);
    f->overdue = isms_xlsx_cell_format(wb, true, 0xF8CBAD);
}

static void acceptance_text(char *out, size_t size, const struct isms_risk_plan_row *r,
                            const char *zone)
{
    struct isms_local_time t;

    if (r->accepted_at[0] && isms_tz_local(&t, zone, r->accepted_at) == 0)
        snprintf(out, size, "受容済 / accepted: %s %04d/%02d/%02d %02d:%02d", r->accepted_by,
                 t.year, t.month, t.day, t.hour, t.minute);
    else if (!r->has_residual)
        snprintf(out, size, "残留リスク未評価 / residual risk not assessed");
    else if (isms_risk_acceptance_required(r->has_residual, r->residual_acceptable, NULL))
        snprintf(out, size, "要受容 / acceptance required");
    else
        snprintf(out, size, "-");
}

static bool overdue(const struct isms_risk_plan_row *r, const char *today)
{
    return r->has_item &&
           (r->item.status == ISMS_RISK_ITEM_PLANNED ||
            r->item.status == ISMS_RISK_ITEM_IN_PROGRESS) &&
           strcmp(r->item.due_date, today) < 0;
}

/* A cell's text: a spreadsheet never runs it as a formula, since every value
 * goes through worksheet_write_string. */
static void write_row(lxw_worksheet *ws, lxw_row_t row, const struct isms_risk_plan_row *r,
                      lxw_format *fmt, const char *zone)
{
    char treatment[64], status[64], acceptance[512], residual[16];
    const char *t = isms_risk_treatment_name(r->treatment);

    snprintf(treatment, sizeof(treatment), "%s / %s", isms_risk_treatment_label_ja(r->treatment),
             t ? t : "-");
    if (!t)
        snprintf(treatment, sizeof(treatment), "-");
    if (r->has_item)
        snprintf(status, sizeof(status), "%s / %s", isms_risk_item_status_label_ja(r->item.status),
                 isms_risk_item_status_name(r->item.status));
    else
        snprintf(status, sizeof(status), "対応策なし / no plan item yet");
    acceptance_text(acceptance, sizeof(acceptance), r, zone);
    worksheet_write_number(ws, row, COL_RISK_ID, (double)r->risk_number, fmt);
    worksheet_write_string(ws, row, COL_RISK, r->risk_title, fmt);
    worksheet_write_string(ws, row, COL_RISK_OWNER, r->risk_owner, fmt);
    worksheet_write_number(ws, row, COL_LEVEL, r->level, fmt);
    worksheet_write_string(ws, row, COL_TREATMENT, treatment, fmt);
    worksheet_write_string(ws, row, COL_CONTROLS, r->controls, fmt);
    worksheet_write_string(ws, row, COL_ACTION, r->item.action, fmt);
    worksheet_write_string(ws, row, COL_ACTION_OWNER, r->item.owner, fmt);
    worksheet_write_string(ws, row, COL_DUE, r->item.due_date, fmt);
    worksheet_write_string(ws, row, COL_STATUS, status, fmt);
    if (r->has_residual) {
        worksheet_write_number(ws, row, COL_RESIDUAL, r->residual_level, fmt);
    } else {
        snprintf(residual, sizeof(residual), "-");
        worksheet_write_string(ws, row, COL_RESIDUAL, residual, fmt);
    }
    worksheet_write_string(ws, row, COL_ACCEPTANCE, acceptance, fmt);
}

static void write_sheet(lxw_worksheet *ws, const struct formats *f, const struct isms_org *org,
                        const struct isms_risk_plan_row *rows, size_t count, const char *zone)
{
    char title[512], info[256], now[ISMS_TIMESTAMP_SIZE], today[11];
    size_t late = 0, risks = 0, items = 0;
    struct isms_local_time t;

    isms_time_now(now);
    isms_tz_local(&t, zone, now);
    /* Due dates are the zone's calendar days. */
    snprintf(today, sizeof(today), "%04d-%02d-%02d", t.year, t.month, t.day);
    for (size_t i = 0; i < count; i++) {
        late += overdue(&rows[i], today);
        items += rows[i].has_item;
        risks += i == 0 || rows[i].item.risk_id != rows[i - 1].item.risk_id;
    }
    snprintf(title, sizeof(title), "リスク対応計画 / Risk treatment plan — %s", org->name);
    snprintf(info, sizeof(info),
             "作成日 / Date: %s    リスク / Risks: %zu    対応策 / Items: %zu    "
             "期限超過 / Overdue: %zu    日時 / Times: %s",
             today, risks, items, late, zone);
    worksheet_write_string(ws, TITLE_ROW, 0, title, f->title);
    worksheet_write_string(ws, INFO_ROW, 0, info, NULL);
    isms_xlsx_write_header(ws, HEADER_ROW, headers, widths, COLUMNS, f->header);
    for (size_t i = 0; i < count; i++)
        write_row(ws, (lxw_row_t)(HEADER_ROW + 1 + i), &rows[i],
                  overdue(&rows[i], today) ? f->overdue : f->cell, zone);
    isms_xlsx_finish_table(ws, &(const struct isms_xlsx_table){
                                   .header_row = HEADER_ROW,
                                   .last_row = (lxw_row_t)(HEADER_ROW + count),
                                   .columns = COLUMNS,
                                   .frozen_columns = 2,
                                   .fit_width = true,
                               });
}

int isms_export_treatment_plan_xlsx(struct isms_buf *out, const struct isms_org *org,
                                    const struct isms_risk_plan_row *rows, size_t count,
                                    const char *zone)
{
    const struct isms_xlsx_doc doc = {
        .file_prefix = "isms-plan",
        .title = "リスク対応計画 / Risk treatment plan",
        .company = org->name,
    };
    struct isms_xlsx_file file;
    struct formats formats;
    int error;

    if ((error = isms_xlsx_file_open(&file, &doc)) < 0)
        return error;
    make_formats(&formats, file.wb);
    write_sheet(workbook_add_worksheet(file.wb, "リスク対応計画 Plan"), &formats, org, rows, count,
                zone && *zone ? zone : ISMS_TZ_DEFAULT_JA);
    return isms_xlsx_file_finish(&file, out, 0);
}

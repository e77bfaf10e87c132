/*
 * The treatment plan workbook (treatment_plan_xlsx.h). As for the SoA,
 * libxlsxwriter 1.1.4 writes only to files: the workbook goes through a
 * private temporary file that is read back and removed.
 */
#include "isms_setup.h"
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include "export/treatment_plan_xlsx.h"
#include "isms/org.h"
#include "isms/risk_treatment.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/time.h"

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
    "リスクID / Risk ID",
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

static lxw_format *cell_format(lxw_workbook *wb, uint32_t bg)
{
    lxw_format *f = workbook_add_format(wb);

    format_set_text_wrap(f);
    format_set_border(f, LXW_BORDER_THIN);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    if (bg)
        format_set_bg_color(f, bg);
    return f;
}

static void make_formats(struct formats *f, lxw_workbook *wb)
{
    f->title = workbook_add_format(wb);
    format_set_bold(f->title);
    format_set_font_size(f->title, 14);
    f->header = workbook_add_format(wb);
    format_set_bold(f->header);
    format_set_text_wrap(f->header);
    format_set_bg_color(f->header, 0xD9E1F2);
    format_set_border(f->header, LXW_BORDER_THIN);
    format_set_align(f->header, LXW_ALIGN_VERTICAL_CENTER);
    f->cell = cell_format(wb, 0);
    f->overdue = cell_format(wb, 0xF8CBAD);
}

static void acceptance_text(char *out, size_t size, const struct isms_risk_plan_row *r)
{
    if (r->accepted_at[0])
        snprintf(out, size, "受容済 / accepted: %s %s", r->accepted_by, r->accepted_at);
    else if (isms_risk_acceptance_required(r->has_residual, r->residual_acceptable, NULL))
        snprintf(out, size, "要受容 / acceptance required");
    else
        snprintf(out, size, "-");
}

static bool overdue(const struct isms_risk_plan_row *r, const char *today)
{
    return (r->item.status == ISMS_RISK_ITEM_PLANNED ||
            r->item.status == ISMS_RISK_ITEM_IN_PROGRESS) &&
           strcmp(r->item.due_date, today) < 0;
}

/* A cell's text: a spreadsheet never runs it as a formula, since every value
 * goes through worksheet_write_string. */
static void write_row(lxw_worksheet *ws, lxw_row_t row, const struct isms_risk_plan_row *r,
                      lxw_format *fmt)
{
    char treatment[64], status[64], acceptance[512], residual[16];
    const char *t = isms_risk_treatment_name(r->treatment);

    snprintf(treatment, sizeof(treatment), "%s / %s", isms_risk_treatment_label_ja(r->treatment),
             t ? t : "-");
    if (!t)
        snprintf(treatment, sizeof(treatment), "-");
    snprintf(status, sizeof(status), "%s / %s", isms_risk_item_status_label_ja(r->item.status),
             isms_risk_item_status_name(r->item.status));
    acceptance_text(acceptance, sizeof(acceptance), r);
    worksheet_write_number(ws, row, COL_RISK_ID, (double)r->item.risk_id, fmt);
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
                        const struct isms_risk_plan_row *rows, size_t count)
{
    char title[512], info[256], now[ISMS_TIMESTAMP_SIZE], today[11];
    size_t late = 0;

    isms_time_now(now);
    snprintf(today, sizeof(today), "%.10s", now);
    for (size_t i = 0; i < count; i++)
        late += overdue(&rows[i], today);
    snprintf(title, sizeof(title), "リスク対応計画 / Risk treatment plan — %s", org->name);
    snprintf(info, sizeof(info), "作成日 / Date: %s    項目 / Items: %zu    期限超過 / Overdue: %zu",
             today, count, late);
    worksheet_write_string(ws, TITLE_ROW, 0, title, f->title);
    worksheet_write_string(ws, INFO_ROW, 0, info, NULL);
    for (lxw_col_t c = 0; c < COLUMNS; c++) {
        worksheet_set_column(ws, c, c, widths[c], NULL);
        worksheet_write_string(ws, HEADER_ROW, c, headers[c], f->header);
    }
    for (size_t i = 0; i < count; i++)
        write_row(ws, (lxw_row_t)(HEADER_ROW + 1 + i), &rows[i],
                  overdue(&rows[i], today) ? f->overdue : f->cell);
    worksheet_freeze_panes(ws, HEADER_ROW + 1, 2);
    worksheet_autofilter(ws, HEADER_ROW, 0, (lxw_row_t)(HEADER_ROW + count), COLUMNS - 1);
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9); /* A4 */
    worksheet_repeat_rows(ws, HEADER_ROW, HEADER_ROW);
    worksheet_fit_to_pages(ws, 1, 0);
}

static int read_back(struct isms_buf *out, int fd)
{
    char chunk[65536];
    ssize_t n;
    int error = 0;

    if (lseek(fd, 0, SEEK_SET) < 0)
        return isms_error_set(ISMS_ERROR, "cannot read workbook: %s", strerror(errno));
    while (error == 0 && (n = read(fd, chunk, sizeof(chunk))) != 0) {
        if (n < 0)
            return isms_error_set(ISMS_ERROR, "cannot read workbook: %s", strerror(errno));
        error = isms_buf_put(out, chunk, (size_t)n);
    }
    return error;
}

int isms_export_treatment_plan_xlsx(struct isms_buf *out, const struct isms_org *org,
                                    const struct isms_risk_plan_row *rows, size_t count)
{
    const char *tmpdir = getenv("TMPDIR");
    lxw_doc_properties props = {0};
    struct formats formats;
    char path[4096];
    lxw_workbook *wb;
    lxw_error rc;
    int fd, error;

    snprintf(path, sizeof(path), "%s/isms-plan-XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp");
    if ((fd = mkstemp(path)) < 0)
        return isms_error_set(ISMS_ERROR, "cannot create temporary file: %s", strerror(errno));
    if (!(wb = workbook_new(path))) {
        error = isms_error_set(ISMS_ERROR, "cannot create workbook");
        goto done;
    }
    props.title = (char *)"リスク対応計画 / Risk treatment plan";
    props.company = (char *)org->name;
    workbook_set_properties(wb, &props);
    make_formats(&formats, wb);
    write_sheet(workbook_add_worksheet(wb, "リスク対応計画 Plan"), &formats, org, rows, count);
    if ((rc = workbook_close(wb)) != LXW_NO_ERROR) {
        error = isms_error_set(ISMS_ERROR, "cannot write workbook: %s", lxw_strerror(rc));
        goto done;
    }
    error = read_back(out, fd);
done:
    close(fd);
    unlink(path);
    return error;
}

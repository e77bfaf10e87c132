/*
 * The risk treatment plan (ISO/IEC 27001 6.1.3 e, 8.3) as an Excel workbook:
 * one row per plan item with its risk, the risk owner, the action, who does
 * it, by when and how far it is, plus the residual level and whether the
 * risk owner has accepted it (6.1.3 f) or still has to. Headers in Japanese
 * and English; frozen header row and filters like the SoA workbook.
 */
#ifndef ISMS_EXPORT_TREATMENT_PLAN_XLSX_H
#define ISMS_EXPORT_TREATMENT_PLAN_XLSX_H

struct isms_buf;
struct isms_org;
struct isms_risk_plan_row;

/* Writes the workbook into `out` (an empty buffer). */
int isms_export_treatment_plan_xlsx(struct isms_buf *out, const struct isms_org *org,
                                    const struct isms_risk_plan_row *rows, size_t count);

#endif

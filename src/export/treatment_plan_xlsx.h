/*
 * The risk treatment plan (ISO/IEC 27001 6.1.3 e, 8.3) as an Excel workbook:
 * one block per risk with a treatment decision, in risk order: a row per
 * plan item (the action, who does it, by when, how far it is), the risk's
 * columns repeated on each so a filter keeps them - its owner, level, option,
 * selected controls, residual level and whether the risk owner has accepted
 * it (6.1.3 f) or still has to. A decided risk without items has one row that
 * says so. Headers in Japanese and English; frozen header row and filters
 * like the SoA workbook; times in `zone`.
 */
#ifndef ISMS_EXPORT_TREATMENT_PLAN_XLSX_H
#define ISMS_EXPORT_TREATMENT_PLAN_XLSX_H

struct isms_buf;
struct isms_org;
struct isms_risk_plan_row;

/* Writes the workbook into `out` (an empty buffer). */
int isms_export_treatment_plan_xlsx(struct isms_buf *out, const struct isms_org *org,
                                    const struct isms_risk_plan_row *rows, size_t count,
                                    const char *zone);

#endif

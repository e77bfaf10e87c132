/*
 * Risk heat map as a self-contained SVG image (no scripts, no external
 * references, all text escaped): one cell per likelihood x impact pair
 * showing how many risks fall in it, coloured by the band of its level,
 * with axis names and value labels in Japanese or English.
 *
 * Rows are likelihood values, highest at the top; columns are impact values,
 * lowest at the left. For the asset x threat x vulnerability method the rows
 * are the threat rating, the columns the asset value, and the image holds
 * one such grid per vulnerability value side by side (a cell's level needs
 * all three), so `counts` then has one more, outermost dimension.
 */
#ifndef ISMS_EXPORT_HEATMAP_SVG_H
#define ISMS_EXPORT_HEATMAP_SVG_H

struct isms_buf;
struct isms_risk_matrix;
struct isms_risk_score;

/* Number of entries `counts` must have:
 * (likelihood.max-likelihood.min+1) * (impact.max-impact.min+1), times
 * (vulnerability.max-vulnerability.min+1) for the ATV method. */
size_t isms_heatmap_cell_count(const struct isms_risk_matrix *m);

/* Index of `score`'s cell in `counts`, row-major
 * [vulnerability index][likelihood index][impact index] (index = value - min;
 * the vulnerability index only for the ATV method). ISMS_EINVALID when a
 * score is outside its scale. */
int isms_heatmap_cell_index(size_t *index_out, const struct isms_risk_matrix *m,
                            const struct isms_risk_score *score);

/* Appends the SVG document to `out`. `counts` has isms_heatmap_cell_count(m)
 * entries laid out as isms_heatmap_cell_index says; negative counts are
 * ISMS_EINVALID. `lang` is "ja" or "en" (anything else: "en"). */
int isms_heatmap_svg(struct isms_buf *out, const struct isms_risk_matrix *m, const int64_t *counts,
                     const char *lang);

#endif

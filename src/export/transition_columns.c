#include "isms_setup.h"
#include "export/transition_columns.h"
#include "isms/soa_labels.h"
#include "isms/transition.h"

const char *const isms_transition_column_headers[ISMS_TR_COLUMNS] = {
    [ISMS_TR_COL_ID] = "管理策番号 (2022) / Control (2022)",
    [ISMS_TR_COL_TITLE_JA] = "管理策",
    [ISMS_TR_COL_TITLE_EN] = "Control title",
    [ISMS_TR_COL_NEW] = "新規 / New",
    [ISMS_TR_COL_MERGED] = "統合 / Merged",
    [ISMS_TR_COL_FROM] = "移行元 (2013) / From (2013)",
    [ISMS_TR_COL_DECISIONS] = "2013年版の決定 / 2013 decisions",
    [ISMS_TR_COL_PROPOSAL] = "2022年版への提案 / Proposal for 2022",
    [ISMS_TR_COL_IMPLEMENTATION] = "実施状況 / Implementation status",
};

static const char *bilingual(char *out, size_t size, const struct isms_label *label)
{
    if (!label->en[0])
        return "";
    snprintf(out, size, "%s / %s", label->ja, label->en);
    return out;
}

/* Appends `text` to `out` (cut at `size`), as snprintf would at the end. */
static void append(char *out, size_t size, const char *text)
{
    size_t used = strlen(out);

    if (used + 1 < size)
        snprintf(out + used, size - used, "%s", text);
}

/* "A.5.1.1: 適用 / Applicable, 実施済 / Implemented: justification" per
 * source, one a line; a source not in the file says so. */
static void render_decisions(char *out, size_t size, const struct isms_transition_item *item)
{
    out[0] = '\0';
    for (size_t i = 0; i < item->source_count; i++) {
        const struct isms_transition_decision *d = item->sources[i].decision;
        const struct isms_label *impl = d ? isms_transition_implemented_label(d->implemented)
                                          : NULL;
        char id[ISMS_TRANSITION_ID_MAX + 1], line[600];
        isms_transition_source_id(id, item->sources[i].control);
        if (!d)
            snprintf(line, sizeof(line), "%s: 記載なし / not in the file", id);
        else
            snprintf(line, sizeof(line), "%s: %s%s%s%s%s", id,
                     d->applicable ? "適用 / Applicable" : "除外 / Excluded", *impl->en ? ", " : "",
                     *impl->en ? impl->ja : "", *impl->en ? " / " : "", impl->en);
        append(out, size, i ? "\n" : "");
        append(out, size, line);
        if (d && *d->justification) {
            append(out, size, ": ");
            append(out, size, d->justification);
        }
    }
}

void isms_transition_row_render(struct isms_transition_row *row,
                                const struct isms_transition_item *item)
{
    const struct isms_control *c = item->control;

    row->from[0] = '\0';
    for (size_t i = 0; i < item->source_count; i++) {
        char id[ISMS_TRANSITION_ID_MAX + 1];
        isms_transition_source_id(id, item->sources[i].control);
        append(row->from, sizeof(row->from), i ? ", " : "");
        append(row->from, sizeof(row->from), id);
    }
    render_decisions(row->decisions, sizeof(row->decisions), item);
    snprintf(row->id, sizeof(row->id), "A.%s", c->id);
    row->cells[ISMS_TR_COL_ID] = row->id;
    row->cells[ISMS_TR_COL_TITLE_JA] = c->title_ja;
    row->cells[ISMS_TR_COL_TITLE_EN] = c->title_en;
    row->cells[ISMS_TR_COL_NEW] = c->new_in_2022 ? "新規 / New" : "";
    row->cells[ISMS_TR_COL_MERGED] = item->merged ? "統合 / Merged" : "";
    row->cells[ISMS_TR_COL_FROM] = row->from;
    row->cells[ISMS_TR_COL_DECISIONS] = row->decisions;
    row->cells[ISMS_TR_COL_PROPOSAL] = bilingual(row->proposal, sizeof(row->proposal),
                                                 isms_transition_proposal_label(item->proposal));
    row->cells[ISMS_TR_COL_IMPLEMENTATION] = bilingual(
        row->implementation, sizeof(row->implementation),
        isms_soa_implementation_label(item->implementation));
}

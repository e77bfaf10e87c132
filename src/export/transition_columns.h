/*
 * The columns of the exported transition report, shared by the CSV and
 * xlsx writers so both files say the same thing.
 */
#ifndef ISMS_EXPORT_TRANSITION_COLUMNS_H
#define ISMS_EXPORT_TRANSITION_COLUMNS_H

struct isms_transition_item;

enum {
    ISMS_TR_COL_ID,
    ISMS_TR_COL_TITLE_JA,
    ISMS_TR_COL_TITLE_EN,
    ISMS_TR_COL_NEW,
    ISMS_TR_COL_MERGED,
    ISMS_TR_COL_FROM,
    ISMS_TR_COL_DECISIONS,
    ISMS_TR_COL_PROPOSAL,
    ISMS_TR_COL_IMPLEMENTATION,
    ISMS_TR_COLUMNS
};

extern const char *const isms_transition_column_headers[ISMS_TR_COLUMNS];

/* One item rendered as cell texts, pointing into the item, static labels
 * or the struct's buffers. */
struct isms_transition_row {
    const char *cells[ISMS_TR_COLUMNS];
    char id[24]; /* "A.5.7", as the SoA export writes it */
    char from[512];
    char decisions[8192];
    char proposal[160];
    char implementation[96];
};

void isms_transition_row_render(struct isms_transition_row *row,
                                const struct isms_transition_item *item);

#endif

#include "isms_setup.h"
#include "catalog/catalog.h"
#include "export/soa_columns.h"
#include "isms/soa.h"
#include "isms/soa_labels.h"

const char *const isms_soa_column_headers[ISMS_SOA_COLUMNS] = {
    [ISMS_SOA_COL_ID] = "管理策番号 / Control",
    [ISMS_SOA_COL_SOURCE] = "規格 / Standard",
    [ISMS_SOA_COL_TITLE_JA] = "管理策",
    [ISMS_SOA_COL_TITLE_EN] = "Control title",
    [ISMS_SOA_COL_APPLICABLE] = "適用 / Applicable",
    /* JIS Q 27001:2023 6.1.3 d): 管理策を含めた理由, 除外した理由. */
    [ISMS_SOA_COL_BASIS] = "含めた根拠 / Basis for inclusion",
    [ISMS_SOA_COL_INCLUSION] = "管理策を含めた理由 / Justification for inclusion",
    [ISMS_SOA_COL_IMPLEMENTATION] = "実施状況 / Implementation status",
    [ISMS_SOA_COL_EXCLUSION] = "管理策を除外した理由 / Justification for exclusion",
    [ISMS_SOA_COL_RESPONSIBILITY] = "責任 / Responsibility",
    [ISMS_SOA_COL_GUIDANCE] = "27017の手引 / 27017 guidance",
    [ISMS_SOA_COL_OWNER] = "管理責任者 / Owner",
    [ISMS_SOA_COL_UPDATED] = "更新日時 / Updated",
};

/* "日本語 / English", as every cell of the export reads; "" for an unset value. */
static const char *bilingual(char *out, size_t size, const struct isms_label *label)
{
    if (!label->en[0])
        return "";
    snprintf(out, size, "%s / %s", label->ja, label->en);
    return out;
}

static void render_basis(char *out, size_t size, unsigned basis)
{
    char label[128];
    size_t used = 0;

    out[0] = '\0';
    for (unsigned bit = 1; bit <= ISMS_SOA_BASIS_ALL; bit <<= 1) {
        if (!(basis & bit) || used >= size)
            continue;
        used += (size_t)snprintf(out + used, size - used, "%s%s", used ? "; " : "",
                                 bilingual(label, sizeof(label), isms_soa_basis_label(bit)));
    }
}

void isms_soa_row_render(struct isms_soa_row *row, const struct isms_soa_entry *e)
{
    const char **c = row->cells;
    bool cloud = strcmp(e->catalog_key, ISMS_CATALOG_27017_2015) == 0;

    render_basis(row->basis, sizeof(row->basis), e->inclusion_basis);
    snprintf(row->guidance, sizeof(row->guidance), "%s%s%s", e->control->cloud_csc ? "CSC" : "",
             e->control->cloud_csc && e->control->cloud_csp ? ", " : "",
             e->control->cloud_csp ? "CSP" : "");
    c[ISMS_SOA_COL_ID] = e->control_id;
    c[ISMS_SOA_COL_SOURCE] = cloud ? "ISO/IEC 27017:2015" : "ISO/IEC 27001:2022";
    c[ISMS_SOA_COL_TITLE_JA] = e->control->title_ja;
    c[ISMS_SOA_COL_TITLE_EN] = e->control->title_en;
    c[ISMS_SOA_COL_APPLICABLE] = bilingual(row->applicable, sizeof(row->applicable),
                                           isms_soa_applicability_label(e->applicability));
    c[ISMS_SOA_COL_BASIS] = row->basis;
    c[ISMS_SOA_COL_INCLUSION] = e->inclusion_justification;
    c[ISMS_SOA_COL_IMPLEMENTATION] = bilingual(row->implementation, sizeof(row->implementation),
                                               isms_soa_implementation_label(e->implementation));
    c[ISMS_SOA_COL_EXCLUSION] = e->exclusion_justification;
    /* An undecided control shows the org's default, as the SoA page does. */
    c[ISMS_SOA_COL_RESPONSIBILITY] = bilingual(row->responsibility, sizeof(row->responsibility),
                                               isms_soa_responsibility_label(e->responsibility));
    c[ISMS_SOA_COL_GUIDANCE] = row->guidance;
    c[ISMS_SOA_COL_OWNER] = e->owner;
    c[ISMS_SOA_COL_UPDATED] = e->updated_at;
}

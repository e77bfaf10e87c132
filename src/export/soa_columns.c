#include "isms_setup.h"
#include "catalog/catalog.h"
#include "export/soa_columns.h"
#include "isms/soa.h"

const char *const isms_soa_column_headers[ISMS_SOA_COLUMNS] = {
    [ISMS_SOA_COL_ID] = "管理策番号 / Control",
    [ISMS_SOA_COL_SOURCE] = "規格 / Standard",
    [ISMS_SOA_COL_TITLE_JA] = "管理策",
    [ISMS_SOA_COL_TITLE_EN] = "Control title",
    [ISMS_SOA_COL_APPLICABLE] = "適用 / Applicable",
    [ISMS_SOA_COL_BASIS] = "採用理由 / Basis for inclusion",
    [ISMS_SOA_COL_INCLUSION] = "採用の根拠 / Justification for inclusion",
    [ISMS_SOA_COL_IMPLEMENTATION] = "実施状況 / Implemented",
    [ISMS_SOA_COL_EXCLUSION] = "除外の理由 / Justification for exclusion",
    [ISMS_SOA_COL_RESPONSIBILITY] = "責任 / Responsibility",
    [ISMS_SOA_COL_GUIDANCE] = "27017の手引 / 27017 guidance",
    [ISMS_SOA_COL_OWNER] = "管理責任者 / Owner",
    [ISMS_SOA_COL_UPDATED] = "更新日時 / Updated",
};

static const char *applicable_label(enum isms_soa_applicability a)
{
    switch (a) {
    case ISMS_SOA_APPLICABLE:
        return "適用 / Applicable";
    case ISMS_SOA_NOT_APPLICABLE:
        return "除外 / Excluded";
    case ISMS_SOA_UNDECIDED:
        break;
    }
    return "未決定 / Undecided";
}

static const char *implementation_label(enum isms_soa_implementation impl)
{
    switch (impl) {
    case ISMS_SOA_IMPL_YES:
        return "実施済 / Implemented";
    case ISMS_SOA_IMPL_PARTIAL:
        return "一部実施 / Partially implemented";
    case ISMS_SOA_IMPL_NO:
        return "未実施 / Not implemented";
    case ISMS_SOA_IMPL_PLANNED:
        return "計画中 / Planned";
    case ISMS_SOA_IMPL_UNSET:
        break;
    }
    return "";
}

static const char *responsibility_label(enum isms_soa_responsibility r)
{
    switch (r) {
    case ISMS_SOA_RESP_CSC:
        return "CSC (クラウドサービスカスタマ / customer)";
    case ISMS_SOA_RESP_CSP:
        return "CSP (クラウドサービスプロバイダ / provider)";
    case ISMS_SOA_RESP_SHARED:
        return "CSC+CSP (共同 / shared)";
    }
    return "";
}

static const char *basis_label(unsigned bit)
{
    switch (bit) {
    case ISMS_SOA_BASIS_RISK:
        return "リスク対応 / Risk treatment";
    case ISMS_SOA_BASIS_LEGAL:
        return "法令・規制 / Legal";
    case ISMS_SOA_BASIS_CONTRACT:
        return "契約 / Contract";
    case ISMS_SOA_BASIS_BEST_PRACTICE:
        return "ベストプラクティス / Best practice";
    }
    return "";
}

static void render_basis(char *out, size_t size, unsigned basis)
{
    size_t used = 0;

    out[0] = '\0';
    for (unsigned bit = 1; bit <= ISMS_SOA_BASIS_ALL; bit <<= 1) {
        if (!(basis & bit) || used >= size)
            continue;
        used += (size_t)snprintf(out + used, size - used, "%s%s", used ? "; " : "",
                                 basis_label(bit));
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
    c[ISMS_SOA_COL_APPLICABLE] = applicable_label(e->applicability);
    c[ISMS_SOA_COL_BASIS] = row->basis;
    c[ISMS_SOA_COL_INCLUSION] = e->inclusion_justification;
    c[ISMS_SOA_COL_IMPLEMENTATION] = implementation_label(e->implementation);
    c[ISMS_SOA_COL_EXCLUSION] = e->exclusion_justification;
    /* An undecided control has no responsibility yet, only the org's default. */
    c[ISMS_SOA_COL_RESPONSIBILITY] =
        e->applicability == ISMS_SOA_UNDECIDED ? "" : responsibility_label(e->responsibility);
    c[ISMS_SOA_COL_GUIDANCE] = row->guidance;
    c[ISMS_SOA_COL_OWNER] = e->owner;
    c[ISMS_SOA_COL_UPDATED] = e->updated_at;
}

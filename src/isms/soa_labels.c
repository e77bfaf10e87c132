#include "isms_setup.h"
#include "isms/soa_labels.h"

static const struct isms_label none = {"", ""};

const struct isms_label *isms_soa_applicability_label(enum isms_soa_applicability a)
{
    static const struct isms_label applicable = {"Applicable", "適用"},
                                   excluded = {"Excluded", "除外"},
                                   undecided = {"Undecided", "未決定"};

    return a == ISMS_SOA_APPLICABLE       ? &applicable
           : a == ISMS_SOA_NOT_APPLICABLE ? &excluded
                                          : &undecided;
}

const struct isms_label *isms_soa_implementation_label(enum isms_soa_implementation impl)
{
    static const struct isms_label labels[] = {
        [ISMS_SOA_IMPL_YES] = {"Implemented", "実施済み"},
        [ISMS_SOA_IMPL_PARTIAL] = {"Partially implemented", "一部実施"},
        [ISMS_SOA_IMPL_NO] = {"Not implemented", "未実施"},
        [ISMS_SOA_IMPL_PLANNED] = {"Planned", "実施予定"},
    };

    if (impl < ISMS_SOA_IMPL_YES || impl > ISMS_SOA_IMPL_PLANNED)
        return &none;
    return &labels[impl];
}

const struct isms_label *isms_soa_responsibility_label(enum isms_soa_responsibility r)
{
    static const struct isms_label labels[] = {
        [ISMS_SOA_RESP_CSC] = {"Customer (CSC)", "カスタマ（CSC）"},
        [ISMS_SOA_RESP_CSP] = {"Provider (CSP)", "プロバイダ（CSP）"},
        [ISMS_SOA_RESP_SHARED] = {"Shared (CSC and CSP)", "共同（CSC及びCSP）"},
    };

    if (r < ISMS_SOA_RESP_CSC || r > ISMS_SOA_RESP_SHARED)
        return &none;
    return &labels[r];
}

const struct isms_label *isms_soa_basis_label(unsigned bit)
{
    static const struct isms_label risk = {"Risk treatment", "リスク対応"},
                                   legal = {"Legal or regulatory requirement",
                                            "法令・規制要求事項"},
                                   contract = {"Contractual obligation", "契約上の義務"},
                                   practice = {"Good practice", "ベストプラクティス"};

    switch (bit) {
    case ISMS_SOA_BASIS_RISK:
        return &risk;
    case ISMS_SOA_BASIS_LEGAL:
        return &legal;
    case ISMS_SOA_BASIS_CONTRACT:
        return &contract;
    case ISMS_SOA_BASIS_BEST_PRACTICE:
        return &practice;
    }
    return &none;
}

const struct isms_label *isms_org_role_label(enum isms_org_role role)
{
    static const struct isms_label labels[] = {
        [ISMS_ORG_CSC] = {"Cloud service customer (CSC)", "クラウドサービスカスタマ（CSC）"},
        [ISMS_ORG_CSP] = {"Cloud service provider (CSP)", "クラウドサービスプロバイダ（CSP）"},
        [ISMS_ORG_BOTH] = {"Cloud service customer and provider (CSC and CSP)",
                           "クラウドサービスカスタマ及びプロバイダ（CSC及びCSP）"},
    };

    if (role < ISMS_ORG_CSC || role > ISMS_ORG_BOTH)
        return &none;
    return &labels[role];
}

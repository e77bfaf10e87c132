#include "isms_setup.h"
#include "model/soa.h"
#include "util/error.h"

static const char *const implementation_names[] = {
    [ISMS_SOA_IMPL_YES] = "yes",
    [ISMS_SOA_IMPL_PARTIAL] = "partial",
    [ISMS_SOA_IMPL_NO] = "no",
    [ISMS_SOA_IMPL_PLANNED] = "planned",
};

static const char *const responsibility_names[] = {
    [ISMS_SOA_RESP_CSC] = "csc",
    [ISMS_SOA_RESP_CSP] = "csp",
    [ISMS_SOA_RESP_SHARED] = "shared",
};

static const char *const basis_names[] = {"risk", "legal", "contract", "best_practice"};

const char *isms_soa_implementation_name(enum isms_soa_implementation impl)
{
    return impl >= ISMS_SOA_IMPL_YES && impl <= ISMS_SOA_IMPL_PLANNED ? implementation_names[impl]
                                                                      : NULL;
}

int isms_soa_implementation_parse(enum isms_soa_implementation *out, const char *name)
{
    for (int i = ISMS_SOA_IMPL_YES; i <= ISMS_SOA_IMPL_PLANNED; i++)
        if (name && strcmp(name, implementation_names[i]) == 0) {
            *out = (enum isms_soa_implementation)i;
            return 0;
        }
    return isms_error_set(ISMS_EINVALID,
                          _("implementation must be 'yes', 'partial', 'no' or 'planned', not '%s'"),
                          name ? name : "");
}

const char *isms_soa_responsibility_name(enum isms_soa_responsibility resp)
{
    if (resp < ISMS_SOA_RESP_CSC || resp > ISMS_SOA_RESP_SHARED)
        ISMS_BUG("unknown SoA responsibility");
    return responsibility_names[resp];
}

int isms_soa_responsibility_parse(enum isms_soa_responsibility *out, const char *name)
{
    for (int i = ISMS_SOA_RESP_CSC; i <= ISMS_SOA_RESP_SHARED; i++)
        if (name && strcmp(name, responsibility_names[i]) == 0) {
            *out = (enum isms_soa_responsibility)i;
            return 0;
        }
    return isms_error_set(ISMS_EINVALID,
                          _("responsibility must be 'csc', 'csp' or 'shared', not '%s'"),
                          name ? name : "");
}

const char *isms_soa_basis_name(unsigned bit)
{
    for (unsigned i = 0; i < ISMS_ARRAY_SIZE(basis_names); i++)
        if (bit == 1u << i)
            return basis_names[i];
    return NULL;
}

int isms_soa_basis_parse(unsigned *bit_out, const char *name)
{
    for (unsigned i = 0; i < ISMS_ARRAY_SIZE(basis_names); i++)
        if (name && strcmp(name, basis_names[i]) == 0) {
            *bit_out = 1u << i;
            return 0;
        }
    return isms_error_set(ISMS_EINVALID,
                          _("inclusion basis must be 'risk', 'legal', 'contract' or "
                            "'best_practice', not '%s'"),
                          name ? name : "");
}

void isms_soa_entry_release(struct isms_soa_entry *entry)
{
    free(entry->inclusion_justification);
    free(entry->exclusion_justification);
    free(entry->owner);
    entry->inclusion_justification = entry->exclusion_justification = entry->owner = NULL;
}

void isms_soa_release(struct isms_soa *soa)
{
    for (size_t i = 0; i < soa->count; i++)
        isms_soa_entry_release(&soa->entries[i]);
    free(soa->entries);
    soa->entries = NULL;
    soa->count = 0;
}

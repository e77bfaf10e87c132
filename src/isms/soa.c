#include "isms_setup.h"
#include <strings.h>
#include "catalog/catalog.h"
#include "isms/soa.h"
#include "store/soa.h"
#include "util/error.h"
#include "util/text.h"

enum isms_soa_responsibility isms_soa_default_responsibility(enum isms_org_role role)
{
    switch (role) {
    case ISMS_ORG_CSC:
        return ISMS_SOA_RESP_CSC;
    case ISMS_ORG_CSP:
        return ISMS_SOA_RESP_CSP;
    case ISMS_ORG_BOTH:
        return ISMS_SOA_RESP_SHARED;
    }
    ISMS_BUG("unknown organization role");
}

/* The two catalogs an SoA covers, in the order its rows appear. */
static const struct {
    const char *catalog_key;
    const char *prefix; /* prepended to the catalog id to form the SoA id */
} soa_parts[] = {
    {ISMS_CATALOG_27001_2022, "A."},
    {ISMS_CATALOG_27017_2015, ""},
};

size_t isms_soa_control_count(void)
{
    size_t n = 0;

    for (size_t i = 0; i < ISMS_ARRAY_SIZE(soa_parts); i++)
        n += isms_catalog_get(soa_parts[i].catalog_key)->count;
    return n;
}

int isms_soa_control_resolve(char canonical[ISMS_SOA_ID_MAX + 1],
                             const struct isms_control **control_out, const char **catalog_key_out,
                             const char *id)
{
    const struct isms_catalog *annex_a = isms_catalog_get(ISMS_CATALOG_27001_2022);
    const struct isms_catalog *cloud = isms_catalog_get(ISMS_CATALOG_27017_2015);
    const struct isms_control *c = NULL;

    if (!id || strlen(id) > ISMS_SOA_ID_MAX)
        return isms_error_set(ISMS_ENOTFOUND, _("control not found"));
    if (strncasecmp(id, "A.", 2) == 0)
        c = isms_catalog_find(annex_a, id + 2);
    else if (strncasecmp(id, "CLD.", 4) == 0) {
        char upper[ISMS_SOA_ID_MAX + 1];
        snprintf(upper, sizeof(upper), "CLD.%s", id + 4);
        c = isms_catalog_find(cloud, upper);
    } else {
        c = isms_catalog_find(annex_a, id);
    }
    if (!c)
        return isms_error_set(ISMS_ENOTFOUND,
                              _("control '%s' is not in the Statement of "
                                "Applicability"),
                              id);
    snprintf(canonical, ISMS_SOA_ID_MAX + 1, "%s%s", c->id[0] == 'C' ? "" : "A.", c->id);
    if (control_out)
        *control_out = c;
    if (catalog_key_out)
        *catalog_key_out = c->id[0] == 'C' ? ISMS_CATALOG_27017_2015 : ISMS_CATALOG_27001_2022;
    return 0;
}

static int entry_init(struct isms_soa_entry *e, const char *catalog_key,
                      const struct isms_control *control, const char *prefix,
                      enum isms_org_role role)
{
    memset(e, 0, sizeof(*e));
    snprintf(e->control_id, sizeof(e->control_id), "%s%s", prefix, control->id);
    e->catalog_key = catalog_key;
    e->control = control;
    e->responsibility = isms_soa_default_responsibility(role);
    e->inclusion_justification = strdup("");
    e->exclusion_justification = strdup("");
    e->owner = strdup("");
    if (!e->inclusion_justification || !e->exclusion_justification || !e->owner)
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    return 0;
}

int isms_soa_load(struct isms_soa *out, struct isms_store *store, int64_t org_id)
{
    struct isms_soa soa = {0};
    int error;

    if ((error = isms_catalogs_load()) < 0 || (error = isms_org_get(&soa.org, store, org_id)) < 0)
        return error;
    if (!(soa.entries = calloc(isms_soa_control_count(), sizeof(*soa.entries))))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    for (size_t p = 0; p < ISMS_ARRAY_SIZE(soa_parts); p++) {
        const struct isms_catalog *cat = isms_catalog_get(soa_parts[p].catalog_key);
        for (size_t i = 0; i < cat->count; i++, soa.count++)
            if ((error = entry_init(&soa.entries[soa.count], cat->key, &cat->controls[i],
                                    soa_parts[p].prefix, soa.org.role)) < 0)
                goto done;
    }
    error = isms_store_soa_fill(store, org_id, NULL, soa.entries, soa.count);
done:
    if (error < 0) {
        soa.count = isms_soa_control_count(); /* entries past the failure are zeroed */
        isms_soa_release(&soa);
        return error;
    }
    *out = soa;
    return 0;
}

int isms_soa_get(struct isms_soa_entry *out, struct isms_store *store, int64_t org_id,
                 const char *control_id)
{
    char canonical[ISMS_SOA_ID_MAX + 1];
    const struct isms_control *control;
    const char *catalog_key;
    struct isms_org org;
    int error;

    if ((error = isms_catalogs_load()) < 0 || (error = isms_org_get(&org, store, org_id)) < 0 ||
        (error = isms_soa_control_resolve(canonical, &control, &catalog_key, control_id)) < 0)
        return error;
    if ((error = entry_init(out, catalog_key, control, canonical[0] == 'A' ? "A." : "", org.role)) <
            0 ||
        (error = isms_store_soa_fill(store, org_id, canonical, out, 1)) < 0) {
        isms_soa_entry_release(out);
        return error;
    }
    return 0;
}

static int check_decision(const struct isms_soa_decision *d)
{
    int error;

    if (d->applicability != ISMS_SOA_APPLICABLE && d->applicability != ISMS_SOA_NOT_APPLICABLE)
        return isms_error_set(ISMS_EINVALID, _("'applicable' must be true or false"));
    if ((d->inclusion_basis & ~ISMS_SOA_BASIS_ALL) != 0)
        return isms_error_set(ISMS_EINVALID, _("unknown inclusion basis"));
    if ((error = isms_text_check(d->inclusion_justification ? d->inclusion_justification : "",
                                 ISMS_SOA_TEXT_MAX, true, "inclusion_justification")) < 0 ||
        (error = isms_text_check(d->exclusion_justification ? d->exclusion_justification : "",
                                 ISMS_SOA_TEXT_MAX, true, "exclusion_justification")) < 0 ||
        (error = isms_text_check(d->owner ? d->owner : "", ISMS_SOA_OWNER_MAX, false, "owner")) < 0)
        return error;
    if (d->applicability == ISMS_SOA_APPLICABLE) {
        if (!d->inclusion_basis && !(d->inclusion_justification && *d->inclusion_justification))
            return isms_error_set(ISMS_EINVALID, "an applicable control needs an inclusion basis "
                                                 "or an inclusion justification");
        if (d->exclusion_justification && *d->exclusion_justification)
            return isms_error_set(ISMS_EINVALID, "an applicable control has no exclusion "
                                                 "justification");
    } else {
        if (!(d->exclusion_justification && *d->exclusion_justification))
            return isms_error_set(ISMS_EINVALID, "an excluded control needs an exclusion "
                                                 "justification");
        if (d->implementation != ISMS_SOA_IMPL_UNSET || d->inclusion_basis)
            return isms_error_set(ISMS_EINVALID, "an excluded control has no implementation "
                                                 "status or inclusion basis");
    }
    return 0;
}

static int copy_decision(struct isms_soa_entry *e, const struct isms_soa_decision *d)
{
    char *inclusion = strdup(d->inclusion_justification ? d->inclusion_justification : "");
    char *exclusion = strdup(d->exclusion_justification ? d->exclusion_justification : "");
    char *owner = strdup(d->owner ? d->owner : "");

    if (!inclusion || !exclusion || !owner) {
        free(inclusion), free(exclusion), free(owner);
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    }
    isms_soa_entry_release(e);
    e->inclusion_justification = inclusion;
    e->exclusion_justification = exclusion;
    e->owner = owner;
    e->applicability = d->applicability;
    e->inclusion_basis = d->inclusion_basis;
    e->implementation = d->implementation;
    if (d->responsibility)
        e->responsibility = d->responsibility;
    isms_time_now(e->updated_at);
    return 0;
}

int isms_soa_decide(struct isms_soa_entry *out, struct isms_store *store, int64_t org_id,
                    const char *control_id, const struct isms_soa_decision *decision,
                    const struct isms_actor *actor)
{
    struct isms_soa_entry entry;
    int error;

    if ((error = isms_soa_get(&entry, store, org_id, control_id)) < 0)
        return error;
    if ((error = check_decision(decision)) < 0 || (error = copy_decision(&entry, decision)) < 0 ||
        (error = isms_store_soa_upsert(store, org_id, &entry, actor)) < 0) {
        isms_soa_entry_release(&entry);
        return error;
    }
    *out = entry;
    return 0;
}

size_t isms_soa_undecided_count(const struct isms_soa *soa)
{
    size_t n = 0;

    for (size_t i = 0; i < soa->count; i++)
        n += soa->entries[i].applicability == ISMS_SOA_UNDECIDED;
    return n;
}

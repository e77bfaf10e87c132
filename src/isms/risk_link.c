#include "isms_setup.h"
#include "isms/org.h"
#include "isms/risk_link.h"
#include "isms/risk_provider_view.h"
#include "store/orgs.h"
#include "store/risk_links.h"
#include "store/risks.h"
#include "util/error.h"

static bool is_customer(enum isms_org_role role)
{
    return role == ISMS_ORG_CSC || role == ISMS_ORG_BOTH;
}

/* `provider` (id or slug) as a provider of org `org_id`: a provider org
 * that a cloud service of the org's register names, or that one of its risks
 * already depends on. Anything else - no such org, a customer, an unrelated
 * provider - is the same "not found": a member of one org learns nothing of
 * which other orgs exist. */
static int find_provider(struct isms_org *out, struct isms_store *store, int64_t org_id,
                         const char *provider)
{
    struct isms_org *providers = NULL;
    bool related = false;
    size_t n = 0;
    int error;

    /* One rule for "a provider of the org": the list the pages offer. */
    error = isms_org_find(out, store, provider);
    if (error == 0 && (error = isms_store_org_providers(&providers, &n, store, org_id)) == 0)
        for (size_t i = 0; i < n && !related; i++)
            related = providers[i].id == out->id;
    free(providers);
    if (error < 0 && error != ISMS_ENOTFOUND)
        return error;
    if (error < 0 || !related)
        return isms_error_set(ISMS_ENOTFOUND,
                              _("no provider '%.64s' among this organization's cloud services"),
                              provider);
    return 0;
}

static int check_parties(struct isms_org *provider_out, struct isms_store *store, int64_t org_id,
                         const char *provider)
{
    struct isms_org customer, named;
    int error;

    if ((error = isms_org_get(&customer, store, org_id)) < 0)
        return error;
    if (!is_customer(customer.role))
        return isms_error_set(ISMS_EINVALID, _("only a cloud service customer (role csc or both) "
                                               "links its risks to a provider's"));
    if (isms_org_find(&named, store, provider) == 0 && named.id == org_id)
        return isms_error_set(ISMS_EINVALID, _("a risk cannot depend on a risk of its own "
                                               "organization"));
    return find_provider(provider_out, store, org_id, provider);
}

int isms_risk_link_set(struct isms_risk *out, struct isms_store *store, int64_t org_id,
                       int64_t risk_id, const char *provider, int64_t provider_risk_id,
                       const struct isms_actor *actor)
{
    struct isms_org provider_org = {0};
    int error;

    if (provider) {
        if ((error = check_parties(&provider_org, store, org_id, provider)) < 0)
            return error;
        if (provider_risk_id <= 0)
            return isms_error_set(ISMS_EINVALID, _("'provider_risk' must be a risk id"));
    }
    if ((error = isms_store_risk_link(store, org_id, risk_id, provider_org.id,
                                      provider ? provider_risk_id : 0, actor)) < 0)
        return error;
    return isms_risk_get(out, store, org_id, risk_id);
}

int isms_risk_dependents(struct isms_risk_dependent **out, size_t *count, struct isms_store *store,
                         int64_t org_id, int64_t risk_id)
{
    return isms_store_risk_dependents(out, count, store, org_id, risk_id);
}

int isms_risk_providers(struct isms_org **out, size_t *count, struct isms_store *store,
                        int64_t org_id)
{
    return isms_store_org_providers(out, count, store, org_id);
}

int isms_risk_shared_list(struct isms_risk_provider_view **out, size_t *count, int64_t *total,
                          struct isms_store *store, int64_t org_id, const char *provider,
                          int64_t limit, int64_t offset)
{
    struct isms_risk_provider_view *views;
    struct isms_risk_list list;
    struct isms_org org;
    int error;

    if (limit == 0)
        limit = ISMS_RISK_LIST_DEFAULT;
    if (limit < 1 || limit > ISMS_RISK_LIST_MAX || offset < 0)
        return isms_error_set(ISMS_EINVALID, _("'limit' must be 1..%d and 'offset' not negative"),
                              ISMS_RISK_LIST_MAX);
    if ((error = find_provider(&org, store, org_id, provider)) < 0 ||
        (error = isms_store_risk_shared_list(&list, store, org.id, limit, offset)) < 0)
        return error;
    if (!(views = calloc(list.count + 1, sizeof(*views)))) {
        isms_risk_list_release(&list);
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    }
    for (size_t i = 0; i < list.count; i++)
        isms_risk_provider_view_fill(&views[i], &org, &list.items[i]);
    *out = views;
    *count = list.count;
    *total = list.total;
    isms_risk_list_release(&list);
    return 0;
}

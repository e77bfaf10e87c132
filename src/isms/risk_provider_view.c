/*
 * What a customer sees of the provider's risk its own depends on, filled
 * into risks read for the customer (isms_risk_get, isms_risk_list).
 */
#include "isms_setup.h"
#include "isms/org.h"
#include "isms/risk_provider_view.h"
#include "store/risk_links.h"
#include "store/risks.h"
#include "util/error.h"

/* Copies only what a customer may see of the provider's risk (risk_link.h). */
void isms_risk_provider_view_fill(struct isms_risk_provider_view *v,
                                  const struct isms_org *provider, const struct isms_risk *r)
{
    memset(v, 0, sizeof(*v));
    v->org_id = provider->id;
    snprintf(v->org_slug, sizeof(v->org_slug), "%s", provider->slug);
    snprintf(v->org_name, sizeof(v->org_name), "%s", provider->name);
    v->risk_id = r->id;
    v->risk_number = r->number;
    snprintf(v->title, sizeof(v->title), "%s", r->title);
    v->level = r->level;
    v->band = r->band;
    v->treatment = r->treatment;
    v->status = isms_risk_status_of(r);
}

int isms_risk_link_fill(struct isms_risk *risk, struct isms_store *store, int64_t provider_org_id,
                        int64_t provider_risk_id)
{
    struct isms_risk shared = {0};
    struct isms_org provider;
    int error;

    risk->has_provider = false;
    if ((error = isms_org_get(&provider, store, provider_org_id)) < 0 ||
        (error = isms_store_risk_get_shared(&shared, store, provider_org_id, provider_risk_id)) <
            0) {
        isms_risk_release(&shared);
        /* The provider stopped sharing: the link stays, its content is no longer visible. */
        return error == ISMS_ENOTFOUND ? 0 : error;
    }
    isms_risk_provider_view_fill(&risk->provider, &provider, &shared);
    risk->has_provider = true;
    isms_risk_release(&shared);
    return 0;
}

/* The linked risks of a page: linked[i] is the index in `list` of the
 * i-th id given to the store. */
struct page_links {
    struct isms_risk_list *list;
    size_t *linked;
};

static int fill_linked(void *ctx, size_t index, const struct isms_org *provider,
                       const struct isms_risk *shared)
{
    const struct page_links *p = ctx;
    struct isms_risk *risk = &p->list->items[p->linked[index]];

    isms_risk_provider_view_fill(&risk->provider, provider, shared);
    risk->has_provider = true;
    return 0;
}

int isms_risk_link_fill_list(struct isms_risk_list *list, struct isms_store *store, int64_t org_id)
{
    struct page_links p = {list, calloc(list->count + 1, sizeof(*p.linked))};
    int64_t *ids = calloc(list->count + 1, sizeof(*ids));
    size_t count = 0;
    int error;

    if (!p.linked || !ids) {
        free(p.linked), free(ids);
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    }
    for (size_t i = 0; i < list->count; i++) {
        list->items[i].has_provider = false;
        if (list->items[i].provider_org_id) {
            p.linked[count] = i;
            ids[count++] = list->items[i].id;
        }
    }
    error = isms_store_risk_linked_shared(store, org_id, ids, count, fill_linked, &p);
    free(p.linked), free(ids);
    return error;
}

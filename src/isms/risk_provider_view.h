/*
 * The provider's side of a link as the customer sees it (risk_link.h says
 * which fields and why). Used by the risk reads of risk.c and by the shared
 * list of risk_link.c; below both, so neither calls back into the other.
 */
#ifndef ISMS_ISMS_RISK_PROVIDER_VIEW_H
#define ISMS_ISMS_RISK_PROVIDER_VIEW_H

#include "isms/risk.h"

struct isms_store;

/* Copies only what a customer may see of the provider's risk `r`. */
void isms_risk_provider_view_fill(struct isms_risk_provider_view *v,
                                  const struct isms_org *provider, const struct isms_risk *r);

/* Fills risk->provider from the provider's shared risk (the allowed fields
 * only). Called by isms_risk_get; a link whose provider risk is no longer
 * shared shows no provider. */
int isms_risk_link_fill(struct isms_risk *risk, struct isms_store *store, int64_t provider_org_id,
                        int64_t provider_risk_id);

/* isms_risk_link_fill for every linked risk of `list` (a page of org
 * `org_id`'s risks), with one query for the whole page. */
int isms_risk_link_fill_list(struct isms_risk_list *list, struct isms_store *store, int64_t org_id);

#endif

/* Org `customer` takes a cloud service from org `provider`: what makes the
 * provider's shared risks visible to the customer (isms/risk_link.h). */
#ifndef ISMS_TEST_CLOUD_USE_H
#define ISMS_TEST_CLOUD_USE_H

#include "isms/cloud_service.h"
#include "model/actor.h"
#include "test_helpers.h"

static inline void test_uses_provider(struct test_db *t, int64_t customer, int64_t provider)
{
    char name[48];
    struct isms_cloud_service_input in = {
        .name = name,
        .provider_org_id = provider,
        .model = ISMS_CLOUD_IAAS,
        .managed_by = ISMS_CLOUD_MANAGED_IT,
        .risk_assessment = ISMS_CLOUD_RISK_DONE,
        .purpose = ISMS_CLOUD_PURPOSE_WITHIN,
        .cost_bearer = ISMS_CLOUD_COST_COMPANY,
    };
    struct isms_cloud_service s;

    snprintf(name, sizeof(name), "IaaS of org %" PRId64, provider);
    assert_int_equal(isms_cloud_service_create(&s, t->store, customer, &in, isms_actor_cli()), 0);
}

#endif

/* Risk owners are members of their org (isms/risk.h): a test makes each
 * owner it names a user with that display name and the risk owner role. */
#ifndef ISMS_TEST_OWNER_H
#define ISMS_TEST_OWNER_H

#include "isms/membership.h"
#include "isms/user.h"
#include "model/actor.h"
#include "test_helpers.h"

static inline void test_add_owners(struct test_db *t, int64_t org, const char *const *names,
                                   size_t count)
{
    static int serial;
    struct isms_user user;
    char login[32];

    for (size_t i = 0; i < count; i++) {
        snprintf(login, sizeof(login), "owner-%d", ++serial);
        assert_int_equal(isms_user_create(&user, t->store, login, names[i], "owner-password-123",
                                          false, isms_actor_cli()),
                         0);
        assert_int_equal(
            isms_membership_set(t->store, org, user.id, ISMS_ROLE_RISK_OWNER, isms_actor_cli()), 0);
    }
}

#endif

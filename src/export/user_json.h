/* JSON for users, memberships and login history, shared by the API and the
 * CLI. Each function returns a new reference or NULL when out of memory. */
#ifndef ISMS_EXPORT_USER_JSON_H
#define ISMS_EXPORT_USER_JSON_H

#include <jansson.h>

struct isms_user;
struct isms_member;
struct isms_login_event;

/* {"id", "name", "display_name", "lang", "is_admin", "disabled",
 *  "totp_enabled", "recovery_codes_left", "created_at"}; never a secret. */
json_t *isms_json_user(const struct isms_user *user);

/* {"user_id", "name", "display_name", "role"} */
json_t *isms_json_member(const struct isms_member *member);

/* {"at", "address", "user_agent", "result"} */
json_t *isms_json_login_event(const struct isms_login_event *event);

#endif

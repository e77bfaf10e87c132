#include "isms_setup.h"
#include "export/user_json.h"
#include "isms/auth.h"
#include "isms/membership.h"
#include "isms/user.h"

json_t *isms_json_user(const struct isms_user *user)
{
    return json_pack("{s:I, s:s, s:s, s:s, s:b, s:b, s:b, s:i, s:s}", "id", (json_int_t)user->id,
                     "name", user->name, "display_name", user->display_name, "lang", user->lang,
                     "is_admin", user->is_admin, "disabled", user->disabled, "totp_enabled",
                     user->totp_enabled, "recovery_codes_left", user->recovery_codes_left,
                     "created_at", user->created_at);
}

json_t *isms_json_member(const struct isms_member *member)
{
    return json_pack("{s:I, s:s, s:s, s:s}", "user_id", (json_int_t)member->user_id, "name",
                     member->name, "display_name", member->display_name, "role",
                     isms_role_name(member->role));
}

json_t *isms_json_login_event(const struct isms_login_event *event)
{
    return json_pack("{s:s, s:s, s:s, s:s}", "at", event->at, "address", event->address,
                     "user_agent", event->user_agent, "result", event->result);
}

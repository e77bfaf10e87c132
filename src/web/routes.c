/*
 * Every endpoint of the server. Order matters only between patterns that
 * could match the same path; none of these do.
 */
#include "isms_setup.h"
#include "web/api.h"
#include "web/pages.h"
#include "web/router.h"

#define ORG ISMS_WEB_NEEDS_ORG
#define JSON ISMS_WEB_NEEDS_JSON
#define PWCHANGE ISMS_WEB_PASSWORD_CHANGE

const struct isms_web_route isms_web_routes[] = {
    {"GET", "/healthz", isms_api_health, ISMS_WEB_PUBLIC},

    /* Signing in and one's own account (api_auth.c, web/session.h). */
    {"POST", "/api/session", isms_api_session_create, ISMS_WEB_PUBLIC | JSON},
    {"GET", "/api/session", isms_api_session_get, ISMS_WEB_MFA_STEP | PWCHANGE},
    {"DELETE", "/api/session", isms_api_session_delete, ISMS_WEB_MFA_STEP | PWCHANGE},
    {"POST", "/api/session/mfa", isms_api_session_mfa, ISMS_WEB_MFA_STEP | JSON},
    {"GET", "/api/me/logins", isms_api_me_logins, 0},
    {"POST", "/api/me/totp", isms_api_me_totp_post, JSON},
    {"DELETE", "/api/me/totp", isms_api_me_totp_delete, JSON},
    {"POST", "/api/me/recovery-codes", isms_api_me_recovery_codes, JSON},
    {"PUT", "/api/me/password", isms_api_me_password, JSON | PWCHANGE},
    {"PUT", "/api/me/lang", isms_api_me_lang, JSON},
    {"PUT", "/api/me/time-zone", isms_api_me_time_zone, JSON},

    /* Users (administrators) and org members (api_users.c). */
    {"GET", "/api/users", isms_api_users_list, ISMS_WEB_ADMIN},
    {"POST", "/api/users", isms_api_users_create, ISMS_WEB_ADMIN | JSON},
    {"GET", "/api/users/{user}", isms_api_users_get, ISMS_WEB_ADMIN},
    {"PUT", "/api/users/{user}", isms_api_users_update, ISMS_WEB_ADMIN | JSON},
    {"GET", "/api/orgs/{org}/members", isms_api_members_list, ORG},
    {"PUT", "/api/orgs/{org}/members/{user}", isms_api_members_put,
     ORG | ISMS_WEB_ORG_ADMIN | JSON},
    {"DELETE", "/api/orgs/{org}/members/{user}", isms_api_members_delete,
     ORG | ISMS_WEB_ORG_ADMIN},

    {"GET", "/api/orgs", isms_api_orgs_list, 0},
    {"POST", "/api/orgs", isms_api_orgs_create, ISMS_WEB_ADMIN | JSON},
    {"GET", "/api/orgs/{org}", isms_api_orgs_get, ORG},
    {"PUT", "/api/orgs/{org}", isms_api_orgs_put, ORG | ISMS_WEB_ORG_ADMIN | JSON},

    {"GET", "/api/catalogs", isms_api_catalogs_list, 0},
    {"GET", "/api/catalogs/{key}", isms_api_catalogs_get, 0},
    {"GET", "/api/catalogs/{key}/controls/{id}", isms_api_catalogs_control, 0},

    {"GET", "/api/orgs/{org}/soa", isms_api_soa_get, ORG},
    {"GET", "/api/orgs/{org}/soa.xlsx", isms_api_soa_xlsx, ORG},
    {"GET", "/api/orgs/{org}/soa.csv", isms_api_soa_csv, ORG},
    {"GET", "/api/orgs/{org}/soa/{control}", isms_api_soa_entry_get, ORG},
    {"PUT", "/api/orgs/{org}/soa/{control}", isms_api_soa_entry_put, ORG | JSON},

    {"GET", "/api/threats", isms_api_threats_list, 0},
    {"GET", "/api/threats/{source}/{id}", isms_api_threats_get, 0},
    {"GET", "/api/orgs/{org}/threats", isms_api_org_threats_list, ORG},
    {"POST", "/api/orgs/{org}/threats", isms_api_org_threats_create, ORG | JSON},
    {"GET", "/api/orgs/{org}/threats/{id}", isms_api_org_threats_get, ORG},

    {"GET", "/api/risk-matrices", isms_api_risk_matrices_list, 0},
    {"GET", "/api/risk-matrices/{key}", isms_api_risk_matrices_get, 0},
    {"GET", "/api/orgs/{org}/risk-matrix", isms_api_org_risk_matrix_get, ORG},
    {"PUT", "/api/orgs/{org}/risk-matrix", isms_api_org_risk_matrix_put, ORG | JSON},

    /* The risk register (api_risks.c). heatmap.svg before {risk}: both match it. */
    {"GET", "/api/orgs/{org}/risks/heatmap.svg", isms_api_risks_heatmap, ORG},
    {"GET", "/api/orgs/{org}/risks", isms_api_risks_list, ORG},
    {"POST", "/api/orgs/{org}/risks", isms_api_risks_create, ORG | JSON | ISMS_WEB_RISK_WRITE},
    {"GET", "/api/orgs/{org}/risks/{risk}", isms_api_risk_get, ORG},
    {"PUT", "/api/orgs/{org}/risks/{risk}", isms_api_risk_put, ORG | JSON | ISMS_WEB_RISK_WRITE},
    {"DELETE", "/api/orgs/{org}/risks/{risk}", isms_api_risk_delete, ORG | ISMS_WEB_RISK_WRITE},
    /* Selecting controls changes the SoA: managers only, not risk owners. */
    {"PUT", "/api/orgs/{org}/risks/{risk}/controls", isms_api_risk_controls_put, ORG | JSON},
    {"POST", "/api/orgs/{org}/risks/{risk}/accept", isms_api_risk_accept,
     ORG | JSON | ISMS_WEB_RISK_WRITE},
    {"PUT", "/api/orgs/{org}/risks/{risk}/link", isms_api_risk_link_put,
     ORG | JSON | ISMS_WEB_RISK_WRITE},
    {"GET", "/api/orgs/{org}/risks/{risk}/treatments", isms_api_risk_items_list, ORG},
    {"POST", "/api/orgs/{org}/risks/{risk}/treatments", isms_api_risk_items_create,
     ORG | JSON | ISMS_WEB_RISK_WRITE},
    {"PUT", "/api/orgs/{org}/risks/{risk}/treatments/{item}", isms_api_risk_item_put,
     ORG | JSON | ISMS_WEB_RISK_WRITE},
    {"DELETE", "/api/orgs/{org}/risks/{risk}/treatments/{item}", isms_api_risk_item_delete,
     ORG | ISMS_WEB_RISK_WRITE},
    {"GET", "/api/orgs/{org}/risk-treatment-plan.xlsx", isms_api_risk_plan_xlsx, ORG},
    {"GET", "/api/orgs/{org}/providers/{provider}/shared-risks", isms_api_risks_shared, ORG},

    /* The information asset register (api_assets.c). assets.csv / .xlsx / import
     * are distinct literal paths, so they never collide with assets/{id}. */
    {"GET", "/api/orgs/{org}/assets", isms_api_assets_list, ORG},
    {"POST", "/api/orgs/{org}/assets", isms_api_assets_create, ORG | JSON},
    {"POST", "/api/orgs/{org}/assets/import", isms_api_assets_import,
     ORG | ISMS_WEB_LARGE_BODY},
    {"GET", "/api/orgs/{org}/assets.csv", isms_api_assets_csv, ORG},
    {"GET", "/api/orgs/{org}/assets.xlsx", isms_api_assets_xlsx, ORG},
    {"GET", "/api/orgs/{org}/assets/{id}", isms_api_assets_get, ORG},
    {"PUT", "/api/orgs/{org}/assets/{id}", isms_api_assets_put, ORG | JSON},
    {"DELETE", "/api/orgs/{org}/assets/{id}", isms_api_assets_delete, ORG},

    /* The cloud service register (api_cloud_services.c). */
    {"GET", "/api/orgs/{org}/cloud-services", isms_api_cloud_services_list, ORG},
    {"POST", "/api/orgs/{org}/cloud-services", isms_api_cloud_services_create, ORG | JSON},
    {"GET", "/api/orgs/{org}/cloud-services/{id}", isms_api_cloud_services_get, ORG},
    {"PUT", "/api/orgs/{org}/cloud-services/{id}", isms_api_cloud_services_put, ORG | JSON},
    {"DELETE", "/api/orgs/{org}/cloud-services/{id}", isms_api_cloud_services_delete, ORG},

    /* Web UI pages (src/web/page_*.c); anonymous users are sent to /login. */
    {"GET", "/static/{file}", isms_page_static, ISMS_WEB_PUBLIC},
    {"GET", "/", isms_page_home, 0},
    {"POST", "/lang", isms_page_lang, ISMS_WEB_PUBLIC | ISMS_WEB_MFA_STEP},
    {"GET", "/login", isms_page_login, ISMS_WEB_PUBLIC},
    {"POST", "/login", isms_page_login_post, ISMS_WEB_PUBLIC},
    {"GET", "/login/mfa", isms_page_mfa, ISMS_WEB_PUBLIC | ISMS_WEB_MFA_STEP},
    {"POST", "/login/mfa", isms_page_mfa_post, ISMS_WEB_PUBLIC | ISMS_WEB_MFA_STEP},
    {"POST", "/logout", isms_page_logout,
     ISMS_WEB_PUBLIC | ISMS_WEB_MFA_STEP | ISMS_WEB_SIGNED_OUT_NOOP},
    {"GET", "/account", isms_page_account, PWCHANGE},
    {"POST", "/account", isms_page_account_post, PWCHANGE},
    {"GET", "/account/logins", isms_page_logins, 0},
    {"GET", "/catalogs", isms_page_catalogs, 0},
    {"GET", "/catalogs/mapping", isms_page_mapping, 0},
    {"GET", "/catalogs/{key}", isms_page_catalog, 0},
    {"GET", "/orgs", isms_page_orgs, 0},
    {"POST", "/orgs", isms_page_orgs_post, ISMS_WEB_ADMIN},
    {"GET", "/orgs/{org}", isms_page_dashboard, ORG},
    {"GET", "/orgs/{org}/soa", isms_page_soa, ORG},
    {"POST", "/orgs/{org}/soa", isms_page_soa_post, ORG},
    {"GET", "/orgs/{org}/soa/{control}", isms_page_soa_entry, ORG},
    {"POST", "/orgs/{org}/soa/{control}", isms_page_soa_entry_post, ORG},
    /* Registers and administration (page_assets*.c, page_cloud.c,
     * page_members.c, page_users.c): literal segments ("new", "import")
     * before {id}, which would match them too. */
    {"GET", "/orgs/{org}/assets", isms_page_assets, ORG},
    {"POST", "/orgs/{org}/assets", isms_page_assets_post, ORG},
    {"GET", "/orgs/{org}/assets/new", isms_page_asset_new, ORG},
    {"GET", "/orgs/{org}/assets/import", isms_page_assets_import, ORG},
    {"POST", "/orgs/{org}/assets/import", isms_page_assets_import_post,
     ORG | ISMS_WEB_LARGE_BODY},
    {"GET", "/orgs/{org}/assets/{id}", isms_page_asset, ORG},
    {"POST", "/orgs/{org}/assets/{id}", isms_page_asset_post, ORG},
    {"POST", "/orgs/{org}/assets/{id}/delete", isms_page_asset_delete, ORG},
    {"GET", "/orgs/{org}/cloud-services", isms_page_cloud_services, ORG},
    {"POST", "/orgs/{org}/cloud-services", isms_page_cloud_services_post, ORG},
    {"GET", "/orgs/{org}/cloud-services/new", isms_page_cloud_service_new, ORG},
    {"GET", "/orgs/{org}/cloud-services/{id}", isms_page_cloud_service, ORG},
    {"POST", "/orgs/{org}/cloud-services/{id}", isms_page_cloud_service_post, ORG},
    {"POST", "/orgs/{org}/cloud-services/{id}/delete", isms_page_cloud_service_delete, ORG},
    {"GET", "/orgs/{org}/settings", isms_page_org_settings, ORG | ISMS_WEB_ORG_ADMIN},
    {"POST", "/orgs/{org}/settings", isms_page_org_settings_post, ORG | ISMS_WEB_ORG_ADMIN},
    {"GET", "/orgs/{org}/members", isms_page_members, ORG | ISMS_WEB_ORG_ADMIN},
    {"POST", "/orgs/{org}/members", isms_page_members_post, ORG | ISMS_WEB_ORG_ADMIN},
    {"POST", "/orgs/{org}/members/{user}/delete", isms_page_member_delete,
     ORG | ISMS_WEB_ORG_ADMIN},
    {"GET", "/admin/users", isms_page_users, ISMS_WEB_ADMIN},
    {"POST", "/admin/users", isms_page_users_post, ISMS_WEB_ADMIN},
    {"POST", "/admin/users/{user}", isms_page_user_post, ISMS_WEB_ADMIN},
    /* The risk register pages (page_risks*.c): writes carry the risk owner's
     * flag like the API; risks/new before risks/{risk}, both match it. */
    {"GET", "/orgs/{org}/risks", isms_page_risk_list, ORG},
    {"POST", "/orgs/{org}/risks", isms_page_risk_create, ORG | ISMS_WEB_RISK_WRITE},
    {"GET", "/orgs/{org}/risks/new", isms_page_risk_new, ORG},
    {"GET", "/orgs/{org}/risks/{risk}", isms_page_risk, ORG},
    {"POST", "/orgs/{org}/risks/{risk}", isms_page_risk_update, ORG | ISMS_WEB_RISK_WRITE},
    {"GET", "/orgs/{org}/risks/{risk}/edit", isms_page_risk_edit, ORG},
    {"GET", "/orgs/{org}/risks/{risk}/delete", isms_page_risk_delete_confirm, ORG},
    {"POST", "/orgs/{org}/risks/{risk}/delete", isms_page_risk_delete, ORG | ISMS_WEB_RISK_WRITE},
    /* Like the API: selecting controls changes the SoA, so managers only. */
    {"POST", "/orgs/{org}/risks/{risk}/controls", isms_page_risk_controls_post, ORG},
    {"POST", "/orgs/{org}/risks/{risk}/treatments", isms_page_risk_items_post,
     ORG | ISMS_WEB_RISK_WRITE},
    {"POST", "/orgs/{org}/risks/{risk}/treatments/{item}", isms_page_risk_item_post,
     ORG | ISMS_WEB_RISK_WRITE},
    {"POST", "/orgs/{org}/risks/{risk}/accept", isms_page_risk_accept_post,
     ORG | ISMS_WEB_RISK_WRITE},
    {"POST", "/orgs/{org}/risks/{risk}/link", isms_page_risk_link_post, ORG | ISMS_WEB_RISK_WRITE},
};

const size_t isms_web_route_count = ISMS_ARRAY_SIZE(isms_web_routes);

/*
 * JSON API handlers, one file per resource (api_<resource>.c). Each parses
 * its request, calls one domain function and renders the result; see
 * router.h for the contract and routes.c for the paths.
 */
#ifndef ISMS_WEB_API_H
#define ISMS_WEB_API_H

struct isms_web_request;
struct isms_web_response;

int isms_api_health(struct isms_web_response *res, struct isms_web_request *req);

int isms_api_orgs_list(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_orgs_create(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_orgs_get(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_orgs_put(struct isms_web_response *res, struct isms_web_request *req);

int isms_api_catalogs_list(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_catalogs_get(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_catalogs_control(struct isms_web_response *res, struct isms_web_request *req);

int isms_api_soa_get(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_soa_entry_get(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_soa_entry_put(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_soa_xlsx(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_soa_csv(struct isms_web_response *res, struct isms_web_request *req);

int isms_api_threats_list(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_threats_get(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_org_threats_list(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_org_threats_create(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_org_threats_get(struct isms_web_response *res, struct isms_web_request *req);

int isms_api_risk_matrices_list(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_risk_matrices_get(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_org_risk_matrix_get(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_org_risk_matrix_put(struct isms_web_response *res, struct isms_web_request *req);

/* Authentication and the signed-in user's account (api_auth.c). */
int isms_api_session_create(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_session_mfa(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_session_get(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_session_delete(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_me_logins(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_me_totp_post(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_me_totp_delete(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_me_recovery_codes(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_me_password(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_me_lang(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_me_time_zone(struct isms_web_response *res, struct isms_web_request *req);

/* Users (administrators) and organization members (api_users.c). */
int isms_api_users_list(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_users_create(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_users_get(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_users_update(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_members_list(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_members_put(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_members_delete(struct isms_web_response *res, struct isms_web_request *req);

/* The risk register, its treatment and links between orgs (api_risks.c). */
int isms_api_risks_list(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_risks_create(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_risk_get(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_risk_put(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_risk_delete(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_risk_controls_put(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_risk_accept(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_risk_link_put(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_risk_items_list(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_risk_items_create(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_risk_item_put(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_risk_item_delete(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_risks_heatmap(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_risk_plan_xlsx(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_risks_shared(struct isms_web_response *res, struct isms_web_request *req);

/* The information asset register, its CSV import and exports (api_assets.c). */
int isms_api_assets_list(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_assets_create(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_assets_get(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_assets_put(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_assets_delete(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_assets_import(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_assets_csv(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_assets_xlsx(struct isms_web_response *res, struct isms_web_request *req);

/* The cloud service register (api_cloud_services.c). */
int isms_api_cloud_services_list(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_cloud_services_create(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_cloud_services_get(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_cloud_services_put(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_cloud_services_delete(struct isms_web_response *res, struct isms_web_request *req);

#endif

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

int isms_api_catalogs_list(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_catalogs_get(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_catalogs_control(struct isms_web_response *res, struct isms_web_request *req);

int isms_api_soa_get(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_soa_entry_get(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_soa_entry_put(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_soa_xlsx(struct isms_web_response *res, struct isms_web_request *req);
int isms_api_soa_csv(struct isms_web_response *res, struct isms_web_request *req);

#endif

/*
 * Every endpoint of the server. Order matters only between patterns that
 * could match the same path; none of these do.
 */
#include "isms_setup.h"
#include "web/api.h"
#include "web/router.h"

#define ORG ISMS_WEB_NEEDS_ORG
#define JSON ISMS_WEB_NEEDS_JSON

const struct isms_web_route isms_web_routes[] = {
    {"GET", "/healthz", isms_api_health, 0},

    {"GET", "/api/orgs", isms_api_orgs_list, 0},
    {"POST", "/api/orgs", isms_api_orgs_create, JSON},
    {"GET", "/api/orgs/{org}", isms_api_orgs_get, ORG},

    {"GET", "/api/catalogs", isms_api_catalogs_list, 0},
    {"GET", "/api/catalogs/{key}", isms_api_catalogs_get, 0},
    {"GET", "/api/catalogs/{key}/controls/{id}", isms_api_catalogs_control, 0},

    {"GET", "/api/orgs/{org}/soa", isms_api_soa_get, ORG},
    {"GET", "/api/orgs/{org}/soa.xlsx", isms_api_soa_xlsx, ORG},
    {"GET", "/api/orgs/{org}/soa.csv", isms_api_soa_csv, ORG},
    {"GET", "/api/orgs/{org}/soa/{control}", isms_api_soa_entry_get, ORG},
    {"PUT", "/api/orgs/{org}/soa/{control}", isms_api_soa_entry_put, ORG | JSON},
};

const size_t isms_web_route_count = ISMS_ARRAY_SIZE(isms_web_routes);

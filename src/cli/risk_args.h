/*
 * What `isms risk` reads from its command line: the risk's fields (with
 * which of them were given, for an update), the list filters and each
 * subcommand's options. Only src/cli/risk*.c include this header.
 */
#ifndef ISMS_CLI_RISK_ARGS_H
#define ISMS_CLI_RISK_ARGS_H

#include "isms/risk.h"
#include "isms/risk_treatment.h"

/* Which risk fields a command line sets (for update: only these change). */
enum {
    SET_TITLE = 1 << 0,
    SET_OWNER = 1 << 1,
    SET_L = 1 << 2,
    SET_I = 1 << 3,
    SET_V = 1 << 4,
    SET_THREAT = 1 << 5,
    SET_SOURCE = 1 << 6,
    SET_EVENT = 1 << 7,
    SET_CONSEQUENCE = 1 << 8,
    SET_TREATMENT = 1 << 9,
    SET_RES_L = 1 << 10,
    SET_RES_I = 1 << 11,
    SET_RES_V = 1 << 12,
    SET_NO_RESIDUAL = 1 << 13,
    SET_ASSETS = 1 << 14,
    SET_SHARED = 1 << 15,
    SET_MATRIX = 1 << 16,
};

struct risk_args {
    const char *db, *org;
    bool json;
    unsigned set;
    struct isms_risk_input in;
    int64_t assets[ISMS_RISK_ASSETS_MAX];
    struct isms_risk_filter filter;
    const char *by, *provider, *action, *due, *lang, *output;
    int64_t provider_risk, item;
    enum isms_risk_item_status status;
    bool unlink, clear, add, remove, residual;
};

/* Fills `a` from argv (argv[0] is the verb). 0, or the exit status of a usage error. */
int isms_cli_risk_parse_args(struct risk_args *a, int argc, char **argv);

/* A decimal integer option; the exit status of a usage error naming `option`. */
int isms_cli_risk_parse_int(int64_t *out, const char *text, const char *option);

#endif

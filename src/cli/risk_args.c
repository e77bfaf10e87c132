/* The options of `isms risk`, read into a struct risk_args (cli/risk_args.h). */
#include "isms_setup.h"
#include <getopt.h>
#include <unistd.h>
#include "cli/cli.h"
#include "cli/risk_args.h"
#include "util/error.h"

enum {
    OPT_DB = 256,
    OPT_ORG,
    OPT_JSON,
    OPT_TITLE,
    OPT_OWNER,
    OPT_LIKELIHOOD,
    OPT_IMPACT,
    OPT_VULNERABILITY,
    OPT_THREAT,
    OPT_SOURCE,
    OPT_EVENT,
    OPT_CONSEQUENCE,
    OPT_TREATMENT,
    OPT_RES_L,
    OPT_RES_I,
    OPT_RES_V,
    OPT_NO_RESIDUAL,
    OPT_ASSET,
    OPT_SHARED,
    OPT_NOT_SHARED,
    OPT_MATRIX,
    OPT_LEVEL_MIN,
    OPT_BAND,
    OPT_CONTROL,
    OPT_ACCEPTED,
    OPT_NOT_ACCEPTED,
    OPT_QUERY,
    OPT_RESIDUAL,
    OPT_LIMIT,
    OPT_OFFSET,
    OPT_BY,
    OPT_PROVIDER,
    OPT_PROVIDER_RISK,
    OPT_UNLINK,
    OPT_CLEAR,
    OPT_ADD,
    OPT_ITEM,
    OPT_DELETE,
    OPT_ACTION,
    OPT_DUE,
    OPT_STATUS,
    OPT_LANG,
    OPT_OUTPUT,
};

int isms_cli_risk_parse_int(int64_t *out, const char *text, const char *option)
{
    char *end;
    long long v;

    errno = 0;
    v = strtoll(text, &end, 10);
    if (!*text || *end || errno || v < INT_MIN / 2 || v > INT64_MAX / 2)
        return isms_error_set(ISMS_EINVALID, "--%s needs an integer, not '%s'", option, text);
    *out = v;
    return 0;
}

static int parse_score(int *out, const char *text, const char *option)
{
    int64_t v = 0;
    int error = isms_cli_risk_parse_int(&v, text, option);

    if (error == 0 && (v < -1000000 || v > 1000000))
        error = isms_error_set(ISMS_EINVALID, "--%s is out of range", option);
    if (error == 0)
        *out = (int)v;
    return error;
}

static int parse_band(enum isms_risk_band *out, const char *name)
{
    static const char *const names[] = {"low", "medium", "high"};

    for (int i = 0; i < 3; i++)
        if (strcmp(name, names[i]) == 0) {
            *out = (enum isms_risk_band)(ISMS_RISK_LOW + i);
            return 0;
        }
    return isms_error_set(ISMS_EINVALID, "--band must be low, medium or high, not '%s'", name);
}

static int apply_asset(struct risk_args *a, const char *value)
{
    int64_t id = 0;
    int error;

    if (a->in.asset_count >= ISMS_RISK_ASSETS_MAX)
        return isms_error_set(ISMS_ETOOBIG, "at most %d --asset options", ISMS_RISK_ASSETS_MAX);
    if ((error = isms_cli_risk_parse_int(&id, value, "asset")) < 0)
        return error;
    a->assets[a->in.asset_count++] = id;
    a->in.asset_ids = a->assets;
    a->set |= SET_ASSETS;
    return 0;
}

/* Options that set a risk field. Returns 1 when `opt` is not one of them. */
static int apply_risk_option(struct risk_args *a, int opt, const char *v)
{
    struct isms_risk_input *in = &a->in;

    switch (opt) {
    case OPT_TITLE:
        in->title = v;
        a->set |= SET_TITLE;
        return 0;
    case OPT_OWNER:
        in->owner = v;
        a->set |= SET_OWNER;
        return 0;
    case OPT_THREAT:
        in->threat = v;
        a->set |= SET_THREAT;
        return 0;
    case OPT_SOURCE:
        in->risk_source = v;
        a->set |= SET_SOURCE;
        return 0;
    case OPT_EVENT:
        in->event = v;
        a->set |= SET_EVENT;
        return 0;
    case OPT_CONSEQUENCE:
        in->consequence = v;
        a->set |= SET_CONSEQUENCE;
        return 0;
    case OPT_MATRIX:
        in->matrix_key = v;
        a->set |= SET_MATRIX;
        return 0;
    case OPT_SHARED:
        in->shared = true;
        a->set |= SET_SHARED;
        return 0;
    case OPT_NOT_SHARED:
        in->shared = false;
        a->set |= SET_SHARED;
        return 0;
    case OPT_NO_RESIDUAL:
        a->set |= SET_NO_RESIDUAL;
        return 0;
    case OPT_ASSET:
        return apply_asset(a, v);
    case OPT_TREATMENT:
        a->set |= SET_TREATMENT;
        if (strcmp(v, "none") == 0) {
            in->treatment = ISMS_RISK_TREATMENT_UNSET;
            a->filter.treatment_unset = true;
            return 0;
        }
        return isms_risk_treatment_parse(&in->treatment, v);
    case OPT_LIKELIHOOD:
        a->set |= SET_L;
        return parse_score(&in->score.likelihood, v, "likelihood");
    case OPT_IMPACT:
        a->set |= SET_I;
        return parse_score(&in->score.impact, v, "impact");
    case OPT_VULNERABILITY:
        a->set |= SET_V;
        return parse_score(&in->score.vulnerability, v, "vulnerability");
    case OPT_RES_L:
        a->set |= SET_RES_L;
        return parse_score(&in->residual.likelihood, v, "residual-likelihood");
    case OPT_RES_I:
        a->set |= SET_RES_I;
        return parse_score(&in->residual.impact, v, "residual-impact");
    case OPT_RES_V:
        a->set |= SET_RES_V;
        return parse_score(&in->residual.vulnerability, v, "residual-vulnerability");
    }
    return 1;
}

static int apply_filter_option(struct risk_args *a, int opt, const char *v)
{
    struct isms_risk_filter *f = &a->filter;

    switch (opt) {
    case OPT_LEVEL_MIN: {
        int level = 0, error = parse_score(&level, v, "level-min");
        f->has_level_min = true;
        f->level_min = level;
        return error;
    }
    case OPT_BAND:
        return parse_band(&f->band, v);
    case OPT_CONTROL:
        f->control_id = v;
        return 0;
    case OPT_ACCEPTED:
        f->accepted = 1;
        return 0;
    case OPT_NOT_ACCEPTED:
        f->accepted = -1;
        return 0;
    case OPT_QUERY:
        f->query = v;
        return 0;
    case OPT_RESIDUAL:
        f->residual = a->residual = true;
        return 0;
    case OPT_LIMIT:
        return isms_cli_risk_parse_int(&f->limit, v, "limit");
    case OPT_OFFSET:
        return isms_cli_risk_parse_int(&f->offset, v, "offset");
    }
    return 1;
}

static int apply_other_option(struct risk_args *a, int opt, const char *v)
{
    switch (opt) {
    case OPT_DB:
        a->db = v;
        return 0;
    case OPT_ORG:
        a->org = v;
        return 0;
    case OPT_JSON:
        a->json = true;
        return 0;
    case OPT_BY:
        a->by = v;
        return 0;
    case OPT_PROVIDER:
        a->provider = v;
        return 0;
    case OPT_PROVIDER_RISK:
        return isms_cli_risk_parse_int(&a->provider_risk, v, "provider-risk");
    case OPT_UNLINK:
        a->unlink = true;
        return 0;
    case OPT_CLEAR:
        a->clear = true;
        return 0;
    case OPT_ADD:
        a->add = true;
        return 0;
    case OPT_ITEM:
        return isms_cli_risk_parse_int(&a->item, v, "item");
    case OPT_DELETE:
        a->remove = true;
        return 0;
    case OPT_ACTION:
        a->action = v;
        return 0;
    case OPT_DUE:
        a->due = v;
        return 0;
    case OPT_STATUS:
        return isms_risk_item_status_parse(&a->status, v);
    case OPT_LANG:
        a->lang = v;
        return 0;
    case OPT_OUTPUT:
        a->output = v;
        return 0;
    }
    return 1;
}

int isms_cli_risk_parse_args(struct risk_args *a, int argc, char **argv)
{
    static const struct option options[] = {
        {"db", required_argument, NULL, OPT_DB},
        {"org", required_argument, NULL, OPT_ORG},
        {"json", no_argument, NULL, OPT_JSON},
        {"title", required_argument, NULL, OPT_TITLE},
        {"owner", required_argument, NULL, OPT_OWNER},
        {"likelihood", required_argument, NULL, OPT_LIKELIHOOD},
        {"impact", required_argument, NULL, OPT_IMPACT},
        {"vulnerability", required_argument, NULL, OPT_VULNERABILITY},
        {"threat", required_argument, NULL, OPT_THREAT},
        {"source", required_argument, NULL, OPT_SOURCE},
        {"event", required_argument, NULL, OPT_EVENT},
        {"consequence", required_argument, NULL, OPT_CONSEQUENCE},
        {"treatment", required_argument, NULL, OPT_TREATMENT},
        {"residual-likelihood", required_argument, NULL, OPT_RES_L},
        {"residual-impact", required_argument, NULL, OPT_RES_I},
        {"residual-vulnerability", required_argument, NULL, OPT_RES_V},
        {"no-residual", no_argument, NULL, OPT_NO_RESIDUAL},
        {"asset", required_argument, NULL, OPT_ASSET},
        {"shared", no_argument, NULL, OPT_SHARED},
        {"not-shared", no_argument, NULL, OPT_NOT_SHARED},
        {"matrix", required_argument, NULL, OPT_MATRIX},
        {"level-min", required_argument, NULL, OPT_LEVEL_MIN},
        {"band", required_argument, NULL, OPT_BAND},
        {"control", required_argument, NULL, OPT_CONTROL},
        {"accepted", no_argument, NULL, OPT_ACCEPTED},
        {"not-accepted", no_argument, NULL, OPT_NOT_ACCEPTED},
        {"query", required_argument, NULL, OPT_QUERY},
        {"residual", no_argument, NULL, OPT_RESIDUAL},
        {"limit", required_argument, NULL, OPT_LIMIT},
        {"offset", required_argument, NULL, OPT_OFFSET},
        {"by", required_argument, NULL, OPT_BY},
        {"provider", required_argument, NULL, OPT_PROVIDER},
        {"provider-risk", required_argument, NULL, OPT_PROVIDER_RISK},
        {"unlink", no_argument, NULL, OPT_UNLINK},
        {"clear", no_argument, NULL, OPT_CLEAR},
        {"add", no_argument, NULL, OPT_ADD},
        {"item", required_argument, NULL, OPT_ITEM},
        {"delete", no_argument, NULL, OPT_DELETE},
        {"action", required_argument, NULL, OPT_ACTION},
        {"due", required_argument, NULL, OPT_DUE},
        {"status", required_argument, NULL, OPT_STATUS},
        {"lang", required_argument, NULL, OPT_LANG},
        {"output", required_argument, NULL, OPT_OUTPUT},
        {NULL, 0, NULL, 0},
    };
    int opt, rc;

    while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
        if (opt == '?')
            return isms_cli_usage_error("risk", "unknown option");
        if ((rc = apply_risk_option(a, opt, optarg)) == 1 &&
            (rc = apply_filter_option(a, opt, optarg)) == 1)
            rc = apply_other_option(a, opt, optarg);
        if (rc < 0)
            return isms_cli_fail(rc);
    }
    return 0;
}

/*
 * Benchmark data: one organization with N assets and M risks, written
 * through the domain's bulk paths (isms_asset_create_many,
 * isms_risk_create_many: one transaction each), so levels, bands and
 * residual levels are computed exactly as for risks entered by hand.
 *
 *   gen_risks DB ORG_SLUG ASSETS RISKS [--linked]
 *
 * With --linked, a provider organization ORG_SLUG-provider (role csp) also
 * gets PROVIDER_RISKS shared risks, and every second risk of ORG_SLUG (a
 * customer too: role both) links to one of them (isms_risk_link_set, one
 * transaction each), so a page of the list shows about half its risks with
 * their provider's risk.
 *
 * Deterministic (fixed-seed xorshift): every run produces the same data.
 */
#include "isms_setup.h"
#include <time.h>
#include "catalog/catalog.h"
#include "isms/asset.h"
#include "isms/cloud_service.h"
#include "isms/membership.h"
#include "isms/org.h"
#include "isms/risk.h"
#include "isms/risk_link.h"
#include "isms/user.h"
#include "model/actor.h"
#include "store/store.h"
#include "util/error.h"

#define NAME_SIZE 64
#define PROVIDER_ASSETS 100
#define PROVIDER_RISKS 1000

static uint64_t rng_state = 0x9E3779B97F4A7C15ull;

static uint32_t next_random(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (uint32_t)(rng_state >> 16);
}

static double now_seconds(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int fail(const char *what)
{
    fprintf(stderr, "gen_risks: %s: %s\n", what, isms_error_last());
    return 1;
}

static int make_assets(int64_t *first, struct isms_store *store, int64_t org, size_t n)
{
    struct isms_asset_input *in = calloc(n, sizeof(*in));
    char *names = calloc(n, NAME_SIZE);
    int error;

    if (!in || !names) {
        free(in), free(names);
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    }
    for (size_t i = 0; i < n; i++) {
        char *name = names + i * NAME_SIZE;
        snprintf(name, NAME_SIZE, "資産 %06zu", i + 1);
        in[i] = (struct isms_asset_input){
            .name = name,
            .type = (enum isms_asset_type)(ISMS_ASSET_INFORMATION + i % 8),
            .owner = "情報システム部",
            .classification = (enum isms_asset_classification)(ISMS_CLASS_PUBLIC + i % 4),
            .confidentiality = 1 + (int)(i % 3),
            .integrity = 1 + (int)(i / 3 % 3),
            .availability = 1 + (int)(i / 9 % 3),
        };
    }
    error = isms_asset_create_many(first, store, org, in, n, isms_actor_cli());
    free(in);
    free(names);
    return error;
}

static const char *const owners[] = {
    "情報システム部長",
    "CISO",
    "CIO",
    "総務部長",
    "開発部長",
    "運用部長",
    "人事部長",
    "営業部長",
    "品質保証部長",
    "経理部長",
    "法務部長",
    "購買部長",
    "DC運用責任者",
    "SRE リード",
    "セキュリティ室長",
    "カスタマーサポート部長",
    "製造部長",
    "研究所長",
    "監査室長",
    "広報部長",
};

/* The owners as members of `org` (risk owners are users of their org). */
static int make_owners(struct isms_store *store, int64_t org)
{
    struct isms_user user;
    char login[40];
    int error;

    for (size_t i = 0; i < ISMS_ARRAY_SIZE(owners); i++) {
        snprintf(login, sizeof(login), "owner-%" PRId64 "-%zu", org, i + 1);
        if ((error = isms_user_create(&user, store, login, owners[i], "bench-owner-password", false,
                                      isms_actor_cli())) < 0 ||
            (error = isms_membership_set(store, org, user.id, ISMS_ROLE_RISK_OWNER,
                                         isms_actor_cli())) < 0)
            return error;
    }
    return 0;
}

/* `all_shared`: every risk is shared (a provider's), else about 1 in 16. */
static int make_risks(int64_t *first_risk, struct isms_store *store, int64_t org, size_t n,
                      int64_t first_asset, size_t assets, bool all_shared)
{
    struct isms_risk_input *in = calloc(n, sizeof(*in));
    int64_t *asset_ids = calloc(n, sizeof(*asset_ids));
    char *titles = calloc(n, NAME_SIZE), *threats = calloc(n, 16);
    int error;

    if (!in || !asset_ids || !titles || !threats) {
        error = isms_error_set(ISMS_ENOMEM, "out of memory");
        goto done;
    }
    if ((error = make_owners(store, org)) < 0)
        goto done;
    for (size_t i = 0; i < n; i++) {
        uint32_t r = next_random();
        snprintf(titles + i * NAME_SIZE, NAME_SIZE, "リスク %06zu クラウド設定の不備", i + 1);
        snprintf(threats + i * 16, 16, "enisa:R%u", 1 + r % 35);
        asset_ids[i] = first_asset + (int64_t)(i % assets);
        in[i] = (struct isms_risk_input){
            .title = titles + i * NAME_SIZE,
            .owner = owners[(r >> 8) % ISMS_ARRAY_SIZE(owners)],
            .threat = threats + i * 16,
            .event = "設定ミスによりデータが公開される",
            .consequence = "顧客情報の漏えい",
            .score = {(int)(r >> 12) % 5, (int)(r >> 16) % 5, 0},
            .treatment = (enum isms_risk_treatment)((r >> 20) % 5),
            .has_residual = (r >> 23) % 10 < 6,
            .residual = {(int)(r >> 24) % 3, (int)(r >> 27) % 3, 0},
            .shared = all_shared || ((r >> 30) == 0 && (r & 0x3) == 0),
            .asset_ids = &asset_ids[i],
            .asset_count = 1,
        };
    }
    error = isms_risk_create_many(first_risk, store, org, in, n, isms_actor_cli());
done:
    free(in), free(asset_ids), free(titles), free(threats);
    return error;
}

/* The customer takes a service from the provider: what lets it link to the
 * provider's shared risks (isms/risk_link.h). */
static int use_provider(struct isms_store *store, int64_t customer, int64_t provider)
{
    const struct isms_cloud_service_input in = {.name = "IaaS",
                                                .provider_org_id = provider,
                                                .model = ISMS_CLOUD_IAAS,
                                                .managed_by = ISMS_CLOUD_MANAGED_IT,
                                                .risk_assessment = ISMS_CLOUD_RISK_DONE,
                                                .purpose = ISMS_CLOUD_PURPOSE_WITHIN,
                                                .cost_bearer = ISMS_CLOUD_COST_COMPANY};
    struct isms_cloud_service s;

    return isms_cloud_service_create(&s, store, customer, &in, isms_actor_cli());
}

/* A provider org with PROVIDER_RISKS shared risks; every second risk of
 * `customer` (ids first_risk..first_risk + risks - 1) links to one of them. */
static int make_links(struct isms_store *store, const char *customer_slug, int64_t customer,
                      int64_t first_risk, size_t risks)
{
    char slug[ISMS_ORG_SLUG_MAX + sizeof("-provider")];
    struct isms_org provider;
    struct isms_risk linked;
    int64_t first_asset, first_shared;
    double t0 = now_seconds();
    size_t links = 0;
    int error;

    snprintf(slug, sizeof(slug), "%s-provider", customer_slug);
    if ((error = isms_org_create(&provider, store, slug, slug, ISMS_ORG_CSP, isms_actor_cli())) <
            0 ||
        (error = make_assets(&first_asset, store, provider.id, PROVIDER_ASSETS)) < 0 ||
        (error = make_risks(&first_shared, store, provider.id, PROVIDER_RISKS, first_asset,
                            PROVIDER_ASSETS, true)) < 0 ||
        (error = use_provider(store, customer, provider.id)) < 0)
        return error;
    for (size_t i = 0; i < risks; i += 2, links++) {
        if ((error = isms_risk_link_set(
                 &linked, store, customer, first_risk + (int64_t)i, provider.slug,
                 first_shared + (int64_t)(links % PROVIDER_RISKS), isms_actor_cli())) < 0)
            return error;
        isms_risk_release(&linked);
    }
    printf("linked %zu risks to %d shared risks of '%s' in %.2f s\n", links, PROVIDER_RISKS,
           provider.slug, now_seconds() - t0);
    return 0;
}

int main(int argc, char **argv)
{
    struct isms_store *store = NULL;
    struct isms_org org;
    int64_t first_asset = 0, first_risk = 0;
    long assets, risks;
    bool linked = argc == 6 && strcmp(argv[5], "--linked") == 0;
    double t0, t1, t2;
    int status = 1;

    if ((argc != 5 && !linked) || (assets = strtol(argv[3], NULL, 10)) <= 0 ||
        (risks = strtol(argv[4], NULL, 10)) <= 0) {
        fprintf(stderr, "usage: gen_risks DB ORG_SLUG ASSETS RISKS [--linked]\n");
        return 2;
    }
    if (isms_catalogs_load() < 0 || isms_store_open(&store, argv[1], 1) < 0)
        return fail("opening the database");
    if (isms_org_create(&org, store, argv[2], argv[2], ISMS_ORG_BOTH, isms_actor_cli()) < 0) {
        fail("creating the organization");
        goto done;
    }
    t0 = now_seconds();
    if (make_assets(&first_asset, store, org.id, (size_t)assets) < 0) {
        fail("creating assets");
        goto done;
    }
    t1 = now_seconds();
    if (make_risks(&first_risk, store, org.id, (size_t)risks, first_asset, (size_t)assets, false) <
        0) {
        fail("creating risks");
        goto done;
    }
    t2 = now_seconds();
    printf("generated %ld assets in %.2f s, %ld risks in %.2f s (org '%s', id %" PRId64 ")\n",
           assets, t1 - t0, risks, t2 - t1, org.slug, org.id);
    if (linked && make_links(store, org.slug, org.id, first_risk, (size_t)risks) < 0) {
        fail("linking risks");
        goto done;
    }
    status = 0;
done:
    isms_store_free(store);
    return status;
}

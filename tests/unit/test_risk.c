#include "isms_setup.h"
#include <setjmp.h>
#include <cmocka.h>
#include "isms/asset.h"
#include "isms/org.h"
#include "isms/risk.h"
#include "isms/risk_matrix.h"
#include "isms/risk_treatment.h"
#include "isms/soa.h"
#include "model/actor.h"
#include "test_helpers.h"
#include "test_owner.h"
#include "util/error.h"

static int64_t make_org(struct test_db *t, const char *slug, enum isms_org_role role)
{
    struct isms_org org;

    assert_int_equal(isms_org_create(&org, t->store, slug, slug, role, isms_actor_cli()), 0);
    /* The owners this file's risks name, as members (test_owner.h). */
    static const char *const owners[] = {"情報システム部", "情報システム部長", "CIO", "CISO"};
    test_add_owners(t, org.id, owners, sizeof(owners) / sizeof(*owners));
    return org.id;
}

static int64_t make_asset(struct test_db *t, int64_t org, const char *name)
{
    struct isms_asset_input in = {
        .name = name,
        .type = ISMS_ASSET_INFORMATION,
        .owner = "情報システム部",
        .classification = ISMS_CLASS_CONFIDENTIAL,
        .confidentiality = 3,
        .integrity = 2,
        .availability = 2,
    };
    struct isms_asset asset;
    int64_t id;

    assert_int_equal(isms_asset_create(&asset, t->store, org, &in, isms_actor_cli()), 0);
    id = asset.id;
    isms_asset_release(&asset);
    return id;
}

/* A risk on the default ISO/IEC 27005 matrix (likelihood 0-4 + impact 0-4). */
static struct isms_risk_input input(const char *title, int likelihood, int impact)
{
    return (struct isms_risk_input){
        .title = title,
        .owner = "情報システム部長",
        .threat = "enisa:R9",
        .event = "バックアップからリストアできない",
        .consequence = "顧客の事業が継続できない",
        .score = {likelihood, impact, 0},
    };
}

static int64_t add(struct test_db *t, int64_t org, const struct isms_risk_input *in)
{
    struct isms_risk r;
    int64_t id;

    assert_int_equal(isms_risk_create(&r, t->store, org, in, isms_actor_cli()), 0);
    id = r.id;
    isms_risk_release(&r);
    return id;
}

static void level_band_and_residual_are_computed_on_the_org_matrix(void **state)
{
    struct test_db *t = *state;
    int64_t org = make_org(t, "provider", ISMS_ORG_CSP);
    struct isms_risk_input in = input("バックアップのベンダーロックイン", 3, 4);
    struct isms_risk r;

    in.treatment = ISMS_RISK_MODIFY;
    in.has_residual = true;
    in.residual = (struct isms_risk_score){1, 1, 0};
    assert_int_equal(isms_risk_create(&r, t->store, org, &in, isms_actor_cli()), 0);
    assert_true(r.id > 0);
    assert_string_equal(r.matrix_key, "iso27005-5x5");
    assert_int_equal(r.level, 7);
    assert_int_equal(r.band, ISMS_RISK_HIGH);
    assert_true(r.has_residual);
    assert_int_equal(r.residual_level, 2);
    assert_int_equal(r.residual_band, ISMS_RISK_LOW);
    assert_true(r.residual_acceptable);
    assert_string_equal(r.threat_source, "enisa");
    assert_string_equal(r.threat_id, "R9");
    /* Decided and assessed, but nothing planned yet: not treated. */
    assert_int_equal(r.status, ISMS_RISK_IN_TREATMENT);
    assert_string_equal(r.accepted_at, "");
    isms_risk_release(&r);
}

static void retaining_a_risk_keeps_it_as_residual_and_needs_acceptance(void **state)
{
    struct test_db *t = *state;
    int64_t org = make_org(t, "customer", ISMS_ORG_CSC);
    struct isms_risk_input in = input("データ消失", 2, 4);
    struct isms_risk r;

    in.treatment = ISMS_RISK_RETAIN;
    assert_int_equal(isms_risk_create(&r, t->store, org, &in, isms_actor_cli()), 0);
    assert_true(r.has_residual);
    assert_int_equal(r.residual_level, 6);
    assert_false(r.residual_acceptable);
    assert_int_equal(r.status, ISMS_RISK_AWAITING_ACCEPTANCE);
    assert_true(
        isms_risk_acceptance_required(r.has_residual, r.residual_acceptable, r.accepted_at));
    isms_risk_release(&r);
}

static void bad_input_is_rejected_with_the_field_named(void **state)
{
    struct test_db *t = *state;
    int64_t org = make_org(t, "acme", ISMS_ORG_BOTH);
    struct isms_risk_input in = input("x", 5, 1);
    struct isms_risk r;

    assert_int_equal(isms_risk_create(&r, t->store, org, &in, isms_actor_cli()), ISMS_EINVALID);
    assert_non_null(strstr(isms_error_last(), "likelihood 5"));
    in = input("x", 1, 1);
    in.has_residual = true;
    in.residual = (struct isms_risk_score){1, 9, 0};
    assert_int_equal(isms_risk_create(&r, t->store, org, &in, isms_actor_cli()), ISMS_EINVALID);
    assert_non_null(strstr(isms_error_last(), "residual impact 9"));
    in = input("x", 1, 1);
    in.owner = "";
    assert_int_equal(isms_risk_create(&r, t->store, org, &in, isms_actor_cli()), ISMS_EINVALID);
    assert_non_null(strstr(isms_error_last(), "owner"));
    in = input("two\nlines", 1, 1);
    assert_int_equal(isms_risk_create(&r, t->store, org, &in, isms_actor_cli()), ISMS_EINVALID);
    in = input("x", 1, 1);
    in.threat = "enisa:R99";
    assert_int_equal(isms_risk_create(&r, t->store, org, &in, isms_actor_cli()), ISMS_EINVALID);
    assert_non_null(strstr(isms_error_last(), "enisa:R99"));
}

static void another_orgs_risk_is_not_found(void **state)
{
    struct test_db *t = *state;
    int64_t a = make_org(t, "alpha", ISMS_ORG_CSP), b = make_org(t, "beta", ISMS_ORG_CSC);
    struct isms_risk_input in = input("alpha secret", 1, 1);
    int64_t id = add(t, a, &in);
    struct isms_risk r;
    struct isms_risk_list list;
    const struct isms_risk_filter all = {0};

    assert_int_equal(isms_risk_get(&r, t->store, b, id), ISMS_ENOTFOUND);
    assert_int_equal(isms_risk_update(&r, t->store, b, id, &in, isms_actor_cli()), ISMS_ENOTFOUND);
    assert_int_equal(isms_risk_accept(&r, t->store, b, id, "情報システム部長", isms_actor_cli()),
                     ISMS_ENOTFOUND);
    assert_int_equal(isms_risk_delete(t->store, b, id, isms_actor_cli()), ISMS_ENOTFOUND);
    assert_int_equal(isms_risk_list(&list, t->store, b, &all), 0);
    assert_int_equal(list.total, 0);
    isms_risk_list_release(&list);
    assert_int_equal(isms_risk_get(&r, t->store, a, id), 0);
    assert_string_equal(r.title, "alpha secret");
    isms_risk_release(&r);
}

static void another_orgs_asset_cannot_be_named(void **state)
{
    struct test_db *t = *state;
    int64_t a = make_org(t, "alpha", ISMS_ORG_CSP), b = make_org(t, "beta", ISMS_ORG_CSC);
    int64_t mine = make_asset(t, b, "顧客台帳"), theirs = make_asset(t, a, "alpha db");
    struct isms_risk_input in = input("漏えい", 2, 2);
    int64_t assets[2] = {mine, theirs};
    struct isms_risk r;

    in.asset_ids = assets;
    in.asset_count = 2;
    assert_int_equal(isms_risk_create(&r, t->store, b, &in, isms_actor_cli()), ISMS_ENOTFOUND);
    in.asset_count = 1;
    assert_int_equal(isms_risk_create(&r, t->store, b, &in, isms_actor_cli()), 0);
    assert_int_equal(r.asset_count, 1);
    assert_int_equal(r.asset_ids[0], mine);
    isms_risk_release(&r);
}

static void the_matrix_is_recorded_on_the_risk(void **state)
{
    struct test_db *t = *state;
    int64_t org = make_org(t, "jp", ISMS_ORG_CSC);
    struct isms_risk_input in = input("古い評価", 4, 4);
    struct isms_risk_matrix m;
    struct isms_risk r;
    int64_t old = add(t, org, &in);

    assert_int_equal(isms_risk_matrix_use(&m, t->store, isms_actor_cli(), org, "jp-atv-3"), 0);
    /* The old risk keeps its matrix and level... */
    assert_int_equal(isms_risk_get(&r, t->store, org, old), 0);
    assert_string_equal(r.matrix_key, "iso27005-5x5");
    assert_int_equal(r.level, 8);
    isms_risk_release(&r);
    /* ... also when it is edited: its scores mean what they meant. */
    in.title = "古い評価 (更新)";
    assert_int_equal(isms_risk_update(&r, t->store, org, old, &in, isms_actor_cli()), 0);
    assert_string_equal(r.matrix_key, "iso27005-5x5");
    assert_int_equal(r.level, 8);
    isms_risk_release(&r);
    /* A new risk is assessed on the new matrix: 3 x 3 x 2. */
    in = input("新しい評価", 3, 3);
    in.score.vulnerability = 2;
    assert_int_equal(isms_risk_create(&r, t->store, org, &in, isms_actor_cli()), 0);
    assert_string_equal(r.matrix_key, "jp-atv-3");
    assert_int_equal(r.level, 18);
    assert_int_equal(r.band, ISMS_RISK_HIGH);
    isms_risk_release(&r);
}

static void acceptance_is_the_owners_and_cleared_by_new_residual_scores(void **state)
{
    struct test_db *t = *state;
    int64_t org = make_org(t, "acme", ISMS_ORG_CSC);
    struct isms_risk_input in = input("保有するリスク", 2, 3);
    struct isms_risk r;
    int64_t id;

    assert_int_equal(isms_risk_create(&r, t->store, org, &in, isms_actor_cli()), 0);
    id = r.id;
    isms_risk_release(&r);
    /* Nothing to accept before there is a residual risk. */
    assert_int_equal(isms_risk_accept(&r, t->store, org, id, "情報システム部長", isms_actor_cli()),
                     ISMS_EINVALID);
    in.treatment = ISMS_RISK_RETAIN;
    assert_int_equal(isms_risk_update(&r, t->store, org, id, &in, isms_actor_cli()), 0);
    isms_risk_release(&r);
    assert_int_equal(isms_risk_accept(&r, t->store, org, id, "someone else", isms_actor_cli()),
                     ISMS_EINVALID);
    assert_non_null(strstr(isms_error_last(), "only the risk owner"));
    assert_int_equal(isms_risk_accept(&r, t->store, org, id, "情報システム部長", isms_actor_cli()),
                     0);
    assert_string_equal(r.accepted_by, "情報システム部長");
    assert_int_equal(strlen(r.accepted_at), 20);
    assert_int_equal(r.status, ISMS_RISK_ACCEPTED);
    isms_risk_release(&r);
    /* Editing the text keeps the acceptance ... */
    in.event = "別の説明";
    assert_int_equal(isms_risk_update(&r, t->store, org, id, &in, isms_actor_cli()), 0);
    assert_string_equal(r.accepted_by, "情報システム部長");
    isms_risk_release(&r);
    /* ... new residual values clear it: it was given for the old ones. */
    in.treatment = ISMS_RISK_MODIFY;
    in.has_residual = true;
    in.residual = (struct isms_risk_score){2, 2, 0};
    assert_int_equal(isms_risk_update(&r, t->store, org, id, &in, isms_actor_cli()), 0);
    assert_string_equal(r.accepted_by, "");
    assert_string_equal(r.accepted_at, "");
    assert_int_equal(r.status, ISMS_RISK_IN_TREATMENT);
    isms_risk_release(&r);
}

static void find_soa(struct isms_soa_entry *e, struct test_db *t, int64_t org, const char *id)
{
    assert_int_equal(isms_soa_get(e, t->store, org, id), 0);
}

static void selecting_controls_marks_them_applicable_for_the_risk(void **state)
{
    struct test_db *t = *state;
    int64_t org = make_org(t, "provider", ISMS_ORG_CSP);
    struct isms_risk_input in = input("テナント間の情報漏えい", 3, 4);
    int64_t id = add(t, org, &in), other = add(t, org, &in);
    const struct isms_soa_decision legal = {
        .applicability = ISMS_SOA_APPLICABLE,
        .inclusion_basis = ISMS_SOA_BASIS_LEGAL,
        .inclusion_justification = "個人情報保護法",
    };
    const struct isms_soa_decision excluded = {
        .applicability = ISMS_SOA_NOT_APPLICABLE,
        .exclusion_justification = "no premises",
    };
    const char *controls[] = {"5.23", "A.8.12", "cld.9.5.1"};
    struct isms_soa_entry e;
    struct isms_risk r;
    char line[64];

    assert_int_equal(isms_soa_decide(&e, t->store, org, "A.8.12", &legal, isms_actor_cli()), 0);
    isms_soa_entry_release(&e);
    assert_int_equal(isms_soa_decide(&e, t->store, org, "A.7.4", &excluded, isms_actor_cli()), 0);
    isms_soa_entry_release(&e);

    assert_int_equal(isms_risk_controls_set(&r, t->store, org, id, controls, 3, isms_actor_cli()),
                     0);
    assert_int_equal(r.control_count, 3);
    assert_string_equal(r.controls[0], "A.5.23");
    assert_string_equal(r.controls[1], "A.8.12");
    assert_string_equal(r.controls[2], "CLD.9.5.1");
    isms_risk_release(&r);
    snprintf(line, sizeof(line), "risk #%" PRId64 ": テナント間の情報漏えい", id);

    find_soa(&e, t, org, "A.5.23");
    assert_int_equal(e.applicability, ISMS_SOA_APPLICABLE);
    assert_int_equal(e.inclusion_basis, ISMS_SOA_BASIS_RISK);
    assert_string_equal(e.inclusion_justification, line);
    isms_soa_entry_release(&e);
    /* Other bases and justification text are kept. */
    find_soa(&e, t, org, "A.8.12");
    assert_int_equal(e.inclusion_basis, ISMS_SOA_BASIS_LEGAL | ISMS_SOA_BASIS_RISK);
    assert_non_null(strstr(e.inclusion_justification, "個人情報保護法\n"));
    assert_non_null(strstr(e.inclusion_justification, line));
    isms_soa_entry_release(&e);

    /* An excluded control becomes applicable and loses its exclusion. */
    controls[0] = "A.7.4";
    assert_int_equal(
        isms_risk_controls_set(&r, t->store, other, other, controls, 1, isms_actor_cli()),
        ISMS_ENOTFOUND);
    assert_int_equal(
        isms_risk_controls_set(&r, t->store, org, other, controls, 1, isms_actor_cli()), 0);
    isms_risk_release(&r);
    find_soa(&e, t, org, "A.7.4");
    assert_int_equal(e.applicability, ISMS_SOA_APPLICABLE);
    assert_string_equal(e.exclusion_justification, "");
    assert_int_equal(e.inclusion_basis, ISMS_SOA_BASIS_RISK);
    isms_soa_entry_release(&e);

    /* Dropping a control removes the risk's line; the legal basis stays. */
    assert_int_equal(
        isms_risk_controls_set(&r, t->store, org, id, controls + 1, 1, isms_actor_cli()), 0);
    isms_risk_release(&r);
    find_soa(&e, t, org, "A.5.23");
    assert_int_equal(e.applicability, ISMS_SOA_APPLICABLE); /* still decided */
    assert_null(strstr(e.inclusion_justification, line));
    isms_soa_entry_release(&e);
    assert_int_equal(isms_risk_delete(t->store, org, id, isms_actor_cli()), 0);
    find_soa(&e, t, org, "A.8.12");
    assert_int_equal(e.inclusion_basis, ISMS_SOA_BASIS_LEGAL);
    assert_string_equal(e.inclusion_justification, "個人情報保護法");
    isms_soa_entry_release(&e);
    controls[0] = "A.99.1";
    assert_int_equal(
        isms_risk_controls_set(&r, t->store, org, other, controls, 1, isms_actor_cli()),
        ISMS_EINVALID);
}

static int64_t list_total(struct test_db *t, int64_t org, const struct isms_risk_filter *f)
{
    struct isms_risk_list list;
    int64_t total;

    assert_int_equal(isms_risk_list(&list, t->store, org, f), 0);
    total = list.total;
    isms_risk_list_release(&list);
    return total;
}

static void list_filters_and_pages(void **state)
{
    struct test_db *t = *state;
    int64_t org = make_org(t, "acme", ISMS_ORG_CSC), other = make_org(t, "other", ISMS_ORG_CSC);
    int64_t asset = make_asset(t, org, "会計システム");
    struct isms_risk_input in;
    struct isms_risk_list list;
    struct isms_risk r;
    int64_t accepted_id = 0;

    for (int i = 0; i < 25; i++) {
        char title[32];
        snprintf(title, sizeof(title), "risk %d%s", i, i % 5 == 0 ? " 100%_off" : "");
        in = input(title, i % 5, (i / 5) % 5);
        in.owner = i % 2 ? "CIO" : "CISO";
        in.treatment = i % 3 == 0 ? ISMS_RISK_RETAIN : ISMS_RISK_TREATMENT_UNSET;
        in.asset_ids = &asset;
        in.asset_count = i < 4;
        accepted_id = add(t, org, &in);
    }
    in = input("other org", 4, 4);
    add(t, other, &in);
    assert_int_equal(isms_risk_accept(&r, t->store, org, accepted_id, "CISO", isms_actor_cli()), 0);
    isms_risk_release(&r);

    assert_int_equal(list_total(t, org, &(struct isms_risk_filter){0}), 25);
    /* level = likelihood + impact >= 6: (2,4) (3,3) (3,4) (4,2) (4,3) (4,4) */
    assert_int_equal(
        list_total(t, org, &(struct isms_risk_filter){.has_level_min = true, .level_min = 6}), 6);
    assert_int_equal(list_total(t, org, &(struct isms_risk_filter){.band = ISMS_RISK_HIGH}), 6);
    assert_int_equal(list_total(t, org, &(struct isms_risk_filter){.owner = "CIO"}), 12);
    assert_int_equal(list_total(t, org, &(struct isms_risk_filter){.treatment = ISMS_RISK_RETAIN}),
                     9);
    assert_int_equal(list_total(t, org, &(struct isms_risk_filter){.treatment_unset = true}), 16);
    assert_int_equal(list_total(t, org, &(struct isms_risk_filter){.asset_id = asset}), 4);
    assert_int_equal(list_total(t, org, &(struct isms_risk_filter){.accepted = 1}), 1);
    assert_int_equal(list_total(t, org, &(struct isms_risk_filter){.accepted = -1}), 24);
    /* LIKE wildcards in the query are literal. */
    assert_int_equal(list_total(t, org, &(struct isms_risk_filter){.query = "100%_"}), 5);
    assert_int_equal(list_total(t, org, &(struct isms_risk_filter){.query = "1%0"}), 0);

    assert_int_equal(
        isms_risk_list(&list, t->store, org, &(struct isms_risk_filter){.limit = 10, .offset = 20}),
        0);
    assert_int_equal(list.total, 25);
    assert_int_equal(list.count, 5);
    isms_risk_list_release(&list);
    assert_int_equal(isms_risk_list(&list, t->store, org, &(struct isms_risk_filter){.limit = 3}),
                     0);
    /* Highest level first. */
    assert_int_equal(list.items[0].level, 8);
    assert_true(list.items[1].level <= 8 && list.items[2].level <= list.items[1].level);
    isms_risk_list_release(&list);
    assert_int_equal(
        isms_risk_list(&list, t->store, org, &(struct isms_risk_filter){.limit = 1001}),
        ISMS_EINVALID);
}

static void heat_map_counts_per_cell(void **state)
{
    struct test_db *t = *state;
    int64_t org = make_org(t, "acme", ISMS_ORG_CSC);
    struct isms_risk_input in = input("a", 1, 2);
    struct isms_risk_matrix m;
    int64_t *counts, other;
    size_t cells;

    add(t, org, &in);
    add(t, org, &in);
    in = input("b", 4, 0);
    in.has_residual = true;
    in.residual = (struct isms_risk_score){0, 0, 0};
    add(t, org, &in);
    assert_int_equal(isms_risk_matrix_for_org(&m, t->store, org), 0);
    assert_int_equal(isms_risk_heatmap_counts(&counts, &cells, &other, t->store, org, &m, false),
                     0);
    assert_int_equal(cells, 25);
    assert_int_equal(counts[1 * 5 + 2], 2);
    assert_int_equal(counts[4 * 5 + 0], 1);
    assert_int_equal(other, 0);
    free(counts);
    assert_int_equal(isms_risk_heatmap_counts(&counts, &cells, &other, t->store, org, &m, true), 0);
    assert_int_equal(counts[0], 1);
    assert_int_equal(counts[1 * 5 + 2], 0);
    free(counts);
    /* Risks on another matrix are counted apart, not misplaced. */
    assert_int_equal(isms_risk_matrix_use(&m, t->store, isms_actor_cli(), org, "jp-atv-3"), 0);
    assert_int_equal(isms_risk_heatmap_counts(&counts, &cells, &other, t->store, org, &m, false),
                     0);
    assert_int_equal(cells, 27);
    assert_int_equal(other, 3);
    free(counts);
}

/* The status follows from the data (first-week report): "treated" only with
 * a complete plan and an assessed residual risk that meets the criteria. */
static void status_follows_plan_and_residual(void **state)
{
    static const struct {
        enum isms_risk_treatment treatment;
        int items_done, items_open;
        bool assessed;
        int residual_likelihood; /* with impact 1: 2 meets the criteria (<= 2), 4 not */
        enum isms_risk_status expected;
    } cases[] = {
        {ISMS_RISK_TREATMENT_UNSET, 0, 0, false, 0, ISMS_RISK_OPEN},
        {ISMS_RISK_MODIFY, 0, 0, true, 1, ISMS_RISK_IN_TREATMENT}, /* no plan item */
        {ISMS_RISK_AVOID, 1, 0, false, 0, ISMS_RISK_NOT_ASSESSED},
        {ISMS_RISK_SHARE, 1, 0, false, 0, ISMS_RISK_NOT_ASSESSED},
        {ISMS_RISK_SHARE, 1, 1, true, 1, ISMS_RISK_IN_TREATMENT},
        {ISMS_RISK_MODIFY, 2, 0, true, 4, ISMS_RISK_AWAITING_ACCEPTANCE},
        {ISMS_RISK_MODIFY, 1, 0, true, 1, ISMS_RISK_TREATED},
        /* Retaining keeps the current level (3 + 3) as the residual one. */
        {ISMS_RISK_RETAIN, 0, 0, false, 0, ISMS_RISK_AWAITING_ACCEPTANCE},
    };
    struct test_db *t = *state;
    int64_t org = make_org(t, "acme", ISMS_ORG_CSC);

    for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
        struct isms_risk_input in = input("状態の確認", 3, 3);
        struct isms_risk_item_input item = {"対策", "SRE", "2026-03-31", ISMS_RISK_ITEM_DONE};
        struct isms_risk_treatment_item saved;
        struct isms_risk r;
        int64_t id;

        in.treatment = cases[i].treatment;
        in.has_residual = cases[i].assessed;
        in.residual = (struct isms_risk_score){cases[i].residual_likelihood, 1, 0};
        id = add(t, org, &in);
        for (int k = 0; k < cases[i].items_done + cases[i].items_open; k++) {
            item.status = k < cases[i].items_done ? ISMS_RISK_ITEM_DONE : ISMS_RISK_ITEM_PLANNED;
            assert_int_equal(
                isms_risk_item_save(&saved, t->store, org, id, 0, &item, isms_actor_cli()), 0);
        }
        assert_int_equal(isms_risk_get(&r, t->store, org, id), 0);
        if (r.status != cases[i].expected)
            fail_msg("case %zu: status %s, expected %s", i, isms_risk_status_name(r.status),
                     isms_risk_status_name(cases[i].expected));
        isms_risk_release(&r);
    }
}

static void treatment_plan_items(void **state)
{
    struct test_db *t = *state;
    int64_t org = make_org(t, "acme", ISMS_ORG_CSC), other = make_org(t, "x", ISMS_ORG_CSC);
    struct isms_risk_input in = input("計画のあるリスク", 3, 3);
    struct isms_risk_item_input item = {"四半期ごとにリストア試験", "SRE", "2026-03-31", 0};
    struct isms_risk_treatment_item saved;
    struct isms_risk_plan_row *rows;
    struct isms_risk r;
    size_t n;
    int64_t id;

    in.treatment = ISMS_RISK_MODIFY;
    id = add(t, org, &in);
    assert_int_equal(isms_risk_item_save(&saved, t->store, org, id, 0, &item, isms_actor_cli()), 0);
    assert_int_equal(saved.status, ISMS_RISK_ITEM_PLANNED);
    assert_string_equal(saved.due_date, "2026-03-31");
    assert_int_equal(isms_risk_get(&r, t->store, org, id), 0);
    assert_int_equal(r.status, ISMS_RISK_IN_TREATMENT);
    isms_risk_release(&r);
    /* Another org can neither add to nor change this risk's plan. */
    assert_int_equal(isms_risk_item_save(&saved, t->store, other, id, 0, &item, isms_actor_cli()),
                     ISMS_ENOTFOUND);
    item.status = ISMS_RISK_ITEM_DONE;
    assert_int_equal(
        isms_risk_item_save(&saved, t->store, other, id, saved.id, &item, isms_actor_cli()),
        ISMS_ENOTFOUND);
    assert_int_equal(
        isms_risk_item_save(&saved, t->store, org, id, saved.id, &item, isms_actor_cli()), 0);
    assert_int_equal(saved.status, ISMS_RISK_ITEM_DONE);
    assert_int_equal(isms_risk_get(&r, t->store, org, id), 0);
    /* The plan is done but the residual risk is not assessed. */
    assert_int_equal(r.status, ISMS_RISK_NOT_ASSESSED);
    isms_risk_release(&r);

    item.due_date = "2026-02-30";
    assert_int_equal(isms_risk_item_save(&saved, t->store, org, id, 0, &item, isms_actor_cli()),
                     ISMS_EINVALID);
    assert_int_equal(isms_risk_plan_load(&rows, &n, t->store, org), 0);
    assert_int_equal(n, 1);
    assert_string_equal(rows[0].risk_title, "計画のあるリスク");
    assert_string_equal(rows[0].item.owner, "SRE");
    isms_risk_plan_release(rows, n);
    assert_int_equal(isms_risk_item_delete(t->store, other, id, saved.id, isms_actor_cli()),
                     ISMS_ENOTFOUND);
    assert_int_equal(isms_risk_item_delete(t->store, org, id, saved.id, isms_actor_cli()), 0);
    /* The decided risk stays in the plan, as a row without an item. */
    assert_int_equal(isms_risk_plan_load(&rows, &n, t->store, org), 0);
    assert_int_equal(n, 1);
    assert_false(rows[0].has_item);
    assert_int_equal(rows[0].item.risk_id, id);
    isms_risk_plan_release(rows, n);
}

/* First-week report: the plan listed only risks with items, in the order
 * 1, 2, 1. Every risk with a decision, one block each, in risk order. */
static void the_plan_lists_every_decided_risk_in_risk_order(void **state)
{
    struct test_db *t = *state;
    int64_t org = make_org(t, "acme", ISMS_ORG_CSC);
    struct isms_risk_input in = input("計画", 3, 3);
    struct isms_risk_item_input late = {"後の対策", "SRE", "2026-09-30", 0};
    struct isms_risk_item_input early = {"先の対策", "SRE", "2026-01-31", 0};
    struct isms_risk_treatment_item saved;
    struct isms_risk_plan_row *rows;
    int64_t first, second, undecided, retained;
    size_t n;

    in.treatment = ISMS_RISK_MODIFY;
    first = add(t, org, &in);
    second = add(t, org, &in);
    in.treatment = ISMS_RISK_TREATMENT_UNSET;
    undecided = add(t, org, &in);
    in.treatment = ISMS_RISK_RETAIN;
    retained = add(t, org, &in);
    assert_int_equal(isms_risk_item_save(&saved, t->store, org, first, 0, &late, isms_actor_cli()),
                     0);
    assert_int_equal(
        isms_risk_item_save(&saved, t->store, org, second, 0, &early, isms_actor_cli()), 0);
    assert_int_equal(isms_risk_item_save(&saved, t->store, org, first, 0, &early, isms_actor_cli()),
                     0);
    assert_int_equal(isms_risk_plan_load(&rows, &n, t->store, org), 0);
    assert_int_equal(n, 4);
    assert_int_equal(rows[0].item.risk_id, first);
    assert_string_equal(rows[0].item.action, "先の対策");
    assert_int_equal(rows[1].item.risk_id, first);
    assert_string_equal(rows[1].item.action, "後の対策");
    assert_int_equal(rows[2].item.risk_id, second);
    assert_int_equal(rows[3].item.risk_id, retained);
    assert_false(rows[3].has_item);
    for (size_t i = 0; i < n; i++)
        assert_true(rows[i].item.risk_id != undecided);
    isms_risk_plan_release(rows, n);
}

static void bulk_create_is_all_or_nothing(void **state)
{
    struct test_db *t = *state;
    int64_t org = make_org(t, "bulk", ISMS_ORG_CSC);
    struct isms_risk_input in[3] = {input("one", 1, 1), input("two", 4, 4), input("three", 9, 1)};
    const struct isms_risk_filter all = {0};
    struct isms_risk r;
    int64_t first = 0;

    assert_int_equal(isms_risk_create_many(&first, t->store, org, in, 3, isms_actor_cli()),
                     ISMS_EINVALID);
    assert_non_null(strstr(isms_error_last(), "risk 3: likelihood 9"));
    assert_int_equal(list_total(t, org, &all), 0);
    assert_int_equal(isms_risk_create_many(&first, t->store, org, in, 2, isms_actor_cli()), 0);
    assert_int_equal(list_total(t, org, &all), 2);
    assert_int_equal(isms_risk_get(&r, t->store, org, first + 1), 0);
    assert_string_equal(r.title, "two");
    assert_int_equal(r.level, 8);
    assert_string_equal(r.threat_source, "enisa");
    isms_risk_release(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(level_band_and_residual_are_computed_on_the_org_matrix,
                                        test_db_setup, test_db_teardown),
        cmocka_unit_test_setup_teardown(retaining_a_risk_keeps_it_as_residual_and_needs_acceptance,
                                        test_db_setup, test_db_teardown),
        cmocka_unit_test_setup_teardown(bad_input_is_rejected_with_the_field_named, test_db_setup,
                                        test_db_teardown),
        cmocka_unit_test_setup_teardown(another_orgs_risk_is_not_found, test_db_setup,
                                        test_db_teardown),
        cmocka_unit_test_setup_teardown(another_orgs_asset_cannot_be_named, test_db_setup,
                                        test_db_teardown),
        cmocka_unit_test_setup_teardown(the_matrix_is_recorded_on_the_risk, test_db_setup,
                                        test_db_teardown),
        cmocka_unit_test_setup_teardown(acceptance_is_the_owners_and_cleared_by_new_residual_scores,
                                        test_db_setup, test_db_teardown),
        cmocka_unit_test_setup_teardown(selecting_controls_marks_them_applicable_for_the_risk,
                                        test_db_setup, test_db_teardown),
        cmocka_unit_test_setup_teardown(list_filters_and_pages, test_db_setup, test_db_teardown),
        cmocka_unit_test_setup_teardown(heat_map_counts_per_cell, test_db_setup, test_db_teardown),
        cmocka_unit_test_setup_teardown(status_follows_plan_and_residual, test_db_setup,
                                        test_db_teardown),
        cmocka_unit_test_setup_teardown(the_plan_lists_every_decided_risk_in_risk_order,
                                        test_db_setup, test_db_teardown),
        cmocka_unit_test_setup_teardown(treatment_plan_items, test_db_setup, test_db_teardown),
        cmocka_unit_test_setup_teardown(bulk_create_is_all_or_nothing, test_db_setup,
                                        test_db_teardown),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}

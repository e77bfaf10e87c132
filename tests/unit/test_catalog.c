#include "isms_setup.h"
#include <setjmp.h>
#include <cmocka.h>
#include "catalog/catalog.h"

static const struct isms_catalog *annex_a, *iso2013, *cloud;

static int load(void **state)
{
    if (isms_catalogs_load() < 0)
        return -1;
    annex_a = isms_catalog_get(ISMS_CATALOG_27001_2022);
    iso2013 = isms_catalog_get(ISMS_CATALOG_27002_2013);
    cloud = isms_catalog_get(ISMS_CATALOG_27017_2015);
    return annex_a && iso2013 && cloud ? 0 : -1;
}

static void counts_match_the_standards(void **state)
{
    size_t themes[4] = {0};
    static const char *const names[4] = {"organizational", "people", "physical", "technological"};

    assert_int_equal(isms_catalog_count(), 3);
    assert_int_equal(annex_a->count, 93);
    assert_int_equal(iso2013->count, 114);
    assert_int_equal(cloud->count, 7);
    for (size_t i = 0; i < annex_a->count; i++)
        for (size_t n = 0; n < 4; n++)
            themes[n] += strcmp(annex_a->controls[i].group, names[n]) == 0;
    assert_int_equal(themes[0], 37);
    assert_int_equal(themes[1], 8);
    assert_int_equal(themes[2], 14);
    assert_int_equal(themes[3], 34);
}

static void sample_ids_and_titles(void **state)
{
    const struct isms_control *c;

    assert_non_null(c = isms_catalog_find(annex_a, "5.1"));
    assert_string_equal(c->title_en, "Policies for information security");
    assert_string_equal(c->title_ja, "情報セキュリティのための方針群");
    assert_non_null(c = isms_catalog_find(annex_a, "5.23"));
    assert_string_equal(c->title_en, "Information security for use of cloud services");
    assert_non_null(strstr(c->title_ja, "クラウドサービス"));
    assert_non_null(c = isms_catalog_find(annex_a, "8.34"));
    assert_string_equal(c->group, "technological");
    assert_non_null(c = isms_catalog_find(iso2013, "9.4.2"));
    assert_string_equal(c->title_en, "Secure log-on procedures");
    assert_non_null(c = isms_catalog_find(cloud, "CLD.9.5.1"));
    assert_string_equal(c->title_en, "Segregation in virtual computing environments");
    assert_null(isms_catalog_find(annex_a, "5.38"));
    assert_null(isms_catalog_get("iso9001"));
}

static void every_2022_control_carries_all_five_attributes(void **state)
{
    const struct isms_control *c;

    for (size_t i = 0; i < annex_a->count; i++) {
        c = &annex_a->controls[i];
        assert_true(*c->control_type && *c->security_properties && *c->cybersecurity_concepts &&
                    *c->operational_capabilities && *c->security_domains);
        assert_true(*c->title_ja && *c->summary_en);
    }
    c = isms_catalog_find(annex_a, "5.7");
    assert_non_null(strstr(c->operational_capabilities, "Threat_and_vulnerability_management"));
    assert_string_equal(c->security_domains, "Defence,Resilience");
}

/* Seed 001: the eleven controls new in ISO/IEC 27001:2022. */
static void exactly_the_eleven_new_controls_have_no_2013_source(void **state)
{
    static const char *const expected[] = {"5.7",  "5.23", "5.30", "7.4",  "8.9", "8.10",
                                           "8.11", "8.12", "8.16", "8.23", "8.28"};
    size_t n = 0;

    for (size_t i = 0; i < annex_a->count; i++) {
        if (!annex_a->controls[i].new_in_2022)
            continue;
        assert_true(n < ISMS_ARRAY_SIZE(expected));
        assert_string_equal(annex_a->controls[i].id, expected[n++]);
    }
    assert_int_equal(n, ISMS_ARRAY_SIZE(expected));
}

static void mapping_covers_every_2013_control_both_ways(void **state)
{
    const struct isms_control *c;

    for (size_t i = 0; i < iso2013->count; i++)
        assert_true(iso2013->controls[i].related_count >= 1);
    c = isms_catalog_find(annex_a, "5.1");
    assert_int_equal(c->related_count, 2); /* 5.1.1 and 5.1.2 merged */
    c = isms_catalog_find(iso2013, "12.4.1");
    assert_int_equal(c->related_count, 1);
    assert_string_equal(c->related[0], "8.15");
}

static void cloud_guidance_reaches_2022_controls_through_the_mapping(void **state)
{
    const struct isms_control *old = isms_catalog_find(iso2013, "13.1.3");
    const struct isms_control *segregation = isms_catalog_find(annex_a, "8.22");

    assert_true(old->cloud_csc && old->cloud_csp);
    assert_true(segregation->cloud_csc && segregation->cloud_csp);
    assert_true(isms_catalog_find(cloud, "CLD.6.3.1")->cloud_csc);
    assert_true(isms_catalog_find(cloud, "CLD.6.3.1")->cloud_csp);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(counts_match_the_standards),
        cmocka_unit_test(sample_ids_and_titles),
        cmocka_unit_test(every_2022_control_carries_all_five_attributes),
        cmocka_unit_test(exactly_the_eleven_new_controls_have_no_2013_source),
        cmocka_unit_test(mapping_covers_every_2013_control_both_ways),
        cmocka_unit_test(cloud_guidance_reaches_2022_controls_through_the_mapping),
    };
    return cmocka_run_group_tests(tests, load, NULL);
}

#include "isms_setup.h"
#include <jansson.h>
#include <setjmp.h>
#include <cmocka.h>
#include "catalog/catalog.h"
#include "export/json.h"
#include "isms/soa.h"
#include "util/error.h"

static const char *related[] = {"5.1.1", "5.1.2"};

/* A control built by hand: these tests need no catalog data. */
static const struct isms_control control = {
    .id = "5.1",
    .group = "organizational",
    .title_en = "Policies for information security",
    .title_ja = "情報セキュリティのための方針群",
    .summary_en = "s",
    .summary_ja = "",
    .control_type = "Preventive",
    .security_properties = "Confidentiality, Integrity,,Availability ",
    .cybersecurity_concepts = "Identify",
    .operational_capabilities = "Governance",
    .security_domains = "Governance_and_Ecosystem,Resilience",
    .cloud_csc = true,
    .cloud_csp = false,
    .related = related,
    .related_count = 2,
    .new_in_2022 = false,
};

static json_t *parse(const char *text)
{
    json_error_t err;
    json_t *doc = json_loads(text, 0, &err);

    if (!doc)
        fail_msg("bad test JSON: %s", err.text);
    return doc;
}

static void control_attributes_are_arrays_in_2022_only(void **state)
{
    json_t *c = isms_json_control(&control, ISMS_CATALOG_27001_2022);
    json_t *props = json_object_get(json_object_get(c, "attributes"), "security_properties");

    assert_non_null(c);
    assert_int_equal(json_array_size(props), 3);
    assert_string_equal(json_string_value(json_array_get(props, 1)), "Integrity");
    assert_string_equal(json_string_value(json_array_get(props, 2)), "Availability");
    assert_int_equal(json_array_size(json_object_get(c, "related")), 2);
    assert_true(json_is_false(json_object_get(c, "new_in_2022")));
    assert_true(json_is_true(json_object_get(json_object_get(c, "cloud_guidance"), "csc")));
    json_decref(c);

    c = isms_json_control(&control, ISMS_CATALOG_27002_2013);
    assert_null(json_object_get(c, "attributes"));
    assert_null(json_object_get(c, "new_in_2022"));
    assert_non_null(json_object_get(c, "related"));
    json_decref(c);
}

static void soa_entry_shape(void **state)
{
    struct isms_soa_entry e = {
        .control_id = "A.5.1",
        .catalog_key = ISMS_CATALOG_27001_2022,
        .control = &control,
        .applicability = ISMS_SOA_UNDECIDED,
        .inclusion_justification = "",
        .exclusion_justification = "",
        .responsibility = ISMS_SOA_RESP_CSC,
        .owner = "",
    };
    json_t *j = isms_json_soa_entry(&e);

    assert_true(json_is_null(json_object_get(j, "applicable")));
    assert_true(json_is_null(json_object_get(j, "implementation")));
    assert_true(json_is_null(json_object_get(j, "updated_at")));
    assert_int_equal(json_array_size(json_object_get(j, "inclusion_basis")), 0);
    json_decref(j);

    e.applicability = ISMS_SOA_APPLICABLE;
    e.inclusion_basis = ISMS_SOA_BASIS_RISK | ISMS_SOA_BASIS_BEST_PRACTICE;
    e.implementation = ISMS_SOA_IMPL_PLANNED;
    snprintf(e.updated_at, sizeof(e.updated_at), "2026-01-02T03:04:05Z");
    j = isms_json_soa_entry(&e);
    assert_true(json_is_true(json_object_get(j, "applicable")));
    assert_string_equal(json_string_value(json_array_get(json_object_get(j, "inclusion_basis"), 1)),
                        "best_practice");
    assert_string_equal(json_string_value(json_object_get(j, "implementation")), "planned");
    assert_string_equal(json_string_value(json_object_get(j, "updated_at")),
                        "2026-01-02T03:04:05Z");
    json_decref(j);
}

static void decision_round_trips_an_entry(void **state)
{
    json_t *body = parse("{\"control_id\":\"A.5.1\",\"title_en\":\"x\",\"applicable\":true,"
                         "\"inclusion_basis\":[\"legal\",\"risk\",\"legal\"],"
                         "\"inclusion_justification\":\"law\",\"implementation\":\"yes\","
                         "\"exclusion_justification\":\"\",\"responsibility\":\"shared\","
                         "\"owner\":\"ops\",\"updated_at\":null,"
                         "\"cloud_guidance\":{\"csc\":true,\"csp\":false}}");
    struct isms_soa_decision d;

    assert_int_equal(isms_json_soa_decision(&d, body), 0);
    assert_int_equal(d.applicability, ISMS_SOA_APPLICABLE);
    assert_int_equal(d.inclusion_basis, ISMS_SOA_BASIS_LEGAL | ISMS_SOA_BASIS_RISK);
    assert_string_equal(d.inclusion_justification, "law");
    assert_int_equal(d.implementation, ISMS_SOA_IMPL_YES);
    assert_string_equal(d.exclusion_justification, "");
    assert_int_equal(d.responsibility, ISMS_SOA_RESP_SHARED);
    assert_string_equal(d.owner, "ops");
    json_decref(body);
}

static void decision_optional_fields_default(void **state)
{
    json_t *body = parse("{\"applicable\":false,\"implementation\":null,\"owner\":null}");
    struct isms_soa_decision d;

    assert_int_equal(isms_json_soa_decision(&d, body), 0);
    assert_int_equal(d.applicability, ISMS_SOA_NOT_APPLICABLE);
    assert_int_equal(d.inclusion_basis, 0);
    assert_null(d.inclusion_justification);
    assert_null(d.exclusion_justification);
    assert_null(d.owner);
    assert_int_equal(d.implementation, ISMS_SOA_IMPL_UNSET);
    assert_int_equal(d.responsibility, 0);
    json_decref(body);
}

static void decision_rejects_wrong_types_naming_the_field(void **state)
{
    static const struct {
        const char *body, *field;
    } cases[] = {
        {"{}", "'applicable'"},
        {"{\"applicable\":null}", "'applicable'"},
        {"{\"applicable\":1}", "'applicable'"},
        {"{\"applicable\":\"true\"}", "'applicable'"},
        {"{\"applicable\":true,\"inclusion_basis\":\"risk\"}", "'inclusion_basis'"},
        {"{\"applicable\":true,\"inclusion_basis\":[null]}", "'inclusion_basis'"},
        {"{\"applicable\":true,\"inclusion_basis\":[\"luck\"]}", "'luck'"},
        {"{\"applicable\":true,\"inclusion_justification\":1}", "'inclusion_justification'"},
        {"{\"applicable\":true,\"exclusion_justification\":{}}", "'exclusion_justification'"},
        {"{\"applicable\":true,\"owner\":false}", "'owner'"},
        {"{\"applicable\":true,\"implementation\":1}", "'implementation'"},
        {"{\"applicable\":true,\"implementation\":\"done\"}", "'done'"},
        {"{\"applicable\":true,\"responsibility\":\"both\"}", "'both'"},
        {"{\"applicable\":true,\"responsibility\":[]}", "'responsibility'"},
        {"[]", "object"},
    };
    struct isms_soa_decision d;

    for (size_t i = 0; i < ISMS_ARRAY_SIZE(cases); i++) {
        json_t *body = parse(cases[i].body);
        assert_int_equal(isms_json_soa_decision(&d, body), ISMS_EINVALID);
        if (!strstr(isms_error_last(), cases[i].field))
            fail_msg("%s: message '%s' does not name %s", cases[i].body, isms_error_last(),
                     cases[i].field);
        json_decref(body);
    }
}

static void decision_rejects_embedded_nul(void **state)
{
    json_t *body = json_pack("{s:b,s:s#}", "applicable", 1, "owner", "a\0b", (size_t)3);
    struct isms_soa_decision d;

    assert_non_null(body);
    assert_int_equal(isms_json_soa_decision(&d, body), ISMS_EINVALID);
    assert_non_null(strstr(isms_error_last(), "'owner'"));
    json_decref(body);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(control_attributes_are_arrays_in_2022_only),
        cmocka_unit_test(soa_entry_shape),
        cmocka_unit_test(decision_round_trips_an_entry),
        cmocka_unit_test(decision_optional_fields_default),
        cmocka_unit_test(decision_rejects_wrong_types_naming_the_field),
        cmocka_unit_test(decision_rejects_embedded_nul),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

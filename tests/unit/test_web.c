#include "isms_setup.h"
#include <setjmp.h>
#include <cmocka.h>
#include "util/error.h"
#include "web/http/router.h"
#include "web/http/server.h"

static int handler_a(struct isms_web_response *res, struct isms_web_request *req)
{
    return 0;
}

static int handler_b(struct isms_web_response *res, struct isms_web_request *req)
{
    return 0;
}

static const struct isms_web_route routes[] = {
    {"GET", "/healthz", handler_a, 0},
    {"GET", "/api/orgs", handler_a, 0},
    {"POST", "/api/orgs", handler_b, 0},
    {"GET", "/api/orgs/{org}/soa", handler_a, 0},
    {"GET", "/api/orgs/{org}/soa.csv", handler_b, 0},
    {"GET", "/api/orgs/{org}/soa/{control}", handler_a, 0},
    {"PUT", "/api/orgs/{org}/soa/{control}", handler_b, 0},
};

static enum isms_web_match match(const struct isms_web_route **route,
                                 struct isms_web_params *params, char *allow, const char *method,
                                 const char *path)
{
    return isms_web_router_match(route, params, allow, 64, routes, ISMS_ARRAY_SIZE(routes), method,
                                 path);
}

static void literal_and_parameter_routes(void **state)
{
    static struct isms_web_params params;
    const struct isms_web_route *route = NULL;
    char allow[64];

    assert_int_equal(match(&route, &params, allow, "GET", "/healthz"), ISMS_WEB_MATCH_FOUND);
    assert_ptr_equal(route, &routes[0]);
    assert_int_equal(params.count, 0);

    assert_int_equal(match(&route, &params, allow, "PUT", "/api/orgs/acme/soa/A.5.23"),
                     ISMS_WEB_MATCH_FOUND);
    assert_ptr_equal(route, &routes[6]);
    assert_string_equal(isms_web_params_get(&params, "org"), "acme");
    assert_string_equal(isms_web_params_get(&params, "control"), "A.5.23");
    assert_null(isms_web_params_get(&params, "or"));
    assert_null(isms_web_params_get(&params, "orgs"));

    /* "soa.csv" is its own literal segment, not "soa" plus something. */
    assert_int_equal(match(&route, &params, allow, "GET", "/api/orgs/7/soa.csv"),
                     ISMS_WEB_MATCH_FOUND);
    assert_ptr_equal(route, &routes[4]);
    assert_string_equal(isms_web_params_get(&params, "org"), "7");
}

static void head_is_served_by_get(void **state)
{
    static struct isms_web_params params;
    const struct isms_web_route *route = NULL;
    char allow[64];

    assert_int_equal(match(&route, &params, allow, "HEAD", "/api/orgs/1/soa"),
                     ISMS_WEB_MATCH_FOUND);
    assert_ptr_equal(route, &routes[3]);
}

static void unknown_paths_are_not_found(void **state)
{
    static const char *const paths[] = {
        "/",
        "",
        "/healthz/",
        "/api/orgs/",
        "/api/orgs//soa",
        "/api/orgs/1/soa/",
        "/API/orgs",
        "/api/orgs/1/soa/A.5.1/x",
        "/api",
        "/healthzz",
        "healthz",
    };
    static struct isms_web_params params;
    const struct isms_web_route *route = NULL;
    char allow[64];

    for (size_t i = 0; i < ISMS_ARRAY_SIZE(paths); i++)
        assert_int_equal(match(&route, &params, allow, "GET", paths[i]), ISMS_WEB_MATCH_NO_PATH);
}

static void wrong_method_lists_the_allowed_ones(void **state)
{
    static struct isms_web_params params;
    const struct isms_web_route *route = NULL;
    char allow[64];

    assert_int_equal(match(&route, &params, allow, "DELETE", "/api/orgs"),
                     ISMS_WEB_MATCH_NO_METHOD);
    assert_string_equal(allow, "GET, HEAD, POST");
    assert_int_equal(match(&route, &params, allow, "POST", "/api/orgs/x/soa/A.5.1"),
                     ISMS_WEB_MATCH_NO_METHOD);
    assert_string_equal(allow, "GET, HEAD, PUT");
    assert_int_equal(params.count, 0);
}

/* Feature tables are joined in any order: a literal segment beats a
 * placeholder wherever the two patterns first differ. */
static void literal_segments_win_whatever_the_order(void **state)
{
    static const struct isms_web_route unordered[] = {
        {"GET", "/orgs/{org}/risks/{risk}", handler_a, 0},
        {"GET", "/orgs/{org}/risks/new", handler_b, 0},
        {"GET", "/{any}/acme/risks/new", handler_a, 0},
    };
    static struct isms_web_params params;
    const struct isms_web_route *route = NULL;

    assert_int_equal(isms_web_router_match(&route, &params, NULL, 0, unordered, 3, "GET",
                                           "/orgs/acme/risks/new"),
                     ISMS_WEB_MATCH_FOUND);
    assert_ptr_equal(route, &unordered[1]);
    assert_string_equal(isms_web_params_get(&params, "org"), "acme");
    assert_null(isms_web_params_get(&params, "any"));
    assert_int_equal(
        isms_web_router_match(&route, &params, NULL, 0, unordered, 3, "GET", "/orgs/acme/risks/12"),
        ISMS_WEB_MATCH_FOUND);
    assert_ptr_equal(route, &unordered[0]);
    assert_string_equal(isms_web_params_get(&params, "risk"), "12");
}

static void overlong_paths_match_nothing(void **state)
{
    static struct isms_web_params params;
    static char path[ISMS_WEB_PATH_MAX + 32];
    const struct isms_web_route *route = NULL;
    char allow[64];

    memcpy(path, "/api/orgs/", 10);
    memset(path + 10, 'a', sizeof(path) - 11);
    path[sizeof(path) - 1] = '\0';
    assert_int_equal(match(&route, &params, allow, "GET", path), ISMS_WEB_MATCH_NO_PATH);
}

static void listen_addresses(void **state)
{
    struct isms_web_options opts = {0};

    assert_int_equal(isms_web_listen_parse(&opts, "127.0.0.1:8080"), 0);
    assert_string_equal(opts.host, "127.0.0.1");
    assert_int_equal(opts.port, 8080);
    assert_int_equal(isms_web_listen_parse(&opts, "localhost:0"), 0);
    assert_string_equal(opts.host, "127.0.0.1");
    assert_int_equal(opts.port, 0);
    assert_int_equal(isms_web_listen_parse(&opts, "[::1]:65535"), 0);
    assert_string_equal(opts.host, "::1");
    assert_int_equal(opts.port, 65535);

    static const char *const bad[] = {
        "127.0.0.1", "127.0.0.1:", ":8080", "127.0.0.1:65536", "127.0.0.1:-1",  "127.0.0.1:80x",
        "::1:8080",  "[::1]8080",  "[::1",  "example.com:80",  "127.0.0.1:+80", "[127.0.0.1:80",
    };
    for (size_t i = 0; i < ISMS_ARRAY_SIZE(bad); i++)
        assert_int_equal(isms_web_listen_parse(&opts, bad[i]), ISMS_EINVALID);
}

static void only_loopback_counts_as_loopback(void **state)
{
    assert_true(isms_web_host_is_loopback("127.0.0.1"));
    assert_true(isms_web_host_is_loopback("127.255.0.9"));
    assert_true(isms_web_host_is_loopback("::1"));
    assert_false(isms_web_host_is_loopback("0.0.0.0"));
    assert_false(isms_web_host_is_loopback("::"));
    assert_false(isms_web_host_is_loopback("10.0.0.1"));
    assert_false(isms_web_host_is_loopback("128.0.0.1"));
    assert_false(isms_web_host_is_loopback("::ffff:10.0.0.1"));
    assert_false(isms_web_host_is_loopback("localhost"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(literal_and_parameter_routes),
        cmocka_unit_test(head_is_served_by_get),
        cmocka_unit_test(unknown_paths_are_not_found),
        cmocka_unit_test(wrong_method_lists_the_allowed_ones),
        cmocka_unit_test(literal_segments_win_whatever_the_order),
        cmocka_unit_test(overlong_paths_match_nothing),
        cmocka_unit_test(listen_addresses),
        cmocka_unit_test(only_loopback_counts_as_loopback),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

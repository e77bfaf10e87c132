#include "isms_setup.h"
#include <setjmp.h>
#include <cmocka.h>
#include "util/buf.h"
#include "util/error.h"
#include "web/http/template.h"

/* Renders `source` as template "t.html" (plus optional partials) with the
 * JSON `context`; returns the output (static buffer) or the error code text. */
static char rendered[4096];

static const char *upper_translate(void *ctx, const char *msgid)
{
    return strcmp(msgid, "Risk owner") == 0 ? "リスク所有者" : msgid;
}

static int render_with(const char *source, const char *context_json, const char *partial)
{
    struct isms_template_set *set;
    struct isms_buf out = ISMS_BUF_INIT(sizeof(rendered) - 1);
    json_t *context = json_loads(context_json, 0, NULL);
    int error;

    assert_non_null(context);
    assert_int_equal(isms_template_set_new(&set), 0);
    if (partial)
        assert_int_equal(isms_template_set_add(set, "p.html", partial, strlen(partial)), 0);
    error = isms_template_set_add(set, "t.html", source, strlen(source));
    if (error == 0)
        error = isms_template_set_check(set);
    if (error == 0)
        error = isms_template_render(&out, set, "t.html", context, upper_translate, NULL);
    snprintf(rendered, sizeof(rendered), "%s", isms_buf_cstr(&out));
    isms_buf_release(&out);
    isms_template_set_free(set);
    json_decref(context);
    return error;
}

static const char *render(const char *source, const char *context_json)
{
    int error = render_with(source, context_json, NULL);

    if (error < 0)
        fail_msg("render failed: %s", isms_error_last());
    return rendered;
}

static void variables_are_escaped_by_default(void **state)
{
    assert_string_equal(render("<p>{{name}}</p>", "{\"name\":\"<script>alert('x')&\\\"\"}"),
                        "<p>&lt;script&gt;alert(&#39;x&#39;)&amp;&quot;</p>");
    assert_string_equal(render("{{{svg}}}|{{& svg}}", "{\"svg\":\"<svg/>\"}"), "<svg/>|<svg/>");
    assert_string_equal(render("[{{missing}}]", "{}"), "[]");
    assert_string_equal(render("{{n}} {{r}} {{b}} {{z}}", "{\"n\":42,\"r\":1.5,\"b\":true,"
                                                          "\"z\":null}"),
                        "42 1.5 true ");
}

static void dotted_names_descend_and_outer_scopes_are_visible(void **state)
{
    assert_string_equal(render("{{org.name}} / {{org.owner.name}}",
                               "{\"org\":{\"name\":\"Acme\",\"owner\":{\"name\":\"佐藤\"}}}"),
                        "Acme / 佐藤");
    assert_string_equal(
        render("{{#rows}}{{id}}@{{org}};{{/rows}}",
               "{\"org\":\"acme\",\"rows\":[{\"id\":\"A.5.1\"},{\"id\":\"A.5.2\"}]}"),
        "A.5.1@acme;A.5.2@acme;");
    assert_string_equal(render("{{#tags}}<{{.}}>{{/tags}}", "{\"tags\":[\"csc\",\"csp\"]}"),
                        "<csc><csp>");
}

static void sections_follow_truthiness(void **state)
{
    const char *tpl = "{{#v}}yes{{/v}}{{^v}}no{{/v}}";

    assert_string_equal(render(tpl, "{\"v\":true}"), "yes");
    assert_string_equal(render(tpl, "{\"v\":0}"), "yes");
    assert_string_equal(render(tpl, "{\"v\":\"x\"}"), "yes");
    assert_string_equal(render(tpl, "{\"v\":{}}"), "yes");
    assert_string_equal(render(tpl, "{\"v\":false}"), "no");
    assert_string_equal(render(tpl, "{\"v\":null}"), "no");
    assert_string_equal(render(tpl, "{\"v\":\"\"}"), "no");
    assert_string_equal(render(tpl, "{\"v\":[]}"), "no");
    assert_string_equal(render(tpl, "{}"), "no");
    assert_string_equal(render("{{#user}}Hi {{name}}{{/user}}", "{\"user\":{\"name\":\"a\"}}"),
                        "Hi a");
}

static void partials_and_translations_render(void **state)
{
    assert_int_equal(render_with("<nav>{{> p.html}}</nav>", "{\"who\":\"<b>\"}", "[{{who}}]"), 0);
    assert_string_equal(rendered, "<nav>[&lt;b&gt;]</nav>");
    assert_string_equal(
        render("<th>{{#t}}Risk\n      owner{{/t}}</th><th>{{#t}}Other{{/t}}</th>", "{}"),
        "<th>リスク所有者</th><th>Other</th>");
}

static void malformed_templates_are_rejected_with_the_line(void **state)
{
    static const struct {
        const char *source, *message;
    } cases[] = {
        {"a\n{{#x}}b", "line 2: {{#x}} opened on line 2 is never closed"},
        {"{{#x}}\n{{/y}}", "line 2: {{/y}} does not match {{#x}} opened on line 1"},
        {"{{/x}}", "closes no open section"},
        {"ok\n\n{{name", "line 3: a tag opened with '{{' is never closed"},
        {"{{na me}}", "'na me' is not a valid name"},
        {"{{}}", "a tag has no name"},
        {"{{#t}}a {{x}}{{/t}}", "plain text only"},
        {"{{#t}}never closed", "never closed with {{/t}}"},
        {"{{> nope.html}}", "partial 'nope.html' does not exist"},
        {"{{a\n}}", "must not span lines"},
    };

    for (size_t i = 0; i < ISMS_ARRAY_SIZE(cases); i++) {
        assert_int_equal(render_with(cases[i].source, "{}", NULL), ISMS_EINVALID);
        if (!strstr(isms_error_last(), cases[i].message))
            fail_msg("case %zu: '%s' lacks '%s'", i, isms_error_last(), cases[i].message);
        assert_non_null(strstr(isms_error_last(), "template '"));
    }
}

static void runaway_nesting_and_output_are_capped(void **state)
{
    struct isms_template_set *set;
    struct isms_buf out = ISMS_BUF_INIT(16);
    json_t *context = json_pack("{s:s}", "x", "0123456789abcdefghij");

    assert_int_equal(isms_template_set_new(&set), 0);
    /* A partial that includes itself stops at the depth limit. */
    assert_int_equal(isms_template_set_add(set, "loop.html", "{{> loop.html}}", 15), 0);
    assert_int_equal(isms_template_render(&out, set, "loop.html", context, NULL, NULL),
                     ISMS_ETOOBIG);
    assert_int_equal(isms_template_set_add(set, "big.html", "{{x}}", 5), 0);
    assert_int_equal(isms_template_render(&out, set, "big.html", context, NULL, NULL),
                     ISMS_ETOOBIG);
    assert_int_equal(isms_template_render(&out, set, "none.html", context, NULL, NULL),
                     ISMS_ENOTFOUND);
    assert_int_equal(isms_template_set_add(set, "big.html", "x", 1), ISMS_ECONFLICT);
    {
        /* 24 nested loops over a 2-item list would visit 2^24 nodes. */
        json_t *pair = json_pack("{s:[i,i]}", "l", 1, 2);
        struct isms_buf big = ISMS_BUF_INIT(1u << 30);
        char nested[24 * 14 + 1] = "";
        for (int i = 0; i < 24; i++)
            strncat(nested, "{{#l}}", sizeof(nested) - strlen(nested) - 1);
        for (int i = 0; i < 24; i++)
            strncat(nested, "{{/l}}", sizeof(nested) - strlen(nested) - 1);
        assert_int_equal(isms_template_set_add(set, "loops.html", nested, strlen(nested)), 0);
        assert_int_equal(isms_template_render(&big, set, "loops.html", pair, NULL, NULL),
                         ISMS_ETOOBIG);
        assert_non_null(strstr(isms_error_last(), "steps"));
        isms_buf_release(&big);
        json_decref(pair);
    }
    isms_buf_release(&out);
    json_decref(context);
    isms_template_set_free(set);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(variables_are_escaped_by_default),
        cmocka_unit_test(dotted_names_descend_and_outer_scopes_are_visible),
        cmocka_unit_test(sections_follow_truthiness),
        cmocka_unit_test(partials_and_translations_render),
        cmocka_unit_test(malformed_templates_are_rejected_with_the_line),
        cmocka_unit_test(runaway_nesting_and_output_are_capped),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

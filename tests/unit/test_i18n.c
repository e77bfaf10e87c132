#include "isms_setup.h"
#include <setjmp.h>
#include <cmocka.h>
#include "util/error.h"
#include "web/http/i18n.h"

static struct isms_po *parse_ok(const char *text)
{
    struct isms_po *po;

    if (isms_po_parse(&po, "test.po", text, strlen(text)) < 0)
        fail_msg("parse failed: %s", isms_error_last());
    return po;
}

static void po_entries_continuations_and_escapes_parse(void **state)
{
    struct isms_po *po = parse_ok("# header\n"
                                  "msgid \"\"\n"
                                  "msgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
                                  "#: src/web/pages/views/soa.html\n"
                                  "msgid \"Statement of Applicability\"\n"
                                  "msgstr \"適用宣言書\"\n\n"
                                  "msgid \"\"\n"
                                  "\"Risk \"\n"
                                  "\"owner\"\n"
                                  "msgstr \"リスク\" \n"
                                  "\"所有者\"\r\n"
                                  "msgid \"Say \\\"hi\\\"\\tnow\"\n"
                                  "msgstr \"「\\\"やあ\\\"」\\n\"\n");

    assert_int_equal(isms_po_count(po), 3);
    assert_string_equal(isms_po_lookup(po, "Statement of Applicability"), "適用宣言書");
    assert_string_equal(isms_po_lookup(po, "Risk owner"), "リスク所有者");
    assert_string_equal(isms_po_lookup(po, "Say \"hi\"\tnow"), "「\"やあ\"」\n");
    assert_null(isms_po_lookup(po, "Content-Type"));
    assert_null(isms_po_lookup(po, ""));
    isms_po_free(po);
}

static void fuzzy_untranslated_and_context_entries_fall_back(void **state)
{
    struct isms_po *po = parse_ok("#, fuzzy\n"
                                  "msgid \"Likelihood\"\n"
                                  "msgstr \"可能性\"\n\n"
                                  "msgid \"Impact\"\n"
                                  "msgstr \"\"\n\n"
                                  "msgctxt \"menu\"\n"
                                  "msgid \"Risks\"\n"
                                  "msgstr \"リスク（メニュー）\"\n\n"
                                  "msgid \"control\"\n"
                                  "msgid_plural \"controls\"\n"
                                  "msgstr[0] \"管理策\"\n"
                                  "msgstr[1] \"管理策群\"\n"
                                  "msgid \"Residual risk\"\n"
                                  "msgstr \"残留リスク\"\n");

    assert_null(isms_po_lookup(po, "Likelihood"));
    assert_null(isms_po_lookup(po, "Impact"));
    assert_null(isms_po_lookup(po, "Risks"));
    assert_string_equal(isms_po_lookup(po, "control"), "管理策");
    /* The fuzzy flag belongs to one entry only. */
    assert_string_equal(isms_po_lookup(po, "Residual risk"), "残留リスク");
    isms_po_free(po);
}

static void malformed_po_is_rejected_with_the_line(void **state)
{
    static const struct {
        const char *text, *message;
    } cases[] = {
        {"msgid \"a\"\nmsgstr \"b\"\nmsgid \"a\"\nmsgstr \"c\"\n", "line 3: duplicate msgid 'a'"},
        {"msgid \"a\nmsgstr \"b\"\n", "line 1: a string is not closed"},
        {"msgid \"a\"\n", "line 1: msgid without msgstr"},
        {"msgstr \"b\"\n", "line 1: msgstr without a msgid"},
        {"msgid \"a\\q\"\nmsgstr \"b\"\n", "unknown escape"},
        {"\n\nhello\n", "line 3: expected msgid"},
        {"msgid \"a\" x\nmsgstr \"b\"\n", "unexpected text after a string"},
        {"\"orphan\"\n", "continues no msgid"},
    };
    struct isms_po *po;

    for (size_t i = 0; i < ISMS_ARRAY_SIZE(cases); i++) {
        assert_int_equal(isms_po_parse(&po, "x.po", cases[i].text, strlen(cases[i].text)),
                         ISMS_EINVALID);
        assert_null(po);
        if (!strstr(isms_error_last(), cases[i].message))
            fail_msg("case %zu: '%s' lacks '%s'", i, isms_error_last(), cases[i].message);
    }
}

static void builtin_catalog_uses_jis_terms(void **state)
{
    assert_int_equal(isms_i18n_load(), 0);
    assert_string_equal(isms_i18n_text(ISMS_LANG_JA, "Statement of Applicability"), "適用宣言書");
    assert_string_equal(isms_i18n_text(ISMS_LANG_JA, "Controls"), "管理策");
    assert_string_equal(isms_i18n_text(ISMS_LANG_JA, "Risk treatment"), "リスク対応");
    assert_string_equal(isms_i18n_text(ISMS_LANG_JA, "Risk owner"), "リスク所有者");
    assert_string_equal(isms_i18n_text(ISMS_LANG_JA, "Likelihood"), "起こりやすさ");
    assert_string_equal(isms_i18n_text(ISMS_LANG_EN, "Likelihood"), "Likelihood");
    assert_string_equal(isms_i18n_text(ISMS_LANG_JA, "no such msgid"), "no such msgid");
}

static void language_comes_from_setting_cookie_header_then_default(void **state)
{
    enum isms_lang lang;

    assert_int_equal(isms_i18n_choose("en", "ja", "ja"), ISMS_LANG_EN);
    assert_int_equal(isms_i18n_choose(NULL, "en", "ja"), ISMS_LANG_EN);
    assert_int_equal(isms_i18n_choose("", "xx", "en-US,en;q=0.9"), ISMS_LANG_EN);
    assert_int_equal(isms_i18n_choose(NULL, NULL, "fr-FR, de;q=0.5"), ISMS_LANG_JA);
    assert_int_equal(isms_i18n_choose(NULL, NULL, NULL), ISMS_LANG_JA);

    assert_true(isms_i18n_accept_language(&lang, "ja;q=0.4, en;q=0.8"));
    assert_int_equal(lang, ISMS_LANG_EN);
    assert_true(isms_i18n_accept_language(&lang, "fr, ja-JP;q=0.7 , en;q=0.7"));
    assert_int_equal(lang, ISMS_LANG_JA);
    assert_true(isms_i18n_accept_language(&lang, "EN-gb"));
    assert_int_equal(lang, ISMS_LANG_EN);
    assert_false(isms_i18n_accept_language(&lang, "en;q=0, fr"));
    assert_false(isms_i18n_accept_language(&lang, "en;q=2"));
    assert_false(isms_i18n_accept_language(&lang, ""));
    assert_true(isms_i18n_accept_language(&lang, "de, *;q=0.1"));
    assert_int_equal(lang, ISMS_LANG_JA);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(po_entries_continuations_and_escapes_parse),
        cmocka_unit_test(fuzzy_untranslated_and_context_entries_fall_back),
        cmocka_unit_test(malformed_po_is_rejected_with_the_line),
        cmocka_unit_test(builtin_catalog_uses_jis_terms),
        cmocka_unit_test(language_comes_from_setting_cookie_header_then_default),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

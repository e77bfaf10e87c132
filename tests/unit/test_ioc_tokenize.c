/* The typed tokens of a log line at their boundaries (engines/ioc/tokenize.h). */
#include "isms_setup.h"
#include <setjmp.h>
#include <cmocka.h>
#include "engines/ioc/indicator_set.h"
#include "engines/ioc/tokenize.h"
#include "util/error.h"

struct seen {
    char text[16][128];
    enum isms_ioc_type type[16];
    int count;
};

static int keep(const struct isms_ioc_token *t, void *ctx)
{
    struct seen *s = ctx;

    if (s->count < 16) {
        snprintf(s->text[s->count], sizeof(s->text[0]), "%.*s", (int)t->len, t->text);
        s->type[s->count++] = t->type;
    }
    return 0;
}

static struct seen tokens(const char *line)
{
    struct seen s = {0};

    isms_ioc_tokenize(line, strlen(line), keep, &s);
    return s;
}

static struct seen path_tokens(const char *line)
{
    struct seen s = {0};

    isms_ioc_tokenize_paths(line, strlen(line), keep, &s);
    return s;
}

static void ipv4_has_octet_bounds_and_boundaries(void **state)
{
    struct seen s;

    (void)state;
    s = tokens("from 1.2.3.4 port 22, not 11.2.3.45x or 256.1.1.1 or 1.2.3.04 or 1.2.3.4.5");
    assert_int_equal(s.count, 1);
    assert_string_equal(s.text[0], "1.2.3.4");
    assert_int_equal(s.type[0], ISMS_IOC_IPV4);
    s = tokens("[10.0.0.1]:443 (192.168.0.255).");
    assert_int_equal(s.count, 2);
    assert_string_equal(s.text[0], "10.0.0.1");
    assert_string_equal(s.text[1], "192.168.0.255");
}

static void ipv6_in_every_form(void **state)
{
    struct seen s;
    struct isms_ioc_addr a, b;

    (void)state;
    s = tokens(
        "2001:db8::1 fe80::1%eth0 ::1 ::ffff:192.0.2.1 2001:0db8:0000:0000:0000:0000:0000:0001");
    assert_int_equal(s.count, 5);
    assert_int_equal(s.type[0], ISMS_IOC_IPV6);
    assert_string_equal(s.text[1], "fe80::1%eth0");
    assert_int_equal(s.type[2], ISMS_IOC_IPV6);
    /* An IPv4-mapped address is the IPv4 address. */
    assert_int_equal(s.type[3], ISMS_IOC_IPV4);
    assert_true(isms_ioc_parse_ipv6(&a, "2001:db8::1", 11));
    assert_true(isms_ioc_parse_ipv6(&b, "2001:0db8:0000:0000:0000:0000:0000:0001", 39));
    assert_memory_equal(a.b, b.b, 16);
    /* Clock times, MACs and too many groups are no addresses. */
    s = tokens("at 12:34:56 mac 00:1a:2b:3c:4d:5e 1:2:3:4:5:6:7:8:9 1::2::3");
    assert_int_equal(s.count, 0);
}

static void domains_are_whole_runs_of_labels(void **state)
{
    struct seen s;

    (void)state;
    s = tokens("yandex.com x.co.uk www.Example.org. -bad-.example a..b.com 1.2.3.4a.com");
    assert_int_equal(s.count, 4);
    assert_string_equal(s.text[0], "yandex.com");
    assert_string_equal(s.text[1], "x.co.uk");
    assert_string_equal(s.text[2], "www.Example.org");
    assert_string_equal(s.text[3], "1.2.3.4a.com");
    /* Numbers with dots and file names without a known shape stay out. */
    s = tokens("version 1.2.3 file.c"); /* "file.c": a one-letter last label */
    assert_int_equal(s.count, 0);
}

static void hashes_only_at_word_boundaries(void **state)
{
    const char *md5 = "d41d8cd98f00b204e9800998ecf8427e";
    char line[256];
    struct seen s;

    (void)state;
    snprintf(line, sizeof(line), "md5=%s x%s %sff %s.", md5, md5, md5, md5);
    s = tokens(line);
    assert_int_equal(s.count, 2);
    assert_string_equal(s.text[0], md5);
    assert_int_equal(s.type[0], ISMS_IOC_MD5);
    assert_string_equal(s.text[1], md5);
    s = tokens("sha1 da39a3ee5e6b4b0d3255bfef95601890afd80709 "
               "sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assert_int_equal(s.type[0], ISMS_IOC_SHA1);
    assert_int_equal(s.type[1], ISMS_IOC_SHA256);
}

static void urls_emails_and_their_hosts(void **state)
{
    struct seen s;

    (void)state;
    s = tokens("GET \"https://a.evil.example/path?q=1\" from bad@evil.example");
    assert_int_equal(s.count, 4);
    assert_int_equal(s.type[0], ISMS_IOC_URL);
    assert_string_equal(s.text[0], "https://a.evil.example/path?q=1");
    assert_int_equal(s.type[1], ISMS_IOC_DOMAIN);
    assert_string_equal(s.text[1], "a.evil.example");
    assert_int_equal(s.type[2], ISMS_IOC_EMAIL);
    assert_string_equal(s.text[3], "evil.example");
}

static bool finds(const struct isms_ioc_set *set, const char *line, const char *indicator)
{
    struct seen s = tokens(line), paths = path_tokens(line);

    for (int i = 0; i < paths.count && s.count < 16; i++) {
        memcpy(s.text[s.count], paths.text[i], sizeof(s.text[0]));
        s.type[s.count++] = paths.type[i];
    }
    struct isms_ioc_match m;

    for (int i = 0; i < s.count; i++) {
        struct isms_ioc_token t = {s.type[i], s.text[i], strlen(s.text[i]), {{0}, false}};
        if ((t.type == ISMS_IOC_IPV4 && !isms_ioc_parse_ipv4(&t.addr, t.text, t.len)) ||
            (t.type == ISMS_IOC_IPV6 && !isms_ioc_parse_ipv6(&t.addr, t.text, t.len)))
            continue;
        if (isms_ioc_set_find(set, &t, &m))
            return strcmp(m.indicator, indicator) == 0;
    }
    return false;
}

static void lookups_are_exact_never_substrings(void **state)
{
    struct isms_ioc_set *set = isms_ioc_set_new();
    static const char *const list[] = {
        "1.2.3.4", "10.0.0.0/8", "2001:DB8::/32",    "Evil.Example",
        "x.co",    "::1",        "bad@evil.example", "http://phish.example/login"};

    (void)state;
    for (size_t i = 0; i < ISMS_ARRAY_SIZE(list); i++)
        assert_int_equal(isms_ioc_set_add(set, list[i], strlen(list[i]), (int64_t)i, NULL), 0);
    assert_int_equal(isms_ioc_set_add(set, "not one", 7, 99, NULL), ISMS_EINVALID);
    assert_int_equal(isms_ioc_set_count(set), ISMS_ARRAY_SIZE(list));
    assert_true(finds(set, "from 1.2.3.4", "1.2.3.4"));
    assert_false(finds(set, "from 11.2.3.45", "1.2.3.4"));
    assert_true(finds(set, "src=10.200.3.4", "10.0.0.0/8"));
    assert_false(finds(set, "src=11.0.0.1", "10.0.0.0/8"));
    assert_true(finds(set, "dst 2001:db8:ffff::2", "2001:db8::/32"));
    assert_true(finds(set, "GET a.b.EVIL.example", "evil.example"));
    assert_false(finds(set, "see notevil.example", "evil.example"));
    assert_false(finds(set, "see yandex.com", "x.co"));
    assert_true(finds(set, "see x.co.", "x.co"));
    assert_true(finds(set, "from ::1 ", "::1"));
    assert_true(finds(set, "HTTP://phish.example/login", "http://phish.example/login"));
    isms_ioc_set_free(set);
}

static void only_the_wanted_types(void **state)
{
    struct seen s = {0};
    const char *line = "http://evil.example/x from 1.2.3.4 to a@b.example 2001:db8::1";

    (void)state;
    isms_ioc_tokenize_wanted(line, strlen(line), 1u << ISMS_IOC_IPV4, keep, &s);
    assert_int_equal(s.count, 1);
    assert_string_equal(s.text[0], "1.2.3.4");
    s = (struct seen){0};
    isms_ioc_tokenize_wanted(line, strlen(line), 1u << ISMS_IOC_DOMAIN, keep, &s);
    assert_int_equal(s.count, 2); /* the URL's host and the address's domain */
    assert_string_equal(s.text[0], "evil.example");
    assert_string_equal(s.text[1], "b.example");
}

static void paths_and_keys_after_a_space_quote_or_equals(void **state)
{
    struct seen s;

    (void)state;
    s = path_tokens("type=EXECVE exe=\"/usr/bin/curl\" cwd=/tmp/.x name=/var/www/a.php.");
    assert_int_equal(s.count, 3);
    assert_string_equal(s.text[0], "/usr/bin/curl");
    assert_int_equal(s.type[0], ISMS_IOC_FILE_PATH);
    assert_string_equal(s.text[1], "/tmp/.x");
    assert_string_equal(s.text[2], "/var/www/a.php");
    /* A URL's path is the URL's, not a file's: after a host, no opener. */
    s = path_tokens("GET http://evil.example/x/y.sh and https://a.example//b");
    assert_int_equal(s.count, 0);
    s = path_tokens("{\"Image\":\"C:\\\\Program Files\\\\x.exe\",\"TargetObject\":"
                    "\"HKLM\\\\Software\\\\Run\\\\evil\"} \\\\srv\\share\\p.ps1");
    assert_int_equal(s.count, 3);
    assert_string_equal(s.text[0], "C:\\\\Program Files\\\\x.exe");
    assert_int_equal(s.type[0], ISMS_IOC_FILE_PATH);
    assert_string_equal(s.text[1], "HKLM\\\\Software\\\\Run\\\\evil");
    assert_int_equal(s.type[1], ISMS_IOC_REGISTRY_KEY);
    assert_string_equal(s.text[2], "\\\\srv\\share\\p.ps1");
    /* Not after a letter: "xC:\a", "NOTHKLM\x"; "/" alone is no path. */
    s = path_tokens("xC:\\a NOTHKLM\\x / //");
    assert_int_equal(s.count, 0);
}

static int add(struct isms_ioc_set *set, const char *value, enum isms_ioc_type *type)
{
    return isms_ioc_set_add(set, value, strlen(value), 1, type);
}

static void paths_and_keys_compare_as_their_systems_do(void **state)
{
    struct isms_ioc_set *set = isms_ioc_set_new();
    char out[ISMS_IOC_VALUE_MAX + 1];
    enum isms_ioc_type type;

    (void)state;
    assert_true(isms_ioc_canonical_registry_key(out, "HKLM\\Software\\Run\\", 18));
    assert_string_equal(out, "HKEY_LOCAL_MACHINE\\software\\run");
    assert_true(isms_ioc_canonical_path(out, "C:/Windows//Temp/X.exe", 22));
    assert_string_equal(out, "c:\\windows\\temp\\x.exe");
    assert_true(isms_ioc_canonical_path(out, "/tmp//Miner", 11));
    assert_string_equal(out, "/tmp/Miner");
    assert_false(isms_ioc_canonical_path(out, "//host/x", 8));
    assert_false(isms_ioc_canonical_path(out, "/", 1));
    assert_int_equal(add(set, "C:\\Windows\\Temp\\evil.exe", &type), 0);
    assert_int_equal(type, ISMS_IOC_FILE_PATH);
    assert_int_equal(add(set, "HKEY_CURRENT_USER\\Software\\Run\\upd", &type), 0);
    assert_int_equal(type, ISMS_IOC_REGISTRY_KEY);
    assert_int_equal(add(set, "/tmp/Miner", &type), 0);
    assert_true(isms_ioc_set_has_paths(set));
    assert_true(finds(set, "\"Image\":\"c:\\\\windows\\\\temp\\\\EVIL.EXE\"",
                      "c:\\windows\\temp\\evil.exe"));
    assert_false(
        finds(set, "Image=C:\\Windows\\Temp\\evil.exe.bak", "c:\\windows\\temp\\evil.exe"));
    assert_true(
        finds(set, "set HKCU\\SOFTWARE\\Run\\upd", "HKEY_CURRENT_USER\\software\\run\\upd"));
    assert_false(
        finds(set, "set HKCU\\SOFTWARE\\Run\\updater", "HKEY_CURRENT_USER\\software\\run\\upd"));
    assert_true(finds(set, "exe=/tmp/Miner", "/tmp/Miner"));
    assert_false(finds(set, "exe=/tmp/miner", "/tmp/Miner")); /* POSIX has case */
    assert_false(finds(set, "exe=/var/tmp/Miner", "/tmp/Miner"));
    isms_ioc_set_free(set);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(ipv4_has_octet_bounds_and_boundaries),
        cmocka_unit_test(ipv6_in_every_form),
        cmocka_unit_test(domains_are_whole_runs_of_labels),
        cmocka_unit_test(hashes_only_at_word_boundaries),
        cmocka_unit_test(urls_emails_and_their_hosts),
        cmocka_unit_test(lookups_are_exact_never_substrings),
        cmocka_unit_test(only_the_wanted_types),
        cmocka_unit_test(paths_and_keys_after_a_space_quote_or_equals),
        cmocka_unit_test(paths_and_keys_compare_as_their_systems_do),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

#include "isms_setup.h"
#include <getopt.h>
#include <jansson.h>
#include <openssl/crypto.h>
#include "catalog/catalog.h"
#include "cli/cli.h"
#include "isms/auth.h"
#include "isms/import_errors.h"
#include "isms/org.h"
#include "sec/secret_key.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/error.h"

const char *isms_cli_db_path(const char *flag_value)
{
    const char *env = getenv("ISMS_DB");

    if (flag_value && *flag_value)
        return flag_value;
    return env && *env ? env : ISMS_CLI_DEFAULT_DB;
}

/* The key that seals TOTP seeds lives next to the database (or in
 * $ISMS_SECRET_KEY); seeds of an older database are sealed on first open. */
static int load_secret_key(struct isms_store *store, const char *db_path)
{
    struct isms_secret_key key;
    size_t sealed;
    int error;

    if ((error = isms_secret_key_load(&key, db_path)) < 0)
        return error;
    isms_secret_key_install(&key);
    OPENSSL_cleanse(&key, sizeof(key));
    if ((error = isms_auth_seal_stored_seeds(&sealed, store)) < 0)
        return error;
    if (sealed)
        fprintf(stderr, "isms: sealed the TOTP seeds of %zu users with %s\n", sealed,
                getenv(ISMS_SECRET_KEY_ENV) ? "$" ISMS_SECRET_KEY_ENV : "the key file");
    return 0;
}

int isms_cli_open_store(struct isms_store **out, const char *db_path, int pool_size)
{
    int error;

    if ((error = isms_catalogs_load()) < 0 ||
        (error = isms_store_open(out, db_path, pool_size)) < 0)
        return error;
    if ((error = load_secret_key(*out, db_path)) < 0) {
        isms_store_free(*out);
        *out = NULL;
    }
    return error;
}

int isms_cli_fail(int code)
{
    fprintf(stderr, "isms: error: %s\n", isms_error_last());
    return isms_error_exit_status(code);
}

int isms_cli_usage_error(const char *command, const char *fmt, ...)
{
    va_list ap;

    fputs("isms: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nrun 'isms %s --help' for usage\n", command);
    return ISMS_EXIT_USAGE;
}

bool isms_cli_wants_help(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0)
            return false;
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0)
            return true;
    }
    return false;
}

void isms_cli_print_json(json_t *value)
{
    char *text = value ? json_dumps(value, JSON_INDENT(2) | JSON_PRESERVE_ORDER) : NULL;

    if (text)
        puts(text);
    free(text);
    json_decref(value);
}

void isms_cli_print_json_line(json_t *value)
{
    char *text = value ? json_dumps(value, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;

    if (text)
        puts(text);
    free(text);
    json_decref(value);
}

int isms_cli_open_org(struct isms_store **store, struct isms_org *org, const char *command,
                      const char *db_flag, const char *org_flag)
{
    int error;

    if (!org_flag)
        return isms_cli_usage_error(command, "'%s' needs --org ID|SLUG", command);
    if ((error = isms_cli_open_store(store, isms_cli_db_path(db_flag), 1)) < 0)
        return isms_cli_fail(error);
    if ((error = isms_org_find(org, *store, org_flag)) < 0) {
        isms_store_free(*store);
        return isms_cli_fail(error);
    }
    return 0;
}

int isms_cli_check_verb(int argc, char **argv, const char *command, const char *help,
                        const char *missing, const char *const *verbs)
{
    if (isms_cli_wants_help(argc, argv)) {
        fputs(help, stdout);
        return 0;
    }
    if (argc < 2)
        return isms_cli_usage_error(command, "%s", missing);
    for (const char *const *verb = verbs; *verb; verb++)
        if (strcmp(argv[1], *verb) == 0)
            return ISMS_CLI_GO_ON;
    return isms_cli_usage_error(command, "unknown subcommand '%s'", argv[1]);
}

int isms_cli_write_output(const struct isms_buf *buf, const char *path)
{
    FILE *out = path ? fopen(path, "wb") : stdout;
    bool ok;

    if (!out)
        return isms_cli_fail(
            isms_error_set(ISMS_ERROR, "cannot write '%s': %s", path, strerror(errno)));
    ok = fwrite(buf->ptr ? buf->ptr : "", 1, buf->len, out) == buf->len;
    ok = (path ? fclose(out) : fflush(out)) == 0 && ok;
    if (!ok)
        return isms_cli_fail(
            isms_error_set(ISMS_ERROR, "cannot write '%s'", path ? path : "standard output"));
    if (path)
        fprintf(stderr, "wrote '%s' (%zu bytes)\n", path, buf->len);
    return 0;
}

/* getopt_long values of the options: past every character. */
#define OPTION_VALUE_BASE 256

int isms_cli_parse_options(const char *command, const struct isms_cli_option *options, int argc,
                           char **argv)
{
    struct option longopts[ISMS_CLI_OPTIONS_MAX + 1] = {{0}};
    size_t n = 0;
    int opt;

    for (; options[n].name; n++) {
        if (n == ISMS_CLI_OPTIONS_MAX)
            ISMS_BUG("too many options");
        longopts[n] = (struct option){options[n].name,
                                      options[n].text ? required_argument : no_argument, NULL,
                                      OPTION_VALUE_BASE + (int)n};
    }
    while ((opt = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        const struct isms_cli_option *o;
        if (opt < OPTION_VALUE_BASE || opt >= OPTION_VALUE_BASE + (int)n)
            return isms_cli_usage_error(command, "unknown option");
        o = &options[opt - OPTION_VALUE_BASE];
        if (o->text)
            *o->text = optarg;
        else
            *o->flag = true;
    }
    return 0;
}

/* Also the reader of `isms asset import` and `isms control evidence add`. */
int isms_cli_read_input(struct isms_buf *out, const char *path)
{
    FILE *in = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    char chunk[65536];
    size_t n;
    int error = 0;

    if (!in)
        return isms_error_set(ISMS_EINVALID, "cannot read '%s': %s", path, strerror(errno));
    while (error == 0 && (n = fread(chunk, 1, sizeof(chunk), in)) > 0)
        if ((error = isms_buf_put(out, chunk, n)) < 0)
            error = isms_error_set(ISMS_ETOOBIG, "'%s' is larger than %zu MiB", path,
                                   out->max >> 20);
    if (error == 0 && ferror(in))
        error = isms_error_set(ISMS_ERROR, "cannot read '%s'", path);
    if (in != stdin)
        fclose(in);
    return error;
}

const struct isms_cli_command isms_cli_no_command = {NULL, NULL, NULL};

void isms_cli_print_import_errors(const struct isms_import_errors *errors, const char *path)
{
    for (size_t i = 0; i < errors->count; i++) {
        const struct isms_import_error *e = &errors->list[i];
        if (e->column)
            fprintf(stderr, "%s:%zu: column %zu (%s): %s\n", path, e->line, e->column, e->header,
                    e->message);
        else
            fprintf(stderr, "%s:%zu: %s\n", path, e->line, e->message);
    }
    if (errors->total > errors->count)
        fprintf(stderr, "... and %zu more errors\n", errors->total - errors->count);
}

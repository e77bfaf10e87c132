#include "isms_setup.h"
#include <jansson.h>
#include "catalog/catalog.h"
#include "isms/org.h"
#include "cli/cli.h"
#include "store/store.h"
#include "util/error.h"

const char *isms_cli_db_path(const char *flag_value)
{
    const char *env = getenv("ISMS_DB");

    if (flag_value && *flag_value)
        return flag_value;
    return env && *env ? env : ISMS_CLI_DEFAULT_DB;
}

int isms_cli_open_store(struct isms_store **out, const char *db_path, int pool_size)
{
    int error;

    if ((error = isms_catalogs_load()) < 0)
        return error;
    return isms_store_open(out, db_path, pool_size);
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

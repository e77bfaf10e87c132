#include "isms_setup.h"
#include <getopt.h>
#include "catalog/catalog.h"
#include "cli/cli.h"
#include "store/store.h"
#include "util/error.h"

static const char init_help[] =
    "usage: isms init [--db PATH] [--admin-password-file FILE]\n\n"
    "Creates the SQLite database if it does not exist and applies pending schema\n"
    "migrations. Safe to run again: an up-to-date database is left as it is.\n\n"
    "When the database has no users yet, init creates the administrator 'admin'.\n"
    "Its password comes from --admin-password-file, else $ISMS_ADMIN_PASSWORD,\n"
    "else a random one is generated and printed once.\n\n"
    "  --db PATH                    database file (default: $ISMS_DB or isms.db)\n"
    "  --admin-password-file FILE   first line of FILE is the first admin's password\n";

int isms_cli_init(int argc, char **argv)
{
    static const struct option options[] = {
        {"db", required_argument, NULL, 'd'},
        {"admin-password-file", required_argument, NULL, 'p'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *db_flag = NULL, *password_file = NULL;
    struct isms_store *store;
    int opt, error, version;

    while ((opt = getopt_long(argc, argv, "h", options, NULL)) != -1) {
        if (opt == 'h') {
            fputs(init_help, stdout);
            return 0;
        }
        if (opt == 'p') {
            password_file = optarg;
            continue;
        }
        if (opt != 'd')
            return isms_cli_usage_error("init", "unknown option");
        db_flag = optarg;
    }
    if (optind < argc)
        return isms_cli_usage_error("init", "unexpected argument '%s'", argv[optind]);
    if ((error = isms_cli_open_store(&store, isms_cli_db_path(db_flag), 1)) < 0 ||
        (error = isms_store_schema_version(store, &version)) < 0)
        return isms_cli_fail(error);
    printf("database '%s' ready (schema version %d)\n", isms_cli_db_path(db_flag), version);
    if ((error = isms_cli_create_first_admin(store, password_file)) != 0) {
        isms_store_free(store);
        return error;
    }
    for (size_t i = 0; i < isms_catalog_count(); i++)
        printf("catalog %-14s %3zu controls  %s\n", isms_catalog_at(i)->key,
               isms_catalog_at(i)->count, isms_catalog_at(i)->name_en);
    isms_store_free(store);
    return 0;
}

#include "isms_setup.h"
#include "cli/cli.h"

#define ISMS_ROUTES(table)
#define ISMS_FEATURE(name, command) extern const struct isms_cli_command command;
#include "features.def"
#undef ISMS_FEATURE

/* The commands that set up and run the server, then every feature's. */
static const struct isms_cli_command start_commands[] = {
    {"init", isms_cli_init, "create or upgrade the database"},
    {"serve", isms_cli_serve, "run the web server and JSON API"},
};

static const struct isms_cli_command *const feature_commands[] = {
#define ISMS_FEATURE(name, command) &command,
#include "features.def"
#undef ISMS_FEATURE
};
#undef ISMS_ROUTES

/* The command called `name`, or NULL. */
static const struct isms_cli_command *find_command(const char *name)
{
    for (size_t i = 0; i < ISMS_ARRAY_SIZE(start_commands); i++)
        if (strcmp(name, start_commands[i].name) == 0)
            return &start_commands[i];
    for (size_t i = 0; i < ISMS_ARRAY_SIZE(feature_commands); i++)
        if (feature_commands[i]->name && strcmp(name, feature_commands[i]->name) == 0)
            return feature_commands[i];
    return NULL;
}

static void usage(FILE *out)
{
    fprintf(out, "usage: isms <command> [options]\n\n"
                 "An ISMS for ISO/IEC 27001:2022 with the ISO/IEC 27017 cloud extension.\n\n"
                 "commands:\n");
    for (size_t i = 0; i < ISMS_ARRAY_SIZE(start_commands); i++)
        fprintf(out, "  %-10s %s\n", start_commands[i].name, start_commands[i].summary);
    for (size_t i = 0; i < ISMS_ARRAY_SIZE(feature_commands); i++)
        if (feature_commands[i]->name)
            fprintf(out, "  %-10s %s\n", feature_commands[i]->name, feature_commands[i]->summary);
    fprintf(out,
            "\nevery command takes --help; the database is --db PATH, $ISMS_DB or "
            "'%s'\n",
            ISMS_CLI_DEFAULT_DB);
}

int main(int argc, char **argv)
{
    const struct isms_cli_command *command;

    if (argc < 2) {
        usage(stderr);
        return ISMS_EXIT_USAGE;
    }
    if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0 ||
        strcmp(argv[1], "help") == 0) {
        usage(stdout);
        return 0;
    }
    if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "version") == 0) {
        printf("isms %s\n", ISMS_VERSION);
        return 0;
    }
    if ((command = find_command(argv[1])))
        return command->run(argc - 1, argv + 1);
    fprintf(stderr, "isms: '%s' is not an isms command\n\n", argv[1]);
    usage(stderr);
    return ISMS_EXIT_USAGE;
}

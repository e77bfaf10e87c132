/*
 * The `isms` command line: one file per subcommand. Each feature's file
 * defines its `struct isms_cli_command` (named in src/features.def); main.c
 * dispatches to them and to init and serve. Exit statuses: 0 ok, 1 a check found problems (soa
 * check), 2 bad usage or input, 3 not found, 4 conflict, 5 not allowed (also ISMS_ELIMIT: too many
 * failed attempts, try again later), 70 internal.
 */
#ifndef ISMS_CLI_CLI_H
#define ISMS_CLI_CLI_H

struct isms_buf;
struct isms_store;
struct isms_org;
struct json_t;

struct isms_cli_command {
    const char *name;
    int (*run)(int argc, char **argv); /* argv[0] is the command name */
    const char *summary;
};

/* A feature without a command (src/features.def): its name is NULL. */
extern const struct isms_cli_command isms_cli_no_command;
#define ISMS_NO_COMMAND isms_cli_no_command

#define ISMS_CLI_DEFAULT_DB "isms.db"
#define ISMS_EXIT_USAGE 2

int isms_cli_init(int argc, char **argv);
int isms_cli_serve(int argc, char **argv);

/* Creates the administrator "admin" when the database has no users: the
 * password is the first line of `password_file` (may be NULL), else
 * $ISMS_ADMIN_PASSWORD, else a random one printed once. Returns 0, or (having
 * printed why) the exit status. */
int isms_cli_create_first_admin(struct isms_store *store, const char *password_file);

/* The database to use: --db if given, else $ISMS_DB, else "isms.db". */
const char *isms_cli_db_path(const char *flag_value);

/* Opens the store (creating and migrating the database) and loads catalogs. */
int isms_cli_open_store(struct isms_store **out, const char *db_path, int pool_size);

/* Prints "isms: error: <last error>" and returns the exit status for `code`. */
int isms_cli_fail(int code);

/* Prints "isms: <message>" and a pointer to --help, returns ISMS_EXIT_USAGE. */
int isms_cli_usage_error(const char *command, const char *fmt, ...) ISMS_PRINTF(2, 3);

/* Prints `value` as indented JSON on stdout and drops the reference. */
void isms_cli_print_json(struct json_t *value);
/* The same on one line (JSON Lines output: one object a line). */
void isms_cli_print_json_line(struct json_t *value);

/* Opens the store and looks up --org (id or slug). Returns 0, the caller
 * then frees *store; or, having printed why, the exit status to return. */
int isms_cli_open_org(struct isms_store **store, struct isms_org *org, const char *command,
                      const char *db_flag, const char *org_flag);

/* True when argv holds -h or --help before any "--". */
bool isms_cli_wants_help(int argc, char **argv);

/* What every "isms COMMAND VERB ..." checks first: -h/--help prints `help`;
 * no VERB is a usage error saying `missing`; a VERB not in the
 * NULL-terminated `verbs` is one naming it. Returns ISMS_CLI_GO_ON when
 * argv[1] is a known verb, else the exit status to return at once. */
#define ISMS_CLI_GO_ON (-1)
int isms_cli_check_verb(int argc, char **argv, const char *command, const char *help,
                        const char *missing, const char *const *verbs);

/* Appends the bytes of file `path` ("-": standard input) to `out`, whose
 * limit caps them: ISMS_ETOOBIG "'PATH' is larger than N MiB" past it,
 * ISMS_EINVALID when the file cannot be opened. */
int isms_cli_read_input(struct isms_buf *out, const char *path);

/* Prints every error of a refused import as "PATH:LINE: column N (HEADER):
 * MESSAGE" on stderr, and how many more were only counted. */
struct isms_import_errors;
void isms_cli_print_import_errors(const struct isms_import_errors *errors, const char *path);

/* Writes `buf` to the file `path`, or to stdout when `path` is NULL, and
 * says on stderr what was written. Returns 0, or (having printed why) the
 * exit status. */
int isms_cli_write_output(const struct isms_buf *buf, const char *path);

/* One long option of a command: one with an argument keeps it in *text, a
 * flag sets *flag. */
struct isms_cli_option {
    const char *name;
    const char **text;
    bool *flag;
};

#define ISMS_CLI_TEXT(name, text)                                                                  \
    {                                                                                              \
        (name), (text), NULL                                                                       \
    }
#define ISMS_CLI_FLAG(name, flag)                                                                  \
    {                                                                                              \
        (name), NULL, (flag)                                                                       \
    }
#define ISMS_CLI_OPTIONS_MAX 32

/* Parses argv (argv[0] is the verb) against `options`, ended by a NULL name
 * (at most ISMS_CLI_OPTIONS_MAX). Returns 0 with optind at the first
 * positional argument, or the exit status of a usage error. */
int isms_cli_parse_options(const char *command, const struct isms_cli_option *options, int argc,
                           char **argv);

#endif

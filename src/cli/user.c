#include "isms_setup.h"
#include <getopt.h>
#include <jansson.h>
#include "cli/cli.h"
#include "export/user_json.h"
#include "isms/membership.h"
#include "isms/org.h"
#include "isms/user.h"
#include "model/actor.h"
#include "sec/random.h"
#include "store/store.h"
#include "util/error.h"

#define GENERATED_PASSWORD_LENGTH 20
#define PASSWORD_ENV "ISMS_USER_PASSWORD"
#define ADMIN_PASSWORD_ENV "ISMS_ADMIN_PASSWORD"

static const char user_help[] =
    "usage: isms user add NAME [--display-name TEXT] [--admin] [--password-file FILE]\n"
    "       isms user list [--json]\n"
    "       isms user passwd NAME [--password-file FILE]\n"
    "       isms user role NAME --org ID|SLUG --role admin|manager|risk_owner|auditor|none\n"
    "       isms user disable NAME\n"
    "       isms user enable NAME\n"
    "(every form takes --db PATH)\n\n"
    "User accounts for the web UI and API. A password comes from the first line\n"
    "of --password-file, else $" PASSWORD_ENV ", else a random one is generated\n"
    "and printed once. Passwords need at least 12 characters.\n\n"
    "  --admin              a system administrator: sees every organization,\n"
    "                       creates organizations and users\n"
    "  --org, --role        the user's role in an organization; 'none' removes it\n"
    "  --json               print JSON instead of a table\n"
    "  --db PATH            database file (default: $ISMS_DB or isms.db)\n";

struct user_args {
    const char *db;
    const char *display_name;
    const char *password_file;
    const char *org;
    const char *role;
    bool admin;
    bool json;
};

static int parse_args(struct user_args *args, int argc, char **argv)
{
    static const struct option options[] = {
        {"db", required_argument, NULL, 'd'},
        {"display-name", required_argument, NULL, 'n'},
        {"password-file", required_argument, NULL, 'p'},
        {"org", required_argument, NULL, 'o'},
        {"role", required_argument, NULL, 'r'},
        {"admin", no_argument, NULL, 'a'},
        {"json", no_argument, NULL, 'j'},
        {NULL, 0, NULL, 0},
    };
    int opt;

    while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
        switch (opt) {
        case 'd':
            args->db = optarg;
            break;
        case 'n':
            args->display_name = optarg;
            break;
        case 'p':
            args->password_file = optarg;
            break;
        case 'o':
            args->org = optarg;
            break;
        case 'r':
            args->role = optarg;
            break;
        case 'a':
            args->admin = true;
            break;
        case 'j':
            args->json = true;
            break;
        default:
            return isms_cli_usage_error("user", "unknown option");
        }
    }
    return 0;
}

/* A password nobody chose: letters and digits without look-alikes, drawn
 * without modulo bias. */
static int generate_password(char *out, size_t size)
{
    static const char alphabet[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    const size_t n = sizeof(alphabet) - 1, limit = 256 - 256 % n;
    size_t len = 0;
    int error;

    while (len + 1 < size && len < GENERATED_PASSWORD_LENGTH) {
        unsigned char byte;
        if ((error = isms_random_bytes(&byte, 1)) < 0)
            return error;
        if (byte < limit)
            out[len++] = alphabet[byte % n];
    }
    out[len] = '\0';
    return 0;
}

static int read_password_file(char *out, size_t size, const char *path)
{
    FILE *f = fopen(path, "r");
    size_t len;

    if (!f)
        return isms_error_set(ISMS_EINVALID, "cannot read '%s': %s", path, strerror(errno));
    if (!fgets(out, (int)size, f))
        out[0] = '\0';
    fclose(f);
    len = strcspn(out, "\r\n");
    out[len] = '\0';
    if (len == 0)
        return isms_error_set(ISMS_EINVALID, "'%s' holds no password on its first line", path);
    return 0;
}

/* The password from the file, the environment or the generator; *generated
 * tells the caller to show it. */
static int choose_password(char *out, size_t size, bool *generated, const char *file,
                           const char *env_name)
{
    const char *env = getenv(env_name);

    *generated = false;
    if (file)
        return read_password_file(out, size, file);
    if (env && *env) {
        snprintf(out, size, "%s", env);
        return 0;
    }
    *generated = true;
    return generate_password(out, size);
}

int isms_cli_create_first_admin(struct isms_store *store, const char *password_file)
{
    char password[ISMS_PASSWORD_MAX + 2];
    struct isms_user user;
    bool generated;
    int64_t count;
    int error;

    if ((error = isms_user_count(&count, store)) < 0)
        return isms_cli_fail(error);
    if (count > 0)
        return 0;
    if ((error = choose_password(password, sizeof(password), &generated, password_file,
                                 ADMIN_PASSWORD_ENV)) < 0 ||
        (error = isms_user_create(&user, store, "admin", "Administrator", password, true,
                                  isms_actor_cli())) < 0 ||
        (generated &&
         (error = isms_user_require_password_change(store, user.id, isms_actor_cli())) < 0))
        return isms_cli_fail(error);
    if (generated)
        printf("created administrator 'admin' with password: %s\n"
               "(shown only now: the first sign-in asks for a new one)\n",
               password);
    else
        printf("created administrator 'admin'\n");
    return 0;
}

static int user_add(struct isms_store *store, const struct user_args *args, const char *name)
{
    char password[ISMS_PASSWORD_MAX + 2];
    struct isms_user user;
    bool generated;
    int error;

    if ((error = choose_password(password, sizeof(password), &generated, args->password_file,
                                 PASSWORD_ENV)) < 0 ||
        (error = isms_user_create(&user, store, name, args->display_name, password, args->admin,
                                  isms_actor_cli())) < 0 ||
        (generated &&
         (error = isms_user_require_password_change(store, user.id, isms_actor_cli())) < 0))
        return isms_cli_fail(error);
    printf("created user %" PRId64 " '%s'%s\n", user.id, user.name,
           user.is_admin ? " (administrator)" : "");
    if (generated)
        printf("password: %s\n(shown only now; the first sign-in asks for a new one)\n", password);
    return 0;
}

static int user_list(struct isms_store *store, const struct user_args *args)
{
    struct isms_user *users;
    size_t count;
    int error;

    if ((error = isms_user_list(&users, &count, store)) < 0)
        return isms_cli_fail(error);
    if (args->json) {
        json_t *list = json_array();
        for (size_t i = 0; list && i < count; i++)
            json_array_append_new(list, isms_json_user(&users[i]));
        isms_cli_print_json(list);
    } else {
        printf("%-6s %-20s %-6s %-9s %-5s %s\n", "ID", "NAME", "ADMIN", "DISABLED", "TOTP",
               "DISPLAY NAME");
        for (size_t i = 0; i < count; i++)
            printf("%-6" PRId64 " %-20s %-6s %-9s %-5s %s\n", users[i].id, users[i].name,
                   users[i].is_admin ? "yes" : "no", users[i].disabled ? "yes" : "no",
                   users[i].totp_enabled ? "on" : "off", users[i].display_name);
    }
    free(users);
    return 0;
}

static int user_passwd(struct isms_store *store, const struct user_args *args, const char *name)
{
    char password[ISMS_PASSWORD_MAX + 2];
    struct isms_user user;
    bool generated;
    int error;

    if ((error = isms_user_find(&user, store, name)) < 0 ||
        (error = choose_password(password, sizeof(password), &generated, args->password_file,
                                 PASSWORD_ENV)) < 0 ||
        (error = isms_user_set_password(store, user.id, password, 0, isms_actor_cli())) < 0 ||
        (generated &&
         (error = isms_user_require_password_change(store, user.id, isms_actor_cli())) < 0))
        return isms_cli_fail(error);
    printf("password of '%s' changed; their sessions have ended\n", user.name);
    if (generated)
        printf("password: %s\n(shown only now; the next sign-in asks for a new one)\n", password);
    return 0;
}

static int user_role(struct isms_store *store, const struct user_args *args, const char *name)
{
    enum isms_role role = ISMS_ROLE_NONE;
    struct isms_user user;
    struct isms_org org;
    int error;

    if (!args->org || !args->role)
        return isms_cli_usage_error("user", "'user role' needs --org and --role");
    if (strcmp(args->role, "none") != 0 && (error = isms_role_parse(&role, args->role)) < 0)
        return isms_cli_fail(error);
    if ((error = isms_user_find(&user, store, name)) < 0 ||
        (error = isms_org_find(&org, store, args->org)) < 0)
        return isms_cli_fail(error);
    error = role ? isms_membership_set(store, org.id, user.id, role, isms_actor_cli())
                 : isms_membership_remove(store, org.id, user.id, isms_actor_cli());
    if (error < 0)
        return isms_cli_fail(error);
    printf("'%s' in '%s': %s\n", user.name, org.slug, isms_role_name(role));
    return 0;
}

static int user_set_disabled(struct isms_store *store, const char *name, bool disabled)
{
    struct isms_user_changes changes = {NULL, -1, disabled};
    struct isms_user user;
    int error;

    if ((error = isms_user_find(&user, store, name)) < 0 ||
        (error = isms_user_update(&user, store, user.id, &changes, isms_actor_cli())) < 0)
        return isms_cli_fail(error);
    printf("user '%s' %s\n", user.name,
           disabled ? "disabled; their sessions have ended" : "enabled");
    return 0;
}

/* Checks the verb's argument count; 0 or the usage exit status. */
static int check_arity(const char *verb, int operands)
{
    bool is_list = strcmp(verb, "list") == 0;
    static const char *const verbs[] = {"add", "list", "passwd", "role", "disable", "enable"};
    bool known = false;

    for (size_t i = 0; i < ISMS_ARRAY_SIZE(verbs); i++)
        known |= strcmp(verb, verbs[i]) == 0;
    if (!known)
        return isms_cli_usage_error("user", "unknown subcommand '%s'", verb);
    if (operands != (is_list ? 0 : 1))
        return isms_cli_usage_error("user", "'user %s' needs %s", verb,
                                    is_list ? "no arguments" : "exactly one NAME");
    return 0;
}

static int run(struct isms_store *store, const char *verb, const struct user_args *args,
               const char *name)
{
    if (strcmp(verb, "add") == 0)
        return user_add(store, args, name);
    if (strcmp(verb, "list") == 0)
        return user_list(store, args);
    if (strcmp(verb, "passwd") == 0)
        return user_passwd(store, args, name);
    if (strcmp(verb, "role") == 0)
        return user_role(store, args, name);
    return user_set_disabled(store, name, strcmp(verb, "disable") == 0);
}

static int run_user(int argc, char **argv)
{
    struct user_args args = {0};
    struct isms_store *store;
    const char *verb;
    int status, error;

    if (isms_cli_wants_help(argc, argv)) {
        fputs(user_help, stdout);
        return 0;
    }
    if (argc < 2)
        return isms_cli_usage_error("user", "'user' needs a subcommand: add, list, passwd, "
                                            "role, disable or enable");
    verb = argv[1];
    if ((status = parse_args(&args, argc - 1, argv + 1)) != 0 ||
        (status = check_arity(verb, argc - 1 - optind)) != 0)
        return status;
    if ((error = isms_cli_open_store(&store, isms_cli_db_path(args.db), 1)) < 0)
        return isms_cli_fail(error);
    status = run(store, verb, &args, optind < argc - 1 ? argv[1 + optind] : NULL);
    isms_store_free(store);
    return status;
}

const struct isms_cli_command isms_cli_user_command = {
    "user", run_user, "add, list and manage user accounts and their roles"};

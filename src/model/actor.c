#include "isms_setup.h"
#include <pthread.h>
#include <pwd.h>
#include <unistd.h>
#include "model/actor.h"

static char cli_name[64] = "cli";
static struct isms_actor cli_actor = {0, cli_name, "", true};
static pthread_once_t cli_once = PTHREAD_ONCE_INIT;

/* The login name, not $USER alone: sudo and su keep $USER but the journal
 * should name who actually ran the command. */
static void resolve_cli_name(void)
{
    struct passwd pw, *found = NULL;
    char buf[1024];
    const char *name = NULL;

    if (getpwuid_r(getuid(), &pw, buf, sizeof(buf), &found) == 0 && found)
        name = found->pw_name;
    else
        name = getenv("USER");
    if (name && *name)
        snprintf(cli_name, sizeof(cli_name), "cli:%s", name);
}

const struct isms_actor *isms_actor_cli(void)
{
    pthread_once(&cli_once, resolve_cli_name);
    return &cli_actor;
}

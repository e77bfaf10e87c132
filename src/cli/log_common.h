/* What the `isms log` verbs share: the rules, `log trend`. */
#ifndef ISMS_CLI_LOG_COMMON_H
#define ISMS_CLI_LOG_COMMON_H

#include <stddef.h>
#include "engines/ioc/rules.h"

/* --rules builtin, or a rule file: 0, or the exit status of the failure. */
int isms_cli_load_rules(struct isms_log_rule **rules, size_t *n, const char *which);

/* `isms log trend`; argv[0] is "trend". */
int isms_cli_log_trend(int argc, char **argv);

#endif

#include "isms_setup.h"
#include "cli/cli.h"
#include "cli/log_common.h"
#include "util/buf.h"
#include "util/error.h"

int isms_cli_load_rules(struct isms_log_rule **rules, size_t *n, const char *which)
{
    struct isms_buf data = ISMS_BUF_INIT(1u << 20);
    int error;

    if (strcmp(which, "builtin") == 0)
        error = isms_log_rules_parse(rules, n, isms_log_rules_builtin(),
                                     strlen(isms_log_rules_builtin()));
    else if ((error = isms_cli_read_input(&data, which)) == 0)
        error = isms_log_rules_parse(rules, n, isms_buf_cstr(&data), data.len);
    isms_buf_release(&data);
    return error < 0 ? isms_cli_fail(error) : 0;
}

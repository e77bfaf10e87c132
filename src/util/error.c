#include "isms_setup.h"
#include "util/error.h"

static _Thread_local char last_message[1024];

struct error_info {
    int code;
    const char *name;
    int http_status;
    int exit_status;
};

/* One table maps every code to its name, HTTP status and CLI exit status. */
static const struct error_info error_table[] = {
    {ISMS_OK, "ok", 200, 0},
    {ISMS_ERROR, "internal", 500, 70},
    {ISMS_ENOTFOUND, "not_found", 404, 3},
    {ISMS_EINVALID, "invalid", 400, 2},
    {ISMS_ECONFLICT, "conflict", 409, 4},
    {ISMS_EAUTH, "unauthenticated", 401, 5},
    {ISMS_EPERM, "forbidden", 403, 5},
    {ISMS_ETOOBIG, "too_large", 413, 2},
    {ISMS_ENOMEM, "out_of_memory", 500, 70},
    /* 5 like EPERM: a script cannot tell "not now" from "not allowed" any
     * better by a new status, and the message says when to try again. */
    {ISMS_ELIMIT, "too_many_requests", 429, 5},
};

static const struct error_info *lookup(int code)
{
    for (size_t i = 0; i < ISMS_ARRAY_SIZE(error_table); i++)
        if (error_table[i].code == code)
            return &error_table[i];
    return &error_table[1];
}

int isms_error_set(int code, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(last_message, sizeof(last_message), fmt, ap);
    va_end(ap);
    return code;
}

const char *isms_error_last(void)
{
    return last_message;
}

void isms_error_clear(void)
{
    last_message[0] = '\0';
}

const char *isms_error_name(int code)
{
    return lookup(code)->name;
}

int isms_error_http_status(int code)
{
    return lookup(code)->http_status;
}

int isms_error_exit_status(int code)
{
    return lookup(code)->exit_status;
}

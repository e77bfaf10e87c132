#include "isms_setup.h"
#include "util/error.h"
#include "util/format.h"
#include "util/text.h"

static _Thread_local char last_message[1024];
/* The same message in Japanese, formatted from the translated format string
 * with the same arguments (the user's language is not known where an error
 * is raised, so both are made). */
static _Thread_local char last_message_ja[1024];
static isms_error_translate_fn translate_ja;

void isms_error_set_translator(isms_error_translate_fn fn)
{
    translate_ja = fn;
}

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
    const char *ja = translate_ja ? translate_ja(fmt) : NULL;
    va_list ap, again;

    va_start(ap, fmt);
    va_copy(again, ap);
    vsnprintf(last_message, sizeof(last_message), fmt, ap);
    /* A message made elsewhere ("%s"): its Japanese is that of the text. */
    if (strcmp(fmt, "%s") == 0 && translate_ja && (ja = translate_ja(last_message)) && *ja)
        snprintf(last_message_ja, sizeof(last_message_ja), "%s", ja);
    else if (ja && ja != fmt && isms_format_same_conversions(fmt, ja))
        vsnprintf(last_message_ja, sizeof(last_message_ja), ja, again);
    else
        memcpy(last_message_ja, last_message, sizeof(last_message));
    va_end(again);
    va_end(ap);
    return code;
}

const char *isms_error_translate(const char *text)
{
    const char *ja;

    if (!text)
        return "";
    if (text == last_message || strcmp(text, last_message) == 0)
        return last_message_ja;
    ja = translate_ja ? translate_ja(text) : NULL;
    return ja && *ja ? ja : text;
}

void isms_error_vformat_ja(char *out, size_t size, const char *fmt, va_list ap)
{
    const char *ja = translate_ja ? translate_ja(fmt) : NULL;

    vsnprintf(out, size, ja && *ja && isms_format_same_conversions(fmt, ja) ? ja : fmt, ap);
}

const char *isms_error_last(void)
{
    return last_message;
}

const char *isms_error_last_ja(void)
{
    return last_message_ja;
}

void isms_error_save(struct isms_error_saved *saved)
{
    memcpy(saved->en, last_message, sizeof(saved->en));
    memcpy(saved->ja, last_message_ja, sizeof(saved->ja));
}

int isms_error_restore(int code, const struct isms_error_saved *saved)
{
    memcpy(last_message, saved->en, sizeof(last_message));
    memcpy(last_message_ja, saved->ja, sizeof(last_message_ja));
    return code;
}

void isms_error_clear(void)
{
    last_message[0] = '\0';
    last_message_ja[0] = '\0';
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

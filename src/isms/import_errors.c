#include "isms_setup.h"
#include "isms/import_errors.h"
#include "util/error.h"

void isms_import_error_add(struct isms_import_errors *errors, size_t line, size_t column,
                           const char *header, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    isms_import_error_vadd(errors, line, column, header, fmt, ap);
    va_end(ap);
}

void isms_import_error_vadd(struct isms_import_errors *errors, size_t line, size_t column,
                            const char *header, const char *fmt, va_list ap)
{
    struct isms_import_error *e;
    va_list again;

    errors->total++;
    if (errors->count == ISMS_IMPORT_ERRORS_MAX)
        return;
    if (!errors->list && !(errors->list = calloc(ISMS_IMPORT_ERRORS_MAX, sizeof(*errors->list))))
        return; /* still counted in total: the import fails either way */
    e = &errors->list[errors->count++];
    e->line = line;
    e->column = column;
    snprintf(e->header, sizeof(e->header), "%s", header ? header : "");
    va_copy(again, ap);
    vsnprintf(e->message, sizeof(e->message), fmt, ap);
    /* The Japanese form beside it: pages and the API answer in the user's
     * language. A "%s" message is translated as the text it is. */
    if (strcmp(fmt, "%s") == 0)
        snprintf(e->message_ja, sizeof(e->message_ja), "%s",
                 isms_error_translate(va_arg(again, const char *)));
    else
        isms_error_vformat_ja(e->message_ja, sizeof(e->message_ja), fmt, again);
    va_end(again);
}

int isms_import_error_fatal(struct isms_import_errors *errors, int *fatal, int code, size_t line,
                            const char *message)
{
    isms_import_error_add(errors, line, 0, NULL, "%s", message);
    if (!*fatal)
        *fatal = code;
    return code;
}

int isms_import_errors_result(const struct isms_import_errors *errors, int fatal)
{
    if (fatal)
        return isms_error_set(fatal, "%s",
                              errors->count ? errors->list[0].message : "the import failed");
    if (errors->total)
        return isms_error_set(ISMS_EINVALID, _("%zu rows have errors; nothing was imported"),
                              errors->rows ? errors->rows : 1);
    return 0;
}

void isms_import_errors_release(struct isms_import_errors *errors)
{
    free(errors->list);
    memset(errors, 0, sizeof(*errors));
}

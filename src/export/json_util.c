/* Shared jansson helpers (json_util.h). */
#include "isms_setup.h"
#include "export/json_util.h"
#include "util/buf.h"
#include "util/error.h"

bool isms_json_set(json_t *obj, const char *key, json_t *value)
{
    if (!obj) {
        json_decref(value);
        return false;
    }
    return json_object_set_new(obj, key, value) == 0;
}

bool isms_json_append(json_t *array, json_t *value)
{
    if (!array) {
        json_decref(value);
        return false;
    }
    return json_array_append_new(array, value) == 0;
}

json_t *isms_json_done(json_t *obj, bool ok)
{
    if (ok)
        return obj;
    json_decref(obj);
    return NULL;
}

json_t *isms_json_string_or_null(const char *s)
{
    return s && *s ? json_string(s) : json_null();
}

int isms_json_optional_string(const char **out, const json_t *body, const char *key)
{
    const json_t *value = json_object_get(body, key);

    *out = NULL;
    if (!value || json_is_null(value))
        return 0;
    if (!json_is_string(value))
        return isms_error_set(ISMS_EINVALID, _("'%s' must be a string"), key);
    /* A built json_t may hold NUL bytes that a C string would silently cut. */
    if (strlen(json_string_value(value)) != json_string_length(value))
        return isms_error_set(ISMS_EINVALID, _("'%s' must not contain NUL characters"), key);
    *out = json_string_value(value);
    return 0;
}

int isms_json_optional_text(const char **out, char number[ISMS_JSON_NUMBER_SIZE],
                            const json_t *body, const char *key)
{
    const json_t *value = json_object_get(body, key);

    if (json_is_integer(value)) {
        snprintf(number, ISMS_JSON_NUMBER_SIZE, "%" JSON_INTEGER_FORMAT, json_integer_value(value));
        *out = number;
        return 0;
    }
    return isms_json_optional_string(out, body, key);
}

int isms_json_write_file(struct isms_buf *out, json_t *value)
{
    char *text = value ? json_dumps(value, JSON_INDENT(2) | JSON_PRESERVE_ORDER) : NULL;
    int error;

    json_decref(value);
    if (!text)
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    if ((error = isms_buf_puts(out, text)) == 0)
        error = isms_buf_putc(out, '\n');
    free(text);
    return error;
}

#include "isms_setup.h"
#include "util/array.h"
#include "util/error.h"
#include "util/hex.h"
#include "util/text.h"
#include "web/http/form.h"

/* Decodes [from, to) ('+' is a space, %XX a byte) into a new string. */
static int decode(char **out, const char *from, const char *to)
{
    char *text = malloc((size_t)(to - from) + 1), *w = text;

    *out = NULL;
    if (!text)
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    for (const char *c = from; c < to; c++) {
        if (*c == '+') {
            *w++ = ' ';
        } else if (*c == '%') {
            int hi = c + 2 < to ? isms_hex_digit(c[1]) : -1,
                lo = hi >= 0 ? isms_hex_digit(c[2]) : -1;
            if (lo < 0 || (hi == 0 && lo == 0)) {
                free(text);
                return isms_error_set(ISMS_EINVALID, lo < 0 ? "malformed form field escape"
                                                            : "a form field holds a NUL byte");
            }
            *w++ = (char)(hi * 16 + lo);
            c += 2;
        } else if (*c == '\0') {
            free(text);
            return isms_error_set(ISMS_EINVALID, _("a form field holds a NUL byte"));
        } else {
            *w++ = *c;
        }
    }
    *w = '\0';
    *out = text;
    return 0;
}

static int add_field(struct isms_form *form, const char *pair, const char *end)
{
    const char *eq = memchr(pair, '=', (size_t)(end - pair));
    struct isms_form_field *field;
    int error;

    if (form->count == ISMS_FORM_FIELDS_MAX)
        return isms_error_set(ISMS_ETOOBIG, _("the form has more than %d fields"),
                              ISMS_FORM_FIELDS_MAX);
    if ((error = ISMS_ARRAY_RESERVE(form->fields, form->cap, form->count)) < 0)
        return error;
    field = &form->fields[form->count];
    field->value = NULL;
    if ((error = decode(&field->name, pair, eq ? eq : end)) < 0)
        return error;
    if ((error = decode(&field->value, eq ? eq + 1 : end, end)) < 0) {
        free(field->name);
        return error;
    }
    /* Checked here, once: every page may then take form text as UTF-8. */
    if (!isms_text_valid_utf8(field->name) || !isms_text_valid_utf8(field->value)) {
        error = isms_text_valid_utf8(field->name)
                    ? isms_error_set(ISMS_EINVALID, _("the form field '%.40s' is not valid UTF-8"),
                                     field->name)
                    : isms_error_set(ISMS_EINVALID, _("a form field name is not valid UTF-8"));
        free(field->name);
        free(field->value);
        return error;
    }
    form->count++;
    return 0;
}

int isms_form_parse(struct isms_form *out, const char *body, size_t len)
{
    const char *pair = body, *end = body + len;
    int error;

    memset(out, 0, sizeof(*out));
    while (pair < end) {
        const char *amp = memchr(pair, '&', (size_t)(end - pair));
        const char *stop = amp ? amp : end;
        if (stop > pair && (error = add_field(out, pair, stop)) < 0)
            return error;
        pair = stop + (amp != NULL);
    }
    return 0;
}

void isms_form_release(struct isms_form *form)
{
    for (size_t i = 0; i < form->count; i++) {
        free(form->fields[i].name);
        free(form->fields[i].value);
    }
    free(form->fields);
    memset(form, 0, sizeof(*form));
}

const char *isms_form_get_nth(const struct isms_form *form, const char *name, size_t n)
{
    for (size_t i = 0; i < form->count; i++)
        if (strcmp(form->fields[i].name, name) == 0 && n-- == 0)
            return form->fields[i].value;
    return NULL;
}

const char *isms_form_get(const struct isms_form *form, const char *name)
{
    return isms_form_get_nth(form, name, 0);
}

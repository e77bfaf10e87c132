/*
 * HTML form bodies (application/x-www-form-urlencoded): "a=1&b=x+y&b=%E3%81%82".
 * Names may repeat (checkbox lists such as the SoA bulk decision).
 */
#ifndef ISMS_WEB_FORM_H
#define ISMS_WEB_FORM_H

/* More fields than this is an error: the largest form (bulk SoA decision)
 * sends one per control plus a few. */
#define ISMS_FORM_FIELDS_MAX 400

struct isms_form_field {
    char *name;  /* decoded, NUL-terminated, owned */
    char *value; /* decoded, NUL-terminated, owned */
};

struct isms_form {
    struct isms_form_field *fields;
    size_t count, cap;
};

/* Decodes `len` bytes of `body`. ISMS_EINVALID for a malformed escape, an
 * encoded NUL byte or a name or value that is not UTF-8, ISMS_ETOOBIG past ISMS_FORM_FIELDS_MAX
 * fields. Release with isms_form_release() (also after a failure). */
int isms_form_parse(struct isms_form *out, const char *body, size_t len);
void isms_form_release(struct isms_form *form);

/* The first value of `name`, or NULL. Borrowed. */
const char *isms_form_get(const struct isms_form *form, const char *name);

/* The i-th value of `name` (0-based), or NULL past the last. Borrowed. */
const char *isms_form_get_nth(const struct isms_form *form, const char *name, size_t n);

#endif

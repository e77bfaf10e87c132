#include "isms_setup.h"
#include <microhttpd.h>
#include <strings.h>
#include "util/array.h"
#include "util/error.h"
#include "web/http/multipart.h"
#include "web/http/request.h"

#define MULTIPART_TYPE "multipart/form-data"
#define PROCESSOR_BUFFER 4096

struct parse_state {
    struct isms_multipart *out;
    const char *file_field;
    int error; /* the first failure; the iterator stops there */
};

bool isms_multipart_is(const struct isms_web_request *req)
{
    const char *type = isms_web_request_header(req, MHD_HTTP_HEADER_CONTENT_TYPE);

    return type && strncasecmp(type, MULTIPART_TYPE, sizeof(MULTIPART_TYPE) - 1) == 0;
}

/* The field `key` (the last one when a name repeats in a row: MHD hands a
 * value over in pieces, each after the previous one). */
static struct isms_form_field *field_for(struct isms_form *form, const char *key, uint64_t off)
{
    struct isms_form_field *field, *last = form->count ? &form->fields[form->count - 1] : NULL;

    if (off > 0 && last && strcmp(last->name, key) == 0)
        return last;
    if (form->count == ISMS_MULTIPART_FIELDS_MAX)
        return NULL;
    if (ISMS_ARRAY_RESERVE(form->fields, form->cap, form->count) < 0)
        return NULL;
    field = &form->fields[form->count++];
    *field = (struct isms_form_field){strdup(key), strdup("")};
    if (!field->name || !field->value)
        return NULL;
    return field;
}

static int add_text(struct parse_state *st, const char *key, const char *data, uint64_t off,
                    size_t size)
{
    struct isms_form_field *field = field_for(&st->out->fields, key, off);
    size_t len;
    char *grown;

    if (!field)
        return st->out->fields.count == ISMS_MULTIPART_FIELDS_MAX
                   ? isms_error_set(ISMS_ETOOBIG, _("the form has more than %d fields"),
                                    ISMS_MULTIPART_FIELDS_MAX)
                   : isms_error_set(ISMS_ENOMEM, "out of memory");
    len = strlen(field->value);
    if (memchr(data, '\0', size))
        return isms_error_set(ISMS_EINVALID, _("the form field '%.40s' holds a NUL byte"), key);
    if (len + size > ISMS_MULTIPART_FIELD_MAX)
        return isms_error_set(ISMS_ETOOBIG, _("the form field '%.40s' is longer than %d bytes"),
                              key, ISMS_MULTIPART_FIELD_MAX);
    if (!(grown = realloc(field->value, len + size + 1)))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    memcpy(grown + len, data, size);
    grown[len + size] = '\0';
    field->value = grown;
    return 0;
}

static int add_file(struct parse_state *st, const char *filename, const char *data, size_t size)
{
    struct isms_multipart *out = st->out;

    if (!out->has_file) {
        out->has_file = true;
        snprintf(out->filename, sizeof(out->filename), "%s", filename ? filename : "");
    }
    if (size == 0 || out->file.max == 0)
        return 0;
    if (isms_buf_put(&out->file, data, size) < 0)
        return isms_error_set(ISMS_ETOOBIG, _("the uploaded file is larger than %zu bytes"),
                              out->file.max);
    return 0;
}

static enum MHD_Result on_part(void *cls, enum MHD_ValueKind kind, const char *key,
                               const char *filename, const char *content_type,
                               const char *transfer_encoding, const char *data, uint64_t off,
                               size_t size)
{
    struct parse_state *st = cls;

    (void)kind, (void)content_type, (void)transfer_encoding;
    if (!key)
        return MHD_YES;
    if (filename) /* a file: only the one asked for is kept */
        st->error = strcmp(key, st->file_field) == 0 ? add_file(st, filename, data, size) : 0;
    else
        st->error = add_text(st, key, data, off, size);
    return st->error == 0 ? MHD_YES : MHD_NO;
}

int isms_multipart_parse(struct isms_multipart *out, const struct isms_web_request *req,
                         const char *file_field, size_t file_max)
{
    struct parse_state st = {out, file_field, 0};
    struct MHD_PostProcessor *pp;
    bool ok;

    memset(out, 0, sizeof(*out));
    isms_buf_init(&out->file, file_max);
    if (!isms_multipart_is(req))
        return isms_error_set(ISMS_EINVALID, _("the form must be sent as '%s'"), MULTIPART_TYPE);
    /* The processor reads the boundary from the connection's Content-Type. */
    if (!(pp = MHD_create_post_processor(req->connection, PROCESSOR_BUFFER, on_part, &st)))
        return isms_error_set(ISMS_EINVALID, _("the upload has no usable multipart boundary"));
    ok = req->body.len == 0 ||
         MHD_post_process(pp, isms_buf_cstr(&req->body), req->body.len) == MHD_YES;
    ok = (MHD_destroy_post_processor(pp) == MHD_YES) && ok;
    if (st.error < 0)
        return st.error;
    if (!ok)
        return isms_error_set(ISMS_EINVALID,
                              _("the upload is not well-formed multipart/form-data"));
    return 0;
}

void isms_multipart_release(struct isms_multipart *mp)
{
    isms_form_release(&mp->fields);
    isms_buf_release(&mp->file);
}

/*
 * HTML file uploads (multipart/form-data), parsed from the buffered request
 * body with libmicrohttpd's post processor: the text fields (capped in size
 * and number, like isms_form) and the content of one file field.
 */
#ifndef ISMS_WEB_MULTIPART_H
#define ISMS_WEB_MULTIPART_H

#include "util/buf.h"
#include "web/http/form.h"

struct isms_web_request;

#define ISMS_MULTIPART_FIELDS_MAX 32
#define ISMS_MULTIPART_FIELD_MAX 8192 /* bytes of one text field */
#define ISMS_MULTIPART_FILENAME_MAX 255

struct isms_multipart {
    struct isms_form fields; /* the text fields: isms_form_get() them */
    struct isms_buf file;    /* the file field's content ("" when none was sent) */
    char filename[ISMS_MULTIPART_FILENAME_MAX + 1];
    bool has_file;
};

/* True when the request's Content-Type is multipart/form-data. */
bool isms_multipart_is(const struct isms_web_request *req);

/* Parses req->body. The field named `file_field` goes to out->file (at most
 * `file_max` bytes; 0 skips its content), other files are skipped, text
 * fields go to out->fields.
 * ISMS_EINVALID for a body that is not multipart/form-data or is malformed,
 * ISMS_ETOOBIG past the caps. Release *out in every case. */
int isms_multipart_parse(struct isms_multipart *out, const struct isms_web_request *req,
                         const char *file_field, size_t file_max);
void isms_multipart_release(struct isms_multipart *mp);

#endif

#include "isms_setup.h"
#include "util/error.h"
#include "web/http/form.h"
#include "web/pages/evidence_form.h"

int isms_page_evidence_of(struct isms_page_evidence *out, const struct isms_multipart *mp)
{
    const char *name = isms_form_get(&mp->fields, "name");
    const char *url = isms_form_get(&mp->fields, "url");

    memset(out, 0, sizeof(*out));
    out->name = name;
    if (mp->has_file && mp->filename[0]) {
        if (!name || !*name)
            out->name = mp->filename;
        out->data = mp->file.len ? mp->file.ptr : "";
        out->len = mp->file.len;
        return 0;
    }
    if (url && *url) {
        out->url = url;
        return 0;
    }
    return isms_error_set(ISMS_EINVALID, _("choose a file or give a link"));
}

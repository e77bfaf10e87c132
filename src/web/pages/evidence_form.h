/* The evidence form of the control and incident pages: a file (named after
 * itself unless the user names it) or a link, with a name. */
#ifndef ISMS_WEB_PAGES_EVIDENCE_FORM_H
#define ISMS_WEB_PAGES_EVIDENCE_FORM_H

#include <stddef.h>
#include "web/http/multipart.h"

struct isms_page_evidence {
    const char *name;
    const void *data; /* the file's bytes; NULL for a link */
    size_t len;
    const char *url; /* the link; NULL for a file */
};

/* What the form of `mp` gives; ISMS_EINVALID when neither a file nor a
 * link. Borrows from mp. */
int isms_page_evidence_of(struct isms_page_evidence *out, const struct isms_multipart *mp);

#endif

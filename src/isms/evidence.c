#include "isms_setup.h"
#include <strings.h>
#include "isms/evidence.h"
#include "sec/random.h"
#include "util/error.h"
#include "util/text.h"

static int check_evidence(const char *name, size_t len, const char *url, bool file)
{
    int error;

    if (!name || !*name)
        return isms_error_set(ISMS_EINVALID, _("evidence needs a name"));
    if ((error = isms_text_check(name, 255, false, "name")) < 0)
        return error;
    if (file && len > ISMS_EVIDENCE_FILE_MAX)
        return isms_error_set(ISMS_ETOOBIG, _("an evidence file may have at most %u MiB"),
                              ISMS_EVIDENCE_FILE_MAX >> 20);
    if (!file &&
        (!url || (strncasecmp(url, "https://", 8) != 0 && strncasecmp(url, "http://", 7) != 0)))
        return isms_error_set(ISMS_EINVALID, _("an evidence link must start with https:// or "
                                               "http://"));
    if (!file && (error = isms_text_check(url, 1000, false, "url")) < 0)
        return error;
    return 0;
}

int isms_evidence_add(struct isms_evidence *out, struct isms_store *store,
                      const struct isms_store_evidence_table *table, int64_t org_id,
                      const char *subject, const char *name, const void *data, size_t len,
                      const char *url, const struct isms_actor *actor)
{
    char sha256[ISMS_SHA256_HEX_SIZE] = "";
    int error;

    if ((error = check_evidence(name, len, url, data != NULL)) < 0 ||
        (data && (error = isms_sha256_hex_bytes(sha256, data, len)) < 0))
        return error;
    return isms_store_evidence_add(out, store, table, org_id,
                                   &(struct isms_store_evidence_row){subject, name, data ? "" : url,
                                                                     sha256, data, data ? len : 0},
                                   actor);
}

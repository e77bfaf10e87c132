/*
 * The transition gap report 2013 -> 2022 (isms/transition.h) as files: one
 * row per ISO/IEC 27001:2022 Annex A control with its 2013 sources, their
 * decisions and the proposal. CSV and xlsx share their columns
 * (bilingual "日本語 / English" headers and values, like the SoA export);
 * JSON is the API's form.
 */
#ifndef ISMS_EXPORT_TRANSITION_EXPORT_H
#define ISMS_EXPORT_TRANSITION_EXPORT_H

#include <jansson.h>

struct isms_buf;
struct isms_transition_report;

/* {"imported": {"at", "by", "rows", "file_sha256"} or null, "summary":
 * {"controls", "new", "merged", "conflicts", "no_source"}, "controls": [{"id"
 * "5.7", "title_en", "title_ja", "new", "merged", "from": ["A.12.6.1"...],
 * "decisions": [{"id", "applicable", "implemented", "justification",
 * "line"}], "proposal", "implementation"}]}. NULL when out of memory. */
json_t *isms_json_transition_report(const struct isms_transition_report *report);

int isms_export_transition_json(struct isms_buf *out, const struct isms_transition_report *report);
int isms_export_transition_csv(struct isms_buf *out, const struct isms_transition_report *report);
/* `org_name` titles the sheet. */
int isms_export_transition_xlsx(struct isms_buf *out, const struct isms_transition_report *report,
                                const char *org_name);

#endif

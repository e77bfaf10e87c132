#include "isms_setup.h"
#include "web/pages/bia_common.h"

json_t *isms_page_duration(const struct isms_page *page, int minutes)
{
    char text[ISMS_BIA_DURATION_SIZE];

    if (page->lang == ISMS_LANG_JA)
        isms_bia_duration_format_ja(text, minutes);
    else if (minutes < 0)
        snprintf(text, sizeof(text), "-");
    else
        isms_bia_duration_format(text, minutes);
    return json_string(text);
}

json_t *isms_page_bia_process(const struct isms_page *page, const struct isms_bia_process *p)
{
    char raw[3][ISMS_BIA_DURATION_SIZE];

    isms_bia_duration_format(raw[0], p->mtpd);
    isms_bia_duration_format(raw[1], p->rto);
    isms_bia_duration_format(raw[2], p->rpo);
    return json_pack("{s:I, s:s, s:s, s:o, s:o, s:o, s:s, s:s, s:s, s:i, s:s, s:i, s:i}", "id",
                     (json_int_t)p->id, "name", p->name, "owner", p->owner, "mtpd",
                     isms_page_duration(page, p->mtpd), "rto", isms_page_duration(page, p->rto),
                     "rpo", isms_page_duration(page, p->rpo), "mtpd_raw", raw[0], "rto_raw", raw[1],
                     "rpo_raw", raw[2], "rlo", p->rlo_percent, "description", p->description,
                     "dependency_count", p->dependency_count, "gap_count", p->gap_count);
}

json_t *isms_page_bia_gap(const struct isms_page *page, const struct isms_bia_gap *g)
{
    static const char *const reasons[] = {
        "",
        "recovers in %s, longer than the RTO of %s",
        "loses up to %s of data, more than the RPO of %s",
        "its recovery time is not known (RTO %s)",
    };
    json_t *have, *want;
    char text[400];

    if (g->reason == ISMS_BIA_GAP_RPO) {
        have = isms_page_duration(page, g->dependency->recovery_point);
        want = isms_page_duration(page, g->process->rpo);
    } else {
        have = isms_page_duration(page, g->dependency->recovery_time);
        want = isms_page_duration(page, g->process->rto);
    }
    if (g->reason == ISMS_BIA_GAP_UNKNOWN)
        snprintf(text, sizeof(text), isms_page_t(page, reasons[g->reason]),
                 json_string_value(want));
    else
        snprintf(text, sizeof(text), isms_page_t(page, reasons[g->reason]), json_string_value(have),
                 json_string_value(want));
    json_decref(have);
    json_decref(want);
    return json_pack("{s:I, s:s, s:s, s:s}", "process_id", (json_int_t)g->process->id, "process",
                     g->process->name, "dependency", g->dependency->name, "why", text);
}

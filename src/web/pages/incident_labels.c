#include "isms_setup.h"
#include "web/pages/incident_labels.h"

static const char *const kinds_en[] = {"", "Indicator hit", "Rule alert"};
static const char *const kinds_ja[] = {"", "IoC一致", "ルールのアラート"};
static const char *const targets_en[] = {"", "Risk", "Information asset", "Control"};
static const char *const targets_ja[] = {"", "リスク", "情報資産", "管理策"};
static const char *const entries_en[] = {"",         "Opened", "Note",     "Status",
                                         "Severity", "Event",  "Evidence", "Link"};
static const char *const entries_ja[] = {"",       "起票", "メモ", "ステータス",
                                         "重大度", "事象", "証跡", "関連付け"};

#define LABEL(page, en, ja, v)                                                                     \
    ((unsigned)(v) < ISMS_ARRAY_SIZE(en) ? isms_page_pick(page, en[v], ja[v]) : "")

/* The built-in rules (engines/ioc/rules.c) as a Japanese reader reads them. */
static const struct {
    const char *id, *ja;
} builtin_rules_ja[] = {
    {"sshd-brute-force", "SSHの総当たり攻撃：同じ送信元からのログイン失敗が120秒以内に8回"},
    {"sshd-invalid-user", "存在しないユーザーでのSSHログイン：同じ送信元から5分以内に5回"},
    {"sudo-failure", "sudoの認証失敗：同じユーザーで5分以内に3回"},
    {"web-scan", "Webスキャン：同じ送信元からのクライアントエラー（4xx）が60秒以内に20回"},
};

const char *isms_page_rule_name(const struct isms_page *page, const char *id, const char *name)
{
    for (size_t i = 0; i < ISMS_ARRAY_SIZE(builtin_rules_ja); i++)
        if (strcmp(id, builtin_rules_ja[i].id) == 0)
            return isms_page_pick(page, name, builtin_rules_ja[i].ja);
    return name;
}

const char *isms_page_event_name(const struct isms_page *page, const struct isms_event *e)
{
    return e->kind == ISMS_EVENT_ALERT ? isms_page_rule_name(page, e->signature, e->name) : e->name;
}

const char *isms_page_event_kind(const struct isms_page *page, enum isms_event_kind k)
{
    return LABEL(page, kinds_en, kinds_ja, k);
}

const char *isms_page_severity(const struct isms_page *page, enum isms_incident_severity s)
{
    return isms_page_pick(page, isms_severity_label_en(s), isms_severity_label_ja(s));
}

const char *isms_page_incident_status(const struct isms_page *page, enum isms_incident_status s)
{
    return isms_page_pick(page, isms_incident_status_label_en(s), isms_incident_status_label_ja(s));
}

const char *isms_page_link_target(const struct isms_page *page, enum isms_incident_link_target t)
{
    return LABEL(page, targets_en, targets_ja, t);
}

const char *isms_page_entry_kind(const struct isms_page *page, enum isms_incident_entry_kind k)
{
    return LABEL(page, entries_en, entries_ja, k);
}

json_t *isms_page_severity_options(const struct isms_page *page, const char *chosen)
{
    json_t *list = json_array();

    for (int s = ISMS_SEVERITY_LOW; list && s <= ISMS_SEVERITY_COUNT; s++)
        json_array_append_new(
            list, isms_page_option(isms_severity_name(s), isms_page_severity(page, s),
                                   chosen && strcmp(chosen, isms_severity_name(s)) == 0));
    return list;
}

json_t *isms_page_status_options(const struct isms_page *page, const char *chosen)
{
    json_t *list = json_array();

    for (int s = ISMS_INCIDENT_NEW; list && s <= ISMS_INCIDENT_STATUS_COUNT; s++)
        json_array_append_new(
            list, isms_page_option(isms_incident_status_name(s), isms_page_incident_status(page, s),
                                   chosen && strcmp(chosen, isms_incident_status_name(s)) == 0));
    return list;
}

#include "isms_setup.h"
#include "catalog/catalog.h"
#include "isms/control_attributes.h"

/* The values of all five attributes with their JIS Q 27002:2024 hashtags. */
static const struct {
    const char *value, *ja;
} tags[] = {
    {"Preventive", "予防"},
    {"Detective", "検知"},
    {"Corrective", "是正"},
    {"Confidentiality", "機密性"},
    {"Integrity", "完全性"},
    {"Availability", "可用性"},
    {"Identify", "識別"},
    {"Protect", "防御"},
    {"Detect", "検知"},
    {"Respond", "対応"},
    {"Recover", "復旧"},
    {"Governance", "ガバナンス"},
    {"Asset_management", "資産管理"},
    {"Information_protection", "情報保護"},
    {"Human_resource_security", "人的資源のセキュリティ"},
    {"Physical_security", "物理的セキュリティ"},
    {"System_and_network_security", "システム及びネットワークのセキュリティ"},
    {"Application_security", "アプリケーションのセキュリティ"},
    {"Secure_configuration", "セキュリティを保った構成"},
    {"Identity_and_access_management", "識別情報及びアクセスの管理"},
    {"Threat_and_vulnerability_management", "脅威及びぜい弱性の管理"},
    {"Continuity", "継続"},
    {"Supplier_relationships_security", "供給者関係のセキュリティ"},
    {"Legal_and_compliance", "法令及び規制順守"},
    {"Information_security_event_management", "情報セキュリティ事象管理"},
    {"Information_security_assurance", "情報セキュリティ保証"},
    {"Governance_and_Ecosystem", "ガバナンス及びエコシステム"},
    {"Protection", "保護"},
    {"Defence", "防御"},
    {"Resilience", "レジリエンス"},
};

const char *isms_attribute_name(enum isms_attribute_kind kind, bool japanese)
{
    static const char *const names[ISMS_ATTR_KINDS][2] = {
        [ISMS_ATTR_CONTROL_TYPE] = {"Control type", "管理策タイプ"},
        [ISMS_ATTR_SECURITY_PROPERTIES] = {"Information security properties",
                                           "情報セキュリティ特性"},
        [ISMS_ATTR_CYBERSECURITY_CONCEPTS] = {"Cybersecurity concepts", "サイバーセキュリティ概念"},
        [ISMS_ATTR_OPERATIONAL_CAPABILITIES] = {"Operational capabilities", "運用能力"},
        [ISMS_ATTR_SECURITY_DOMAINS] = {"Security domains", "セキュリティドメイン"},
    };

    if (kind < 0 || kind >= ISMS_ATTR_KINDS)
        ISMS_BUG("unknown attribute kind");
    return names[kind][japanese];
}

const char *isms_attribute_values(const struct isms_control *c, enum isms_attribute_kind kind)
{
    const char *v = NULL;

    switch (kind) {
    case ISMS_ATTR_CONTROL_TYPE:
        v = c->control_type;
        break;
    case ISMS_ATTR_SECURITY_PROPERTIES:
        v = c->security_properties;
        break;
    case ISMS_ATTR_CYBERSECURITY_CONCEPTS:
        v = c->cybersecurity_concepts;
        break;
    case ISMS_ATTR_OPERATIONAL_CAPABILITIES:
        v = c->operational_capabilities;
        break;
    case ISMS_ATTR_SECURITY_DOMAINS:
        v = c->security_domains;
        break;
    case ISMS_ATTR_KINDS:
        break;
    }
    return v ? v : "";
}

static const char *japanese_tag(const char *value, size_t n)
{
    for (size_t i = 0; i < ISMS_ARRAY_SIZE(tags); i++)
        if (strlen(tags[i].value) == n && strncmp(tags[i].value, value, n) == 0)
            return tags[i].ja;
    return NULL;
}

void isms_attribute_tags(char *out, size_t size, const char *values, bool japanese)
{
    size_t used = 0;

    out[0] = '\0';
    for (const char *p = values; p && *p && used < size;) {
        size_t n = strcspn(p, ",");
        const char *ja = japanese ? japanese_tag(p, n) : NULL;
        int w = ja ? snprintf(out + used, size - used, "%s#%s", used ? " " : "", ja)
                   : snprintf(out + used, size - used, "%s#%.*s", used ? " " : "", (int)n, p);
        used += w > 0 ? (size_t)w : 0;
        p += n + (p[n] == ',');
    }
}

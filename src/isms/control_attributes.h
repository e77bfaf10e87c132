/*
 * The five ISO/IEC 27002:2022 attributes of a control, spelled as the
 * standard's hashtags: "#Preventive" in English, "#予防" as JIS Q 27002:2024
 * writes them. The catalog keeps the English values ("Preventive",
 * "Confidentiality,Integrity"); pages show the tags of the reader's language.
 */
#ifndef ISMS_ISMS_CONTROL_ATTRIBUTES_H
#define ISMS_ISMS_CONTROL_ATTRIBUTES_H

struct isms_control;

enum isms_attribute_kind {
    ISMS_ATTR_CONTROL_TYPE,
    ISMS_ATTR_SECURITY_PROPERTIES,
    ISMS_ATTR_CYBERSECURITY_CONCEPTS,
    ISMS_ATTR_OPERATIONAL_CAPABILITIES,
    ISMS_ATTR_SECURITY_DOMAINS,
    ISMS_ATTR_KINDS
};

/* The attribute's name: 管理策タイプ / Control type, ... */
const char *isms_attribute_name(enum isms_attribute_kind kind, bool japanese);

/* The catalog's comma-separated values of `kind` for control `c`. Borrowed. */
const char *isms_attribute_values(const struct isms_control *c, enum isms_attribute_kind kind);

/* `values` ("Confidentiality,Integrity") as hashtags separated by spaces
 * ("#機密性 #完全性"); a value the table lacks is kept as "#Value". */
void isms_attribute_tags(char *out, size_t size, const char *values, bool japanese);

#endif

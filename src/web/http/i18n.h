/*
 * Translations for the web UI. English is written in the code and templates
 * (the msgid); po/ja.po, embedded in the binary and parsed once at start-up,
 * maps each msgid to its Japanese text using the JIS Q 27001:2023 /
 * JIS Q 27000 terms. Japanese is the default language.
 */
#ifndef ISMS_WEB_I18N_H
#define ISMS_WEB_I18N_H

enum isms_lang {
    ISMS_LANG_JA = 0,
    ISMS_LANG_EN = 1,
};

/* Largest .po file accepted. */
#define ISMS_PO_MAX (4u << 20)

struct isms_po;

/* "ja" or "en". */
const char *isms_lang_code(enum isms_lang lang);

/* Accepts "ja", "en" and region forms ("ja-JP", "en_US"), any case.
 * ISMS_EINVALID for anything else. */
int isms_lang_parse(enum isms_lang *out, const char *code);

/* Parses gettext .po text: msgid/msgstr pairs with continuation lines and C
 * escapes. Fuzzy, untranslated and header entries are skipped; for plural
 * entries msgstr[0] is kept. ISMS_EINVALID with "po 'NAME' line N: ..." for
 * malformed text or a duplicate msgid. *out is owned: isms_po_free() it. */
int isms_po_parse(struct isms_po **out, const char *name, const char *text, size_t len);
void isms_po_free(struct isms_po *po);

/* The translation of `msgid`, or NULL. Borrowed from `po`. */
const char *isms_po_lookup(const struct isms_po *po, const char *msgid);
size_t isms_po_count(const struct isms_po *po);

/* Calls `visit` for every entry (in no particular order); stops at the first
 * non-zero return and returns it. */
typedef int (*isms_po_visit_fn)(const struct isms_po *po, void *ctx, const char *msgid,
                                const char *msgstr);
int isms_po_each(const struct isms_po *po, isms_po_visit_fn visit, void *ctx);

/* Parses the embedded po/ja.po; safe to call from several threads and more
 * than once. Fails only on a broken built-in catalog. */
int isms_i18n_load(void);

/* `msgid` in `lang`: the Japanese translation, or `msgid` itself for English
 * and for msgids ja.po lacks. Borrowed; lives for the process. */
const char *isms_i18n_text(enum isms_lang lang, const char *msgid);

/* The language of a request: the user's saved setting, else the `lang`
 * cookie, else the best Accept-Language match by q-value, else Japanese.
 * Any argument may be NULL; invalid values are ignored. */
enum isms_lang isms_i18n_choose(const char *user_setting, const char *cookie,
                                const char *accept_language);

/* The best supported language in an Accept-Language header ("en-US,en;q=0.9,
 * ja;q=0.8"): highest q wins, the earlier one on a tie; "*" means the
 * default. false when the header names none we have (or is malformed). */
bool isms_i18n_accept_language(enum isms_lang *out, const char *header);

#endif

#include "isms_setup.h"
#include "model/control_impl.h"
#include "util/error.h"
#include "util/names.h"

static const char *const status_names[] = {
    [ISMS_CONTROL_NOT_STARTED] = "not_started",
    [ISMS_CONTROL_PLANNED] = "planned",
    [ISMS_CONTROL_PARTIAL] = "partial",
    [ISMS_CONTROL_IMPLEMENTED] = "implemented",
};

static const char *const status_labels_ja[] = {
    [ISMS_CONTROL_NOT_STARTED] = "未着手",
    [ISMS_CONTROL_PLANNED] = "計画済み",
    [ISMS_CONTROL_PARTIAL] = "一部実施",
    [ISMS_CONTROL_IMPLEMENTED] = "実施済み",
};

static const char *const level_names[] = {
    [ISMS_LEVEL_BASIC] = "basic",
    [ISMS_LEVEL_STANDARD] = "standard",
    [ISMS_LEVEL_ADVANCED] = "advanced",
};

static const char *const level_labels_ja[] = {
    [ISMS_LEVEL_BASIC] = "梅",
    [ISMS_LEVEL_STANDARD] = "竹",
    [ISMS_LEVEL_ADVANCED] = "松",
};

const char *isms_control_status_name(enum isms_control_status s)
{
    if (s < ISMS_CONTROL_NOT_STARTED || s > ISMS_CONTROL_IMPLEMENTED)
        ISMS_BUG("unknown control implementation status");
    return status_names[s];
}

const char *isms_control_status_label_ja(enum isms_control_status s)
{
    isms_control_status_name(s);
    return status_labels_ja[s];
}

int isms_control_status_parse(enum isms_control_status *out, const char *text)
{
    int s = isms_names_find(status_names, ISMS_CONTROL_NOT_STARTED, ISMS_CONTROL_IMPLEMENTED, text);

    if (s < 0)
        s = isms_names_find(status_labels_ja, ISMS_CONTROL_NOT_STARTED, ISMS_CONTROL_IMPLEMENTED,
                            text);
    if (s < 0)
        return isms_error_set(ISMS_EINVALID,
                              _("status must be 'not_started', 'planned', 'partial' or "
                                "'implemented', not '%.40s'"),
                              text ? text : "");
    *out = (enum isms_control_status)s;
    return 0;
}

const char *isms_control_level_name(enum isms_control_level l)
{
    if (l == ISMS_LEVEL_NONE)
        return NULL;
    if (l < ISMS_LEVEL_BASIC || l > ISMS_LEVEL_ADVANCED)
        ISMS_BUG("unknown maturity level");
    return level_names[l];
}

const char *isms_control_level_label_ja(enum isms_control_level l)
{
    if (l == ISMS_LEVEL_NONE)
        return "";
    isms_control_level_name(l); /* stops on a value outside the enum */
    return level_labels_ja[l];
}

int isms_control_level_parse(enum isms_control_level *out, const char *text)
{
    int l = isms_names_find(level_names, ISMS_LEVEL_BASIC, ISMS_LEVEL_ADVANCED, text);

    if (l < 0)
        l = isms_names_find(level_labels_ja, ISMS_LEVEL_BASIC, ISMS_LEVEL_ADVANCED, text);
    if (l < 0)
        return isms_error_set(ISMS_EINVALID,
                              _("level must be 'basic', 'standard' or 'advanced' (梅, 竹, 松), "
                                "not '%.40s'"),
                              text ? text : "");
    *out = (enum isms_control_level)l;
    return 0;
}

void isms_control_impl_release(struct isms_control_impl *impl)
{
    free(impl->notes);
    impl->notes = NULL;
}

void isms_control_impls_free(struct isms_control_impl *impls, size_t count)
{
    if (!impls)
        return;
    for (size_t i = 0; i < count; i++)
        isms_control_impl_release(&impls[i]);
    free(impls);
}

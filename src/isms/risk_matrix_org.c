/*
 * Which risk matrices an organization has and uses. Built-in keys can never
 * name a custom matrix, so a key alone says which one is meant.
 */
#include "isms_setup.h"
#include "isms/risk_matrix.h"
#include "store/risk_matrices.h"
#include "util/error.h"

int isms_risk_matrix_find(struct isms_risk_matrix *out, struct isms_store *store, int64_t org_id,
                          const char *key)
{
    const struct isms_risk_matrix *builtin = isms_risk_matrix_builtin(key);

    if (!key || !*key)
        return isms_error_set(ISMS_EINVALID, _("risk matrix key is required"));
    if (builtin) {
        *out = *builtin;
        return 0;
    }
    if (strlen(key) > ISMS_RISK_MATRIX_KEY_MAX)
        return isms_error_set(ISMS_ENOTFOUND, "risk matrix '%.63s...' not found", key);
    return isms_store_risk_matrix_get(out, store, org_id, key);
}

int isms_risk_matrix_for_org(struct isms_risk_matrix *out, struct isms_store *store, int64_t org_id)
{
    char key[ISMS_RISK_MATRIX_KEY_MAX + 1];
    int error = isms_store_risk_matrix_choice(key, store, org_id);

    if (error == ISMS_ENOTFOUND) {
        isms_error_clear();
        *out = *isms_risk_matrix_builtin(ISMS_RISK_MATRIX_DEFAULT);
        return 0;
    }
    return error < 0 ? error : isms_risk_matrix_find(out, store, org_id, key);
}

int isms_risk_matrix_list_custom(struct isms_risk_matrix **out, size_t *count,
                                 struct isms_store *store, int64_t org_id)
{
    return isms_store_risk_matrix_list(out, count, store, org_id);
}

int isms_risk_matrix_define(struct isms_risk_matrix *out, struct isms_store *store,
                            const struct isms_actor *actor, int64_t org_id,
                            const struct isms_risk_matrix *def)
{
    struct isms_risk_matrix m = *def;
    int error;

    if ((error = isms_risk_matrix_validate(&m)) < 0)
        return error;
    if (isms_risk_matrix_builtin(m.key))
        return isms_error_set(ISMS_ECONFLICT,
                              _("'%s' is a built-in risk matrix; choose another key"), m.key);
    if (m.method != ISMS_RISK_ASSET_THREAT_VULNERABILITY)
        memset(&m.vulnerability, 0, sizeof(m.vulnerability));
    if ((error = isms_store_risk_matrix_save(store, actor, org_id, &m)) < 0)
        return error;
    return isms_store_risk_matrix_get(out, store, org_id, m.key);
}

int isms_risk_matrix_use(struct isms_risk_matrix *out, struct isms_store *store,
                         const struct isms_actor *actor, int64_t org_id, const char *key)
{
    struct isms_risk_matrix m;
    int error;

    if ((error = isms_risk_matrix_find(&m, store, org_id, key)) < 0 ||
        (error = isms_store_risk_matrix_choose(store, actor, org_id, m.key)) < 0)
        return error;
    *out = m;
    return 0;
}

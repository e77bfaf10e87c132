#include "isms_setup.h"
#include "catalog/table.h"
#include "util/embedded.h"
#include "util/error.h"

extern const struct isms_embedded_file isms_catalog_data[];

int isms_catalog_table_open(struct isms_tsv *table, const char *file, const char *const *columns,
                            size_t count, int *col)
{
    const struct isms_embedded_file *data = isms_embedded_find(isms_catalog_data, file);
    int error;

    if (!data)
        return isms_error_set(ISMS_ERROR, "built-in file '%s' is missing", file);
    if ((error = isms_tsv_parse(table, (const char *)data->data, data->size)) < 0)
        return isms_error_set(error, "%s: %s", file, isms_error_last());
    for (size_t i = 0; i < count; i++)
        if ((col[i] = isms_tsv_column(table, columns[i])) < 0)
            return isms_error_set(ISMS_ERROR, "%s lacks column '%s'", file, columns[i]);
    return 0;
}

int isms_catalog_loader_run(struct isms_catalog_loader *loader)
{
    if (!__atomic_load_n(&loader->done, __ATOMIC_ACQUIRE)) {
        pthread_mutex_lock(&loader->lock);
        if (!loader->done) {
            if ((loader->error = loader->fill()) < 0)
                snprintf(loader->message, sizeof(loader->message), "%s", isms_error_last());
            __atomic_store_n(&loader->done, true, __ATOMIC_RELEASE);
        }
        pthread_mutex_unlock(&loader->lock);
    }
    return loader->error < 0 ? isms_error_set(loader->error, "%s", loader->message) : 0;
}

#include "isms_setup.h"
#include <pthread.h>
#include "util/error.h"
#include "web/http/router.h"
#include "web/pages/pages.h"
#include "web/site.h"

#define ISMS_FEATURE(name, command)
#define ISMS_ROUTES(table) extern const struct isms_web_route table[];
#include "features.def"
#undef ISMS_ROUTES
#undef ISMS_FEATURE

static const struct isms_web_route *const tables[] = {
#define ISMS_FEATURE(name, command)
#define ISMS_ROUTES(table) table,
#include "features.def"
#undef ISMS_ROUTES
#undef ISMS_FEATURE
};

static struct isms_web_site site = {NULL, 0, isms_page_path, isms_page_error};
static pthread_once_t joined = PTHREAD_ONCE_INIT;

static size_t table_length(const struct isms_web_route *table)
{
    size_t n = 0;

    while (table[n].method)
        n++;
    return n;
}

/* One array for the router; it lives as long as the process. */
static void join_tables(void)
{
    struct isms_web_route *routes;
    size_t count = 0;

    for (size_t i = 0; i < ISMS_ARRAY_SIZE(tables); i++)
        count += table_length(tables[i]);
    if (!(routes = calloc(count, sizeof(*routes))))
        return;
    for (size_t i = 0; i < ISMS_ARRAY_SIZE(tables); i++) {
        size_t n = table_length(tables[i]);
        memcpy(routes + site.route_count, tables[i], n * sizeof(*routes));
        site.route_count += n;
    }
    site.routes = routes;
}

int isms_web_site_load(const struct isms_web_site **out)
{
    int error;

    if ((error = isms_pages_load()) < 0)
        return error;
    pthread_once(&joined, join_tables);
    if (!site.routes)
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    *out = &site;
    return 0;
}

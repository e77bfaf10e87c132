/* libFuzzer target: the template parser and renderer of the web UI. The
 * input is a template; it is rendered against a fixed context with lists,
 * objects and strings that need escaping. */
#include "isms_setup.h"
#include "util/buf.h"
#include "web/http/template.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *translate(void *ctx, const char *msgid)
{
    return strcmp(msgid, "Risk") == 0 ? "リスク" : msgid;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static json_t *context;
    struct isms_template_set *set;
    struct isms_buf out = ISMS_BUF_INIT(1u << 20);

    if (!context)
        context = json_loads("{\"name\":\"<a&b>\",\"n\":0,\"t\":true,\"f\":false,\"e\":[],"
                             "\"rows\":[{\"id\":\"A.5.1\",\"x\":{\"y\":\"'\\\"\"}},{\"id\":2}],"
                             "\"o\":{\"name\":\"inner\",\"rows\":[1,2,3]}}",
                             0, NULL);
    if (isms_template_set_new(&set) < 0)
        return 0;
    /* A partial that exists, so {{> p}} can render; the input may call itself too. */
    if (isms_template_set_add(set, "p", "[{{name}}{{> t}}]", 16) == 0 &&
        isms_template_set_add(set, "t", (const char *)data, size) == 0 &&
        isms_template_set_check(set) == 0)
        isms_template_render(&out, set, "t", context, translate, NULL);
    isms_buf_release(&out);
    isms_template_set_free(set);
    return 0;
}

#include "isms_setup.h"
#include "util/buf.h"
#include "util/error.h"

void isms_buf_init(struct isms_buf *buf, size_t max)
{
    buf->ptr = NULL;
    buf->len = 0;
    buf->cap = 0;
    buf->max = max;
}

static int grow(struct isms_buf *buf, size_t extra)
{
    size_t need, cap;
    char *p;

    if (extra > buf->max || buf->len > buf->max - extra)
        return isms_error_set(ISMS_ETOOBIG, "buffer limit of %zu bytes exceeded", buf->max);
    need = buf->len + extra + 1;
    if (need <= buf->cap)
        return 0;
    cap = buf->cap ? buf->cap : 64;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    p = realloc(buf->ptr, cap);
    if (!p)
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    buf->ptr = p;
    buf->cap = cap;
    return 0;
}

int isms_buf_put(struct isms_buf *buf, const void *data, size_t len)
{
    int error;

    if ((error = grow(buf, len)) < 0)
        return error;
    if (len)
        memcpy(buf->ptr + buf->len, data, len);
    buf->len += len;
    buf->ptr[buf->len] = '\0';
    return 0;
}

int isms_buf_puts(struct isms_buf *buf, const char *str)
{
    return isms_buf_put(buf, str, strlen(str));
}

int isms_buf_putc(struct isms_buf *buf, char c)
{
    return isms_buf_put(buf, &c, 1);
}

int isms_buf_printf(struct isms_buf *buf, const char *fmt, ...)
{
    va_list ap;
    int n, error;

    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return isms_error_set(ISMS_EINVALID, "bad format string");
    if ((error = grow(buf, (size_t)n)) < 0)
        return error;
    va_start(ap, fmt);
    vsnprintf(buf->ptr + buf->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    buf->len += (size_t)n;
    return 0;
}

const char *isms_buf_cstr(const struct isms_buf *buf)
{
    return buf->ptr ? buf->ptr : "";
}

void isms_buf_reset(struct isms_buf *buf)
{
    buf->len = 0;
    if (buf->ptr)
        buf->ptr[0] = '\0';
}

char *isms_buf_detach(struct isms_buf *buf, size_t *len_out)
{
    char *p = buf->ptr;

    if (len_out)
        *len_out = buf->len;
    if (!p)
        p = calloc(1, 1);
    buf->ptr = NULL;
    buf->len = buf->cap = 0;
    return p;
}

void isms_buf_release(struct isms_buf *buf)
{
    free(buf->ptr);
    buf->ptr = NULL;
    buf->len = buf->cap = 0;
}

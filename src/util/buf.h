/*
 * A growable byte buffer with a hard size cap (curl's dynbuf, git's strbuf).
 *
 * The content is always NUL-terminated once anything has been added, so it can
 * be used as a C string. Appending past `max` fails with ISMS_ETOOBIG and
 * leaves the buffer as it was.
 */
#ifndef ISMS_UTIL_BUF_H
#define ISMS_UTIL_BUF_H

struct isms_buf {
    char *ptr;
    size_t len;
    size_t cap;
    size_t max;
};

#define ISMS_BUF_INIT(max_bytes)                                                                   \
    {                                                                                              \
        NULL, 0, 0, (max_bytes)                                                                    \
    }

void isms_buf_init(struct isms_buf *buf, size_t max);
int isms_buf_put(struct isms_buf *buf, const void *data, size_t len);
int isms_buf_puts(struct isms_buf *buf, const char *str);
int isms_buf_putc(struct isms_buf *buf, char c);
int isms_buf_printf(struct isms_buf *buf, const char *fmt, ...) ISMS_PRINTF(2, 3);

/* The content as a C string; "" for an empty buffer. Borrowed. */
const char *isms_buf_cstr(const struct isms_buf *buf);

/* Empties the buffer but keeps its memory. */
void isms_buf_reset(struct isms_buf *buf);

/* Hands the content to the caller (free() it) and empties the buffer. */
char *isms_buf_detach(struct isms_buf *buf, size_t *len_out);

void isms_buf_release(struct isms_buf *buf);

#endif

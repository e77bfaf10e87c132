#include "isms_setup.h"
#include <openssl/evp.h>
#include <qrencode.h>
#include "export/qr_svg.h"
#include "util/buf.h"
#include "util/error.h"

#define QUIET_ZONE 4

static int path_of(struct isms_buf *out, const QRcode *qr)
{
    char move[48];
    int error = 0;

    for (int y = 0; error == 0 && y < qr->width; y++)
        for (int x = 0; error == 0 && x < qr->width; x++)
            if (qr->data[y * qr->width + x] & 1) {
                snprintf(move, sizeof(move), "M%d %dh1v1h-1z", x + QUIET_ZONE, y + QUIET_ZONE);
                error = isms_buf_puts(out, move);
            }
    return error;
}

int isms_qr_svg(struct isms_buf *out, const char *text)
{
    QRcode *qr = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    char head[256];
    int size, error;

    if (!qr)
        return isms_error_set(errno == ENOMEM ? ISMS_ENOMEM : ISMS_EINVALID,
                              "the text does not fit a QR code");
    size = qr->width + 2 * QUIET_ZONE;
    snprintf(head, sizeof(head),
             "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
             "shape-rendering=\"crispEdges\"><rect width=\"%d\" height=\"%d\" fill=\"#fff\"/>"
             "<path fill=\"#000\" d=\"",
             size, size, size, size);
    if ((error = isms_buf_puts(out, head)) == 0 && (error = path_of(out, qr)) == 0)
        error = isms_buf_puts(out, "\"/></svg>");
    QRcode_free(qr);
    return error;
}

int isms_qr_svg_data_uri(struct isms_buf *out, const char *text)
{
    struct isms_buf svg = ISMS_BUF_INIT(1u << 20);
    unsigned char *encoded = NULL;
    int error, n;

    if ((error = isms_qr_svg(&svg, text)) < 0)
        goto done;
    if (!(encoded = malloc(4 * (svg.len / 3 + 1) + 1))) {
        error = isms_error_set(ISMS_ENOMEM, "out of memory");
        goto done;
    }
    n = EVP_EncodeBlock(encoded, (const unsigned char *)svg.ptr, (int)svg.len);
    if ((error = isms_buf_puts(out, "data:image/svg+xml;base64,")) == 0)
        error = isms_buf_put(out, (const char *)encoded, (size_t)n);
done:
    free(encoded);
    isms_buf_release(&svg);
    return error;
}

/*
 * A QR code as an SVG image, for the TOTP enrolment URI an authenticator
 * app scans (libqrencode makes the symbol).
 */
#ifndef ISMS_EXPORT_QR_SVG_H
#define ISMS_EXPORT_QR_SVG_H

struct isms_buf;

/* Appends the SVG of `text` (error correction level M, a 4-module quiet
 * zone, one path of black modules) to `out`. ISMS_EINVALID when the text
 * does not fit a QR code. */
int isms_qr_svg(struct isms_buf *out, const char *text);

/* The same as a "data:image/svg+xml;base64,..." URI for an <img src>: the
 * page's Content-Security-Policy allows data: images, not inline SVG styling. */
int isms_qr_svg_data_uri(struct isms_buf *out, const char *text);

#endif

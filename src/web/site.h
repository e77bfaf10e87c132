/*
 * The site `isms serve` serves: the route tables of every feature listed in
 * src/features.def joined into one, and the HTML error pages of web/pages.
 */
#ifndef ISMS_WEB_SITE_H
#define ISMS_WEB_SITE_H

struct isms_web_site;

/* Parses the built-in templates and translations and joins the route
 * tables, once per process; *out is valid until exit. A broken template
 * fails here, at start-up, not on a page view. */
int isms_web_site_load(const struct isms_web_site **out);

#endif

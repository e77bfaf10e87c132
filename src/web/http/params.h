/*
 * The values a route's "{name}" placeholders took from the path
 * ("/api/orgs/{org}/soa/{control}": org and control), filled by the router.
 */
#ifndef ISMS_WEB_PARAMS_H
#define ISMS_WEB_PARAMS_H

/* Longest path the router takes apart; longer ones match no route. */
#define ISMS_WEB_PATH_MAX 1024
#define ISMS_WEB_PARAMS_MAX 4

struct isms_web_param {
    const char *name; /* points into the pattern, not NUL-terminated */
    size_t name_len;
    const char *value; /* NUL-terminated, in the params' storage */
};

struct isms_web_params {
    struct isms_web_param items[ISMS_WEB_PARAMS_MAX];
    size_t count;
    char storage[ISMS_WEB_PATH_MAX + 1];
};

/* The value of path parameter `name`, or NULL. Borrowed from `params`. */
const char *isms_web_params_get(const struct isms_web_params *params, const char *name);

#endif

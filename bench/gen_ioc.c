/*
 * Data for bench/ioc.sh: an indicator list and a combined-format access log
 * with planted hits and near-miss traps.
 *
 *   gen_ioc LIST LOG MEGABYTES [IPV4 DOMAINS HASHES]
 *
 * LIST holds IPV4 addresses (default 120000), DOMAINS domains (190000) and
 * HASHES SHA-256 hashes (25000), one a line. LOG is MEGABYTES of access log
 * lines; about one line in 1000 carries a listed address or domain, about
 * one in 100 a trap: a listed address inside a longer one (1.2.3.4 in
 * 11.2.3.45), a listed domain inside a longer name (x.co in yandex.com).
 * Deterministic (a fixed seed), so runs compare.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t state = 0x9e3779b97f4a7c15u;

static uint32_t next(void)
{
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return (uint32_t)(state >> 16);
}

static void domain(char *out, size_t size, uint32_t n)
{
    static const char *const tlds[] = {"com", "net", "org", "jp", "example", "io"};
    snprintf(out, size, "h%" PRIu32 "x%u.%s", n, (unsigned)(n % 97), tlds[n % 6]);
}

int main(int argc, char **argv)
{
    FILE *list, *log;
    long megabytes;
    uint32_t v4, domains, hashes;
    uint64_t bytes = 0, lines = 0;

    if (argc != 4 && argc != 7) {
        fprintf(stderr, "usage: gen_ioc LIST LOG MEGABYTES [IPV4 DOMAINS HASHES]\n");
        return 2;
    }
    megabytes = strtol(argv[3], NULL, 10);
    v4 = argc == 7 ? (uint32_t)strtoul(argv[4], NULL, 10) : 120000;
    domains = argc == 7 ? (uint32_t)strtoul(argv[5], NULL, 10) : 190000;
    hashes = argc == 7 ? (uint32_t)strtoul(argv[6], NULL, 10) : 25000;
    if (!(list = fopen(argv[1], "w")) || !(log = fopen(argv[2], "w"))) {
        perror("gen_ioc");
        return 1;
    }
    /* Listed addresses are 1.x.y.z; listed domains h<n>x<k>.<tld> with n < DOMAINS. */
    for (uint32_t i = 0; i < v4; i++)
        fprintf(list, "1.%u.%u.%u\n", (i >> 16) & 255, (i >> 8) & 255, i & 255);
    for (uint32_t i = 0; i < domains; i++) {
        char d[64];
        domain(d, sizeof(d), i);
        fprintf(list, "%s\n", d);
    }
    for (uint32_t i = 0; i < hashes; i++) {
        for (int k = 0; k < 8; k++)
            fprintf(list, "%08" PRIx32, next());
        fputc('\n', list);
    }
    while (bytes < (uint64_t)megabytes << 20) {
        uint32_t r = next(), pick = next();
        char host[64], ip[32];
        int n;
        if (r % 1000 == 0)
            snprintf(ip, sizeof(ip), "1.%u.%u.%u", (pick % v4 >> 16) & 255, (pick % v4 >> 8) & 255,
                     pick % v4 & 255);
        else if (r % 100 == 1) /* trap: a listed address inside a longer one */
            snprintf(ip, sizeof(ip), "11.%u.%u.%u5", (pick >> 16) & 255, (pick >> 8) & 255,
                     pick & 25);
        else
            snprintf(ip, sizeof(ip), "%u.%u.%u.%u", 100 + r % 100, (r >> 8) & 255, pick & 255,
                     (pick >> 8) & 255);
        if (r % 1000 == 7)
            domain(host, sizeof(host), pick % domains);
        else if (r % 100 == 3) /* trap: a listed name inside a longer one */
            snprintf(host, sizeof(host), "www.yah%" PRIu32 "x%u.com", pick % domains,
                     (unsigned)(pick % domains % 97));
        else
            snprintf(host, sizeof(host), "www.site%u.example.org", r % 5000);
        n = fprintf(log,
                    "%s - - [03/Dec/2026:10:%02u:%02u +0900] \"GET /index.php?id=%u HTTP/1.1\" "
                    "200 %u \"https://%s/ref\" \"Mozilla/5.0 (X11; Linux x86_64) "
                    "AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0 Safari/537.36\"\n",
                    ip, r % 60, pick % 60, pick % 100000, 200 + r % 5000, host);
        bytes += (uint64_t)n;
        lines++;
    }
    fclose(list);
    fclose(log);
    fprintf(stderr,
            "gen_ioc: %" PRIu32 " + %" PRIu32 " + %" PRIu32 " indicators, %" PRIu64
            " lines, %" PRIu64 " bytes\n",
            v4, domains, hashes, lines, bytes);
    return 0;
}

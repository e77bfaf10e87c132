/* `isms dlp scan`: files and directories searched for personal and
 * confidential data (engines/dlp/, 8.12); no database needed. */
#include "isms_setup.h"
#include <dirent.h>
#include <getopt.h>
#include <jansson.h>
#include <sys/stat.h>
#include "cli/cli.h"
#include "engines/dlp/dlp.h"
#include "util/buf.h"
#include "util/error.h"

static const char dlp_help[] =
    "usage: isms dlp scan [--json] [--keywords FILE] [--min-confidence low|medium|high]\n"
    "                     PATH...\n\n"
    "Searches text and CSV files (a directory: every file under it, in name order;\n"
    "'-': standard input) for payment card numbers (Luhn, issuer ranges), My Numbers\n"
    "(個人番号) and corporate numbers (法人番号) by their check digits, e-mail\n"
    "addresses, Japanese phone numbers and keywords. A word near a match (カード番号,\n"
    "マイナンバー, 法人番号, 電話...) raises its score; findings below the confidence\n"
    "asked for are not shown. Values are shown masked (************1111), never in\n"
    "full. Files holding NUL bytes (binaries, Office files) are skipped and counted.\n"
    "Exits 1 when anything was found, 0 when nothing was.\n\n"
    "  --json             one JSON object a finding (JSON Lines): file, line, column,\n"
    "                     detector, masked, score, confidence, context, issuer\n"
    "  --keywords FILE    the keywords, one a line (default: 社外秘, 関係者外秘, 極秘,\n"
    "                     confidential; ASCII case ignored)\n"
    "  --min-confidence C the lowest confidence shown (default: medium)\n";

#define KEYWORDS_MAX 256
#define BINARY_PROBE 8192 /* bytes looked at for a NUL */

struct dlp_run {
    struct isms_dlp_options options;
    const char *file;
    bool json;
    size_t files, skipped;
    struct isms_dlp_stats stats;
};

static int print_finding(const struct isms_dlp_finding *f, void *ctx)
{
    const struct dlp_run *r = ctx;
    json_t *o;

    if (!r->json) {
        printf("%s:%zu:%zu: %s %s (%s, %d)\n", r->file, f->line, f->column,
               isms_dlp_detector_name(f->detector), f->masked,
               isms_dlp_confidence_name(f->confidence), f->score);
        return 0;
    }
    o = json_pack("{s:s, s:I, s:I, s:s, s:s, s:i, s:s, s:b}", "file", r->file, "line",
                  (json_int_t)f->line, "column", (json_int_t)f->column, "detector",
                  isms_dlp_detector_name(f->detector), "masked", f->masked, "score", f->score,
                  "confidence", isms_dlp_confidence_name(f->confidence), "context", f->context);
    if (!o)
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    if (f->issuer)
        json_object_set_new(o, "issuer", json_string(f->issuer));
    isms_cli_print_json_line(o);
    return 0;
}

/* Office files and other binaries hold NUL bytes early; text does not. */
static bool looks_binary(FILE *in)
{
    char probe[BINARY_PROBE];
    size_t n = fread(probe, 1, sizeof(probe), in);

    rewind(in);
    return memchr(probe, '\0', n) != NULL;
}

static int scan_file(struct dlp_run *r, const char *path)
{
    FILE *in = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    int status = 0;

    if (!in)
        return isms_error_set(ISMS_EINVALID, "cannot open '%s': %s", path, strerror(errno));
    r->file = path;
    if (in != stdin && looks_binary(in)) {
        r->skipped++;
    } else {
        r->files++;
        status = isms_dlp_scan_stream(in, path, &r->options, print_finding, r, &r->stats);
    }
    if (in != stdin)
        fclose(in);
    return status;
}

static int scan_path(struct dlp_run *r, const char *path);

static int scan_directory(struct dlp_run *r, const char *path)
{
    struct dirent **names;
    int n = scandir(path, &names, NULL, alphasort), status = 0;

    if (n < 0)
        return isms_error_set(ISMS_EINVALID, "cannot read '%s': %s", path, strerror(errno));
    for (int i = 0; i < n; i++) {
        const char *name = names[i]->d_name;
        char child[4096];
        if (!status && strcmp(name, ".") != 0 && strcmp(name, "..") != 0) {
            if ((size_t)snprintf(child, sizeof(child), "%s/%s", path, name) >= sizeof(child))
                status = isms_error_set(ISMS_EINVALID, "path too long under '%s'", path);
            else
                status = scan_path(r, child);
        }
        free(names[i]);
    }
    free(names);
    return status;
}

static int scan_path(struct dlp_run *r, const char *path)
{
    struct stat st;

    if (strcmp(path, "-") == 0)
        return scan_file(r, path);
    if (lstat(path, &st) != 0)
        return isms_error_set(ISMS_EINVALID, "cannot open '%s': %s", path, strerror(errno));
    if (S_ISDIR(st.st_mode))
        return scan_directory(r, path);
    return S_ISREG(st.st_mode) ? scan_file(r, path) : 0; /* links, devices: not followed */
}

#define KEYWORDS_FILE_MAX (1u << 20)

/* The keywords of FILE, one a line ('#' starts a comment), kept in `text`. */
static int load_keywords(struct isms_buf *text, const char *keywords[KEYWORDS_MAX], size_t *count,
                         const char *path)
{
    char *line, *save = NULL;
    int error;

    isms_buf_init(text, KEYWORDS_FILE_MAX);
    if ((error = isms_cli_read_input(text, path)) < 0 || (error = isms_buf_putc(text, '\0')) < 0)
        return isms_cli_fail(error);
    *count = 0;
    for (line = strtok_r(text->ptr, "\r\n", &save); line; line = strtok_r(NULL, "\r\n", &save)) {
        if (!*line || *line == '#')
            continue;
        if (*count == KEYWORDS_MAX)
            return isms_cli_usage_error("dlp", "'%s' has more than %d keywords", path,
                                        KEYWORDS_MAX);
        keywords[(*count)++] = line;
    }
    return 0;
}

static int parse(int argc, char **argv, bool *json, const char **keywords, const char **min)
{
    const struct isms_cli_option options[] = {
        ISMS_CLI_FLAG("json", json),
        ISMS_CLI_TEXT("keywords", keywords),
        ISMS_CLI_TEXT("min-confidence", min),
        {NULL, NULL, NULL},
    };

    return isms_cli_parse_options("dlp", options, argc, argv);
}

/* Prints the counts on stderr and returns how many findings there were. */
static size_t print_totals(const struct dlp_run *r)
{
    size_t total = 0;

    fprintf(stderr, "isms: %zu files (%zu skipped), %zu lines, %zu bytes:", r->files, r->skipped,
            r->stats.lines, r->stats.bytes);
    for (int d = 0; d < ISMS_DLP_DETECTORS; d++) {
        total += r->stats.findings[d];
        if (r->stats.findings[d])
            fprintf(stderr, " %s %zu", isms_dlp_detector_name(d), r->stats.findings[d]);
    }
    fprintf(stderr, total ? " (%zu findings)\n" : " no findings\n", total);
    return total;
}

static int run_dlp(int argc, char **argv)
{
    static const char *const verbs[] = {"scan", NULL};
    const char *keywords[KEYWORDS_MAX], *keywords_file = NULL, *min = "medium";
    struct dlp_run r = {
        {isms_dlp_default_keywords, isms_dlp_default_keyword_count, ISMS_DLP_MEDIUM},
        NULL,
        false,
        0,
        0,
        {0}};
    struct isms_buf text = {0};
    int status = isms_cli_check_verb(argc, argv, "dlp", dlp_help, "'dlp' needs scan", verbs);

    if (status != ISMS_CLI_GO_ON ||
        (status = parse(argc - 1, argv + 1, &r.json, &keywords_file, &min)) != 0)
        return status;
    if (!isms_dlp_confidence_parse(&r.options.min_confidence, min))
        return isms_cli_usage_error("dlp", "--min-confidence is low, medium or high, not '%s'",
                                    min);
    if (optind >= argc - 1)
        return isms_cli_usage_error("dlp", "'dlp scan' needs a file or directory");
    if (keywords_file) {
        if ((status = load_keywords(&text, keywords, &r.options.keyword_count, keywords_file)))
            goto done;
        r.options.keywords = keywords;
    }
    for (int i = optind + 1; i < argc && !status; i++)
        status = scan_path(&r, argv[i]);
    status = status ? isms_cli_fail(status) : print_totals(&r) ? 1 : 0;
done:
    isms_buf_release(&text);
    return status;
}

const struct isms_cli_command isms_cli_dlp_command = {
    "dlp", run_dlp, "search files for card numbers, My Numbers and other personal data (8.12)"};

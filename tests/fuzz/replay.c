/*
 * A libFuzzer-compatible driver for builds without clang: feeds a fuzz
 * target every file of its corpus, then seeded mutations of them. It keeps
 * each target compiling and exercised by every test run (and under ASan in
 * the sanitizer build); real fuzzing still uses -DISMS_FUZZ=ON with clang.
 *
 *   replay_<target> [CORPUS_DIR]
 */
#include "isms_setup.h"
#include <dirent.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MUTATIONS_PER_INPUT 2000
#define INPUT_MAX (64u << 10)

/* xorshift64: reproducible across runs, so a failure can be replayed. */
static uint64_t next_random(uint64_t *state)
{
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    return *state;
}

/* Flips, overwrites, inserts or truncates a few bytes of `buf`. */
static size_t mutate(uint8_t *buf, size_t len, size_t cap, uint64_t *rng)
{
    static const uint8_t interesting[] = {0,   '\t', '\n', '\r', '"',  ',',  '{', '}', '[',
                                          ']', '\\', 0x80, 0xc3, 0xe3, 0xff, '=', '+', '@'};
    int edits = 1 + (int)(next_random(rng) % 4);

    for (int i = 0; i < edits; i++) {
        size_t at = len ? (size_t)(next_random(rng) % len) : 0;
        uint8_t byte = interesting[next_random(rng) % sizeof(interesting)];

        switch (next_random(rng) % 4) {
        case 0:
            if (len)
                buf[at] ^= (uint8_t)(1u << (next_random(rng) % 8));
            break;
        case 1:
            if (len)
                buf[at] = byte;
            break;
        case 2:
            if (len < cap) {
                memmove(buf + at + 1, buf + at, len - at);
                buf[at] = byte;
                len++;
            }
            break;
        default:
            len = at;
            break;
        }
    }
    return len;
}

static void run_with_mutations(const uint8_t *input, size_t len, uint64_t *rng)
{
    static uint8_t buf[INPUT_MAX];
    uint8_t *exact = malloc(len ? len : 1);

    /* An exact-size copy, so ASan catches reads one past the end. */
    if (!exact)
        abort();
    memcpy(exact, input, len);
    LLVMFuzzerTestOneInput(exact, len);
    free(exact);
    for (int i = 0; i < MUTATIONS_PER_INPUT; i++) {
        size_t n = len;
        memcpy(buf, input, len);
        n = mutate(buf, n, sizeof(buf), rng);
        exact = malloc(n ? n : 1);
        if (!exact)
            abort();
        memcpy(exact, buf, n);
        LLVMFuzzerTestOneInput(exact, n);
        free(exact);
    }
}

static size_t read_file(uint8_t *buf, size_t cap, const char *path)
{
    FILE *f = fopen(path, "rb");
    size_t n = 0;

    if (f) {
        n = fread(buf, 1, cap, f);
        fclose(f);
    }
    return n;
}

int main(int argc, char **argv)
{
    static uint8_t input[INPUT_MAX];
    uint64_t rng = 0x9e3779b97f4a7c15u;
    size_t files = 0;
    DIR *dir = argc > 1 ? opendir(argv[1]) : NULL;
    struct dirent *entry;

    run_with_mutations((const uint8_t *)"", 0, &rng);
    while (dir && (entry = readdir(dir))) {
        char path[4096];
        if (entry->d_name[0] == '.')
            continue;
        snprintf(path, sizeof(path), "%s/%s", argv[1], entry->d_name);
        run_with_mutations(input, read_file(input, sizeof(input), path), &rng);
        files++;
    }
    if (dir)
        closedir(dir);
    printf("replayed %zu corpus files with %d mutations each\n", files, MUTATIONS_PER_INPUT);
    return 0;
}

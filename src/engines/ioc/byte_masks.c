#include "isms_setup.h"
#include <pthread.h>
#include "engines/ioc/byte_masks.h"
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define HAVE_AVX2_PATH 1
#endif

static uint8_t classes[256]; /* bit n: class n */

static void init_table(void)
{
    for (int c = 0; c < 256; c++) {
        bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        bool digit = c >= '0' && c <= '9';
        bool hex = digit || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        bool dot = c == '.', colon = c == ':', at = c == '@';
        bool run = alpha || digit || dot || colon || at || c == '-' || c == '_' || c == '+' ||
                   c == '%';
        classes[c] = (uint8_t)(run << ISMS_BYTE_RUN | hex << ISMS_BYTE_HEX |
                               alpha << ISMS_BYTE_ALPHA | dot << ISMS_BYTE_DOT |
                               colon << ISMS_BYTE_COLON | at << ISMS_BYTE_AT);
    }
}

static void masks_by_table(struct isms_byte_masks *out, const unsigned char *p)
{
    memset(out, 0, sizeof(*out));
    for (unsigned i = 0; i < 64; i++) {
        uint8_t k = classes[p[i]];
        for (int c = 0; k && c < ISMS_BYTE_CLASSES; c++)
            out->m[c] |= (uint64_t)(k >> c & 1) << i;
    }
}

#ifdef HAVE_AVX2_PATH
__attribute__((target("avx2"))) static uint32_t in_range(__m256i x, int lo, int span)
{
    __m256i d = _mm256_sub_epi8(x, _mm256_set1_epi8((char)lo));

    return (uint32_t)_mm256_movemask_epi8(
        _mm256_cmpeq_epi8(_mm256_min_epu8(d, _mm256_set1_epi8((char)span)), d));
}

__attribute__((target("avx2"))) static uint32_t equal(__m256i x, char c)
{
    return (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(x, _mm256_set1_epi8(c)));
}

__attribute__((target("avx2"))) static void masks_avx2(struct isms_byte_masks *out,
                                                       const unsigned char *p)
{
    for (int half = 0; half < 2; half++) {
        __m256i c = _mm256_loadu_si256((const __m256i *)(const void *)(p + 32 * half));
        __m256i lower = _mm256_or_si256(c, _mm256_set1_epi8(0x20));
        uint32_t alpha = in_range(lower, 'a', 25), digit = in_range(c, '0', 9);
        uint32_t hex_letter = in_range(lower, 'a', 5);
        uint32_t dot = equal(c, '.'), colon = equal(c, ':'), at = equal(c, '@');
        uint32_t other = equal(c, '-') | equal(c, '_') | equal(c, '+') | equal(c, '%');
        uint32_t run = alpha | digit | dot | colon | at | other;
        const uint32_t bits[ISMS_BYTE_CLASSES] = {run, digit | hex_letter, alpha, dot, colon, at};
        for (int k = 0; k < ISMS_BYTE_CLASSES; k++)
            out->m[k] = half ? out->m[k] | (uint64_t)bits[k] << 32 : bits[k];
    }
}
#endif

static void (*masks_of)(struct isms_byte_masks *, const unsigned char *) = masks_by_table;

static void choose(void)
{
    init_table();
#ifdef HAVE_AVX2_PATH
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx2"))
        masks_of = masks_avx2;
#endif
}

void isms_byte_masks_line(struct isms_byte_masks *out, const char *line, size_t len)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    unsigned char tail[64];
    size_t whole = len / 64;

    pthread_once(&once, choose);
    for (size_t b = 0; b < whole; b++)
        masks_of(&out[b], (const unsigned char *)line + 64 * b);
    if (len % 64) {
        /* The end of the line: a zero is in no class. */
        memset(tail, 0, sizeof(tail));
        memcpy(tail, line + 64 * whole, len % 64);
        masks_of(&out[whole], tail);
    }
}

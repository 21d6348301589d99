/*
 * test_arena.c — core/arena.c (the per-article bump allocator) and
 * core/buf.c (the owning buffer, and its JSON string escaping, which every
 * output line goes through).
 */
#include "testutil.h"

#include "arena.h"
#include "buf.h"

#define ALIGNOF_MAX (_Alignof(max_align_t))

/* ---- arena ---- */

static void test_arena_alloc_aligned_and_distinct(void **state)
{
    (void)state;
    arena a;
    arena_init(&a, 256);
    char *prev = NULL;
    for (size_t n = 1; n < 200; n += 7) {
        char *p = arena_alloc(&a, n);
        assert_non_null(p);
        assert_int_equal((uintptr_t)p % ALIGNOF_MAX, 0);
        memset(p, 0xAB, n); /* ASan checks the whole span is ours */
        assert_ptr_not_equal(p, prev);
        prev = p;
    }
    /* Zero bytes still gives a distinct, usable pointer. */
    char *z1 = arena_alloc(&a, 0), *z2 = arena_alloc(&a, 0);
    assert_non_null(z1);
    assert_non_null(z2);
    assert_ptr_not_equal(z1, z2);
    arena_free(&a);
    assert_null(a.head);
    assert_int_equal(a.used_total, 0);
}

static void test_arena_objects_do_not_overlap(void **state)
{
    (void)state;
    arena a;
    arena_init(&a, 128);
    enum { N = 64 };
    unsigned char *p[N];
    for (int i = 0; i < N; i++) {
        p[i] = arena_alloc(&a, 40);
        assert_non_null(p[i]);
        memset(p[i], i, 40);
    }
    for (int i = 0; i < N; i++)
        for (int j = 0; j < 40; j++)
            assert_int_equal(p[i][j], i);
    arena_free(&a);
}

static void test_arena_big_allocation(void **state)
{
    (void)state;
    arena a;
    arena_init(&a, 64);
    /* Bigger than a block: gets a block of its own. */
    char *big = arena_alloc(&a, 10000);
    assert_non_null(big);
    memset(big, 'x', 10000);
    char *small = arena_alloc(&a, 8);
    assert_non_null(small);
    memset(small, 'y', 8);
    assert_int_equal(big[9999], 'x');
    assert_true(a.used_total >= 10008);
    /* Absurd sizes fail cleanly instead of wrapping. */
    assert_null(arena_alloc(&a, SIZE_MAX));
    assert_null(arena_alloc(&a, SIZE_MAX - 8));
    arena_free(&a);
}

static void test_arena_zalloc_and_strndup(void **state)
{
    (void)state;
    arena a;
    arena_init(&a, 0); /* default block size */
    assert_true(a.block_size > 0);
    unsigned char *dirty = arena_alloc(&a, 64);
    memset(dirty, 0xFF, 64);
    arena_reset(&a);
    unsigned char *z = arena_zalloc(&a, 64);
    assert_non_null(z);
    for (int i = 0; i < 64; i++)
        assert_int_equal(z[i], 0);
    char *s = arena_strndup(&a, "Tombouctou, Gao", 10);
    assert_string_equal(s, "Tombouctou");
    char *e = arena_strndup(&a, NULL, 0);
    assert_non_null(e);
    assert_string_equal(e, "");
    arena_free(&a);
}

static void test_arena_realloc_grows_in_place_when_last(void **state)
{
    (void)state;
    arena a;
    arena_init(&a, 4096);
    int *v = arena_alloc(&a, 4 * sizeof(int));
    for (int i = 0; i < 4; i++)
        v[i] = i * 11;
    int *w = arena_realloc(&a, v, 4 * sizeof(int), 64 * sizeof(int));
    assert_ptr_equal(v, w); /* the block's last object: grown in place */
    for (int i = 0; i < 4; i++)
        assert_int_equal(w[i], i * 11);
    w[63] = 7;

    /* Not the last object any more: copied. */
    char *other = arena_alloc(&a, 16);
    assert_non_null(other);
    int *x = arena_realloc(&a, w, 64 * sizeof(int), 128 * sizeof(int));
    assert_non_null(x);
    assert_ptr_not_equal(x, w);
    assert_int_equal(x[0], 0);
    assert_int_equal(x[3], 33);
    assert_int_equal(x[63], 7);

    /* Growing past the block: copied into a new block. */
    int *y = arena_realloc(&a, x, 128 * sizeof(int), 4096 * sizeof(int));
    assert_non_null(y);
    assert_int_equal(y[3], 33);
    assert_int_equal(y[63], 7);
    y[4095] = 1;

    /* NULL is a plain allocation. */
    char *n = arena_realloc(&a, NULL, 0, 10);
    assert_non_null(n);
    memset(n, 0, 10);
    arena_free(&a);
}

static void test_arena_reset_keeps_largest_block(void **state)
{
    (void)state;
    arena a;
    arena_init(&a, 128);
    for (int i = 0; i < 20; i++)
        assert_non_null(arena_alloc(&a, 100));
    char *huge = arena_alloc(&a, 50000);
    assert_non_null(huge);
    for (int i = 0; i < 20; i++)
        assert_non_null(arena_alloc(&a, 100));
    arena_reset(&a);
    assert_int_equal(a.used_total, 0);
    assert_non_null(a.head); /* one block kept for the next article */
    /* The kept block is the big one: 300 small objects (each rounded up
     * to at most 128 bytes) fit without a new block, so they all come
     * from one contiguous range, in order. */
    char *first = arena_alloc(&a, 100);
    char *last = first;
    for (int i = 0; i < 299; i++) {
        char *p = arena_alloc(&a, 100);
        assert_true(p > last);
        last = p;
    }
    assert_true(last > first);
    assert_true((size_t)(last - first) < 50000);
    /* Reset twice in a row is harmless, and so is free after reset. */
    arena_reset(&a);
    arena_reset(&a);
    arena_free(&a);
    arena_free(&a);
}

static void test_arena_new_macro(void **state)
{
    (void)state;
    arena a;
    arena_init(&a, 1024);
    typedef struct {
        double d;
        int i;
    } pair;
    pair *p = ARENA_NEW(&a, pair, 10);
    assert_non_null(p);
    assert_int_equal((uintptr_t)p % _Alignof(pair), 0);
    p[9].d = 2.5;
    p[9].i = 3;
    assert_true(p[9].d == 2.5);
    arena_free(&a);
}

/* ---- buf ---- */

static void test_buf_put_and_printf(void **state)
{
    (void)state;
    buf b = BUF_INIT;
    buf_puts(&b, "Gao");
    buf_putc(&b, ',');
    buf_put(&b, " Kidal et Ménaka", 6);
    assert_string_equal(buf_cstr(&b), "Gao, Kidal");
    assert_int_equal(b.len, 10);
    buf_printf(&b, " %d morts, %s", 12, "3 blessés");
    assert_string_equal(b.ptr, "Gao, Kidal 12 morts, 3 blessés");
    buf_put(&b, "", 0);
    assert_int_equal(b.len, strlen("Gao, Kidal 12 morts, 3 blessés"));
    buf_clear(&b);
    assert_int_equal(b.len, 0);
    assert_string_equal(buf_cstr(&b), "");
    buf_printf(&b, "%s", "");
    assert_string_equal(buf_cstr(&b), "");
    buf_free(&b);
    assert_null(b.ptr);
    assert_int_equal(b.cap, 0);
}

static void test_buf_grows(void **state)
{
    (void)state;
    buf b = BUF_INIT;
    for (int i = 0; i < 5000; i++)
        buf_printf(&b, "%04d;", i % 10000);
    assert_int_equal(b.len, 5000 * 5);
    assert_false(b.oom);
    assert_memory_equal(b.ptr, "0000;0001;", 10);
    assert_memory_equal(b.ptr + b.len - 5, "4999;", 5);
    assert_int_equal(b.ptr[b.len], '\0');
    /* A single append much larger than the capacity. */
    char big[100000];
    memset(big, 'z', sizeof big);
    buf_put(&b, big, sizeof big);
    assert_int_equal(b.len, 5000 * 5 + sizeof big);
    assert_int_equal(b.ptr[b.len - 1], 'z');
    assert_int_equal(b.ptr[b.len], '\0');
    assert_true(b.cap > b.len);
    buf_free(&b);
}

/* buf_cstr() of a buffer that never held anything is "", a real string
 * in the buffer's own memory (buf.h: NUL-terminated after buf_cstr()). */
static void test_buf_cstr_of_empty_buffer_is_writable_later(void **state)
{
    (void)state;
    /* Leave freed, dirty blocks of buf's first size around, so that the
     * allocation below is unlikely to come back zeroed by chance. */
    for (int i = 0; i < 4; i++) {
        char *junk = malloc(256);
        assert_non_null(junk);
        memset(junk, 'Z', 256);
        free(junk);
    }
    buf b = BUF_INIT;
    const char *s = buf_cstr(&b);
    assert_non_null(s);
    char first = s[0];
    buf_puts(&b, "x");
    int x_ok = strcmp(buf_cstr(&b), "x") == 0;
    buf_free(&b); /* before asserting: no leak report on failure */
    assert_int_equal(first, '\0');
    assert_true(x_ok);
}

/* buf_json_str of a C string, as a NUL-terminated result. */
static const char *json_of(buf *b, const char *s, size_t n)
{
    buf_clear(b);
    buf_json_str(b, s, n);
    return buf_cstr(b);
}

static void test_buf_json_str_quotes_and_backslashes(void **state)
{
    (void)state;
    buf b = BUF_INIT;
    assert_string_equal(json_of(&b, "", 0), "\"\"");
    assert_string_equal(json_of(&b, "FAMa", 4), "\"FAMa\"");
    const char *q = "il a dit \"non\"";
    assert_string_equal(json_of(&b, q, strlen(q)), "\"il a dit \\\"non\\\"\"");
    const char *bs = "C:\\data\\x";
    assert_string_equal(json_of(&b, bs, strlen(bs)), "\"C:\\\\data\\\\x\"");
    /* Slash needs no escape. */
    assert_string_equal(json_of(&b, "a/b", 3), "\"a/b\"");
    /* Only the first n bytes. */
    assert_string_equal(json_of(&b, "abcdef", 3), "\"abc\"");
    buf_free(&b);
}

static void test_buf_json_str_control_chars(void **state)
{
    (void)state;
    buf b = BUF_INIT;
    const char in[] = "a\nb\rc\td\001e\037f\177";
    assert_string_equal(json_of(&b, in, sizeof in - 1),
                        "\"a\\nb\\rc\\td\\u0001e\\u001ff\x7f\"");
    /* \b and \f use the \u form: still valid JSON. */
    assert_string_equal(json_of(&b, "\b\f", 2), "\"\\u0008\\u000c\"");
    /* An embedded NUL is escaped, not a terminator. */
    const char nul[] = {'x', '\0', 'y'};
    assert_string_equal(json_of(&b, nul, 3), "\"x\\u0000y\"");
    /* Every control character, each escaped. */
    char all[32];
    for (int i = 0; i < 32; i++)
        all[i] = (char)i;
    const char *o = json_of(&b, all, 32);
    for (const char *p = o; *p; p++)
        assert_true((unsigned char)*p >= 0x20);
    buf_free(&b);
}

static void test_buf_json_str_utf8_passthrough(void **state)
{
    (void)state;
    buf b = BUF_INIT;
    const char *s = "Forces Armées Maliennes — « FAMa » ’ 😀 \xEF\xBF\xBD";
    buf_json_str(&b, s, strlen(s));
    assert_int_equal(b.len, strlen(s) + 2);
    assert_memory_equal(b.ptr + 1, s, strlen(s));
    /* Even invalid bytes pass as they are: the text is cleaned before. */
    assert_string_equal(json_of(&b, "\xC3\xA9\xFF", 3), "\"\xC3\xA9\xFF\"");
    buf_free(&b);
}

static void test_buf_json_str_appends(void **state)
{
    (void)state;
    buf b = BUF_INIT;
    buf_puts(&b, "{\"k\":");
    buf_json_str(&b, "v\"", 2);
    buf_putc(&b, '}');
    assert_string_equal(b.ptr, "{\"k\":\"v\\\"\"}");
    /* A long string of escapes: the worst case of six bytes a byte. */
    char many[3000];
    memset(many, 1, sizeof many);
    buf_clear(&b);
    buf_json_str(&b, many, sizeof many);
    assert_int_equal(b.len, sizeof many * 6 + 2);
    assert_int_equal(b.ptr[b.len - 1], '"');
    assert_int_equal(b.ptr[b.len], '\0');
    buf_free(&b);
}

/* The escaping as it was written byte by byte before json_escape went
 * word by word: the reference the fast one must equal, byte for byte. */
static size_t ref_escape(char *o, const unsigned char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = s[i];
        if (c >= 0x20 && c != '"' && c != '\\') {
            o[k++] = (char)c;
            continue;
        }
        o[k++] = '\\';
        switch (c) {
        case '"': o[k++] = '"'; break;
        case '\\': o[k++] = '\\'; break;
        case '\n': o[k++] = 'n'; break;
        case '\r': o[k++] = 'r'; break;
        case '\t': o[k++] = 't'; break;
        default:
            o[k++] = 'u';
            o[k++] = '0';
            o[k++] = '0';
            o[k++] = hex[c >> 4];
            o[k++] = hex[c & 15];
        }
    }
    return k;
}

/* json_escape of s[0..n) equals ref_escape, writes nothing past its end
 * (a canary after it), and the output sits at an odd address. */
static int escape_matches(const unsigned char *s, size_t n)
{
    static char got[6 * 600 + 64], want[6 * 600 + 64];
    memset(got, '#', sizeof got);
    size_t wn = ref_escape(want, s, n);
    char *end = json_escape(got + 1, (const char *)s, n);
    return (size_t)(end - (got + 1)) == wn &&
           memcmp(got + 1, want, wn) == 0 && got[1 + wn] == '#';
}

static void test_json_escape_every_byte(void **state)
{
    (void)state;
    /* Each byte alone, then at every position of strings of 1 to 40 bytes
     * (the word, half-word and byte paths and the tail), among plain text
     * and among UTF-8. */
    for (unsigned c = 0; c < 256; c++) {
        unsigned char one = (unsigned char)c;
        assert_true(escape_matches(&one, 1));
        for (size_t n = 1; n <= 40; n++)
            for (size_t at = 0; at < n; at++) {
                unsigned char s[40];
                for (size_t i = 0; i < n; i++)
                    s[i] = (unsigned char)(i % 3 ? 'a' + i % 26 : 0xC3);
                s[at] = one;
                if (!escape_matches(s, n))
                    fail_msg("byte 0x%02X at %zu of %zu", c, at, n);
            }
    }
}

static void test_json_escape_random_strings(void **state)
{
    (void)state;
    /* Mixes of the bytes that matter: controls, '"', '\\', the bytes
     * next to them, UTF-8 lead and continuation bytes, invalid ones. */
    static const unsigned char alphabet[] = {
        0x00, 0x01, 0x08, 0x09, 0x0A, 0x0C, 0x0D, 0x1F, 0x20, '!', '"', '#',
        '[', '\\', ']', 'a', 'Z', 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC3, 0xE2,
        0xEF, 0xF0, 0xFE, 0xFF, 0xDC, 0xA2, 0x5C, 0x22};
    uint32_t seed = 12345;
    unsigned char s[600];
    for (int round = 0; round < 20000; round++) {
        seed = seed * 1103515245u + 12345u;
        size_t n = (seed >> 8) % (round < 10000 ? 24 : 600);
        /* mostly plain text, with a chance of anything from alphabet */
        unsigned dens = (seed >> 20) % 8;
        for (size_t i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            unsigned r = seed >> 16;
            s[i] = r % 8 < dens ? alphabet[(r >> 3) % sizeof alphabet]
                                : (unsigned char)('a' + (r >> 3) % 26);
        }
        if (!escape_matches(s, n))
            fail_msg("round %d, %zu bytes", round, n);
    }
}

static void test_buf_json_str_growth(void **state)
{
    (void)state;
    /* Appends across many reallocations keep what was there. */
    buf b = BUF_INIT;
    char want[64];
    size_t total = 0;
    for (int i = 0; i < 2000; i++) {
        char s[40];
        int n = snprintf(s, sizeof s, "k%d\"\n\\é%d", i, i * 7);
        buf_json_str(&b, s, (size_t)n);
        size_t wn = ref_escape(want + 1, (const unsigned char *)s, (size_t)n);
        want[0] = '"';
        want[wn + 1] = '"';
        if (b.len != total + wn + 2 || memcmp(b.ptr + total, want, wn + 2))
            fail_msg("append %d", i);
        total = b.len;
        assert_int_equal(b.ptr[b.len], '\0');
    }
    buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_arena_alloc_aligned_and_distinct),
        cmocka_unit_test(test_arena_objects_do_not_overlap),
        cmocka_unit_test(test_arena_big_allocation),
        cmocka_unit_test(test_arena_zalloc_and_strndup),
        cmocka_unit_test(test_arena_realloc_grows_in_place_when_last),
        cmocka_unit_test(test_arena_reset_keeps_largest_block),
        cmocka_unit_test(test_arena_new_macro),
        cmocka_unit_test(test_buf_put_and_printf),
        cmocka_unit_test(test_buf_grows),
        cmocka_unit_test(test_buf_cstr_of_empty_buffer_is_writable_later),
        cmocka_unit_test(test_buf_json_str_quotes_and_backslashes),
        cmocka_unit_test(test_buf_json_str_control_chars),
        cmocka_unit_test(test_buf_json_str_utf8_passthrough),
        cmocka_unit_test(test_buf_json_str_appends),
        cmocka_unit_test(test_json_escape_every_byte),
        cmocka_unit_test(test_json_escape_random_strings),
        cmocka_unit_test(test_buf_json_str_growth),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * test_utf8.c — text/utf8.c, the normalize stage: decoding, cleaning
 * invalid bytes (and reporting where they were), NFC, and the folded form
 * used for matching with its map back to the original bytes.
 */
#include "testutil.h"

/* ---- utf8_decode ---- */

static int dec(const char *s, size_t n, int32_t *cp)
{
    *cp = -1;
    return utf8_decode((const unsigned char *)s, n, cp);
}

static void test_decode_valid(void **state)
{
    (void)state;
    int32_t cp;
    assert_int_equal(dec("A", 1, &cp), 1);
    assert_int_equal(cp, 'A');
    assert_int_equal(dec("\0", 1, &cp), 1);
    assert_int_equal(cp, 0);
    assert_int_equal(dec("\x7F", 1, &cp), 1);
    assert_int_equal(cp, 0x7F);
    assert_int_equal(dec("\xC2\x80", 2, &cp), 2); /* smallest 2-byte */
    assert_int_equal(cp, 0x80);
    assert_int_equal(dec("é", 2, &cp), 2);
    assert_int_equal(cp, 0xE9);
    assert_int_equal(dec("\xDF\xBF", 2, &cp), 2);
    assert_int_equal(cp, 0x7FF);
    assert_int_equal(dec("\xE0\xA0\x80", 3, &cp), 3); /* smallest 3-byte */
    assert_int_equal(cp, 0x800);
    assert_int_equal(dec("’", 3, &cp), 3);
    assert_int_equal(cp, 0x2019);
    assert_int_equal(dec("\xED\x9F\xBF", 3, &cp), 3); /* just below D800 */
    assert_int_equal(cp, 0xD7FF);
    assert_int_equal(dec("\xEE\x80\x80", 3, &cp), 3); /* just above DFFF */
    assert_int_equal(cp, 0xE000);
    assert_int_equal(dec("\xEF\xBF\xBD", 3, &cp), 3);
    assert_int_equal(cp, 0xFFFD);
    assert_int_equal(dec("\xF0\x90\x80\x80", 4, &cp), 4); /* smallest 4 */
    assert_int_equal(cp, 0x10000);
    assert_int_equal(dec("😀", 4, &cp), 4);
    assert_int_equal(cp, 0x1F600);
    assert_int_equal(dec("\xF4\x8F\xBF\xBF", 4, &cp), 4); /* U+10FFFF */
    assert_int_equal(cp, 0x10FFFF);
    /* Only the first code point is read. */
    assert_int_equal(dec("éa", 3, &cp), 2);
    assert_int_equal(cp, 0xE9);
}

static void test_decode_overlong(void **state)
{
    (void)state;
    int32_t cp;
    assert_int_equal(dec("\xC0\x80", 2, &cp), 0); /* NUL in two bytes */
    assert_int_equal(dec("\xC0\xAF", 2, &cp), 0); /* '/' */
    assert_int_equal(dec("\xC1\xBF", 2, &cp), 0);
    assert_int_equal(dec("\xE0\x80\x80", 3, &cp), 0);
    assert_int_equal(dec("\xE0\x9F\xBF", 3, &cp), 0); /* U+07FF in three */
    assert_int_equal(dec("\xF0\x80\x80\x80", 4, &cp), 0);
    assert_int_equal(dec("\xF0\x8F\xBF\xBF", 4, &cp), 0); /* U+FFFF in 4 */
}

static void test_decode_surrogates(void **state)
{
    (void)state;
    int32_t cp;
    assert_int_equal(dec("\xED\xA0\x80", 3, &cp), 0); /* U+D800 */
    assert_int_equal(dec("\xED\xAF\xBF", 3, &cp), 0); /* U+DBFF */
    assert_int_equal(dec("\xED\xB0\x80", 3, &cp), 0); /* U+DC00 */
    assert_int_equal(dec("\xED\xBF\xBF", 3, &cp), 0); /* U+DFFF */
    /* CESU-8 pair for U+1F600. */
    assert_int_equal(dec("\xED\xA0\xBD\xED\xB8\x80", 6, &cp), 0);
}

static void test_decode_truncated_and_stray(void **state)
{
    (void)state;
    int32_t cp;
    assert_int_equal(dec("\xC3", 1, &cp), 0);
    assert_int_equal(dec("\xC3\xA9", 1, &cp), 0); /* n says one byte */
    assert_int_equal(dec("\xE2\x80", 2, &cp), 0);
    assert_int_equal(dec("\xF0\x9F\x98", 3, &cp), 0);
    /* A lead byte followed by something that is not a continuation. */
    assert_int_equal(dec("\303A", 2, &cp), 0);
    assert_int_equal(dec("\342\200A", 3, &cp), 0);
    assert_int_equal(dec("\360\237\230A", 4, &cp), 0);
    assert_int_equal(dec("\xE2\xC3\xA9", 3, &cp), 0);
    /* Continuation bytes alone. */
    assert_int_equal(dec("\x80", 1, &cp), 0);
    assert_int_equal(dec("\xBF\xBF", 2, &cp), 0);
    /* Bytes that never occur. */
    assert_int_equal(dec("\xFE", 1, &cp), 0);
    assert_int_equal(dec("\xFF\xFF", 2, &cp), 0);
}

static void test_decode_past_10ffff(void **state)
{
    (void)state;
    int32_t cp;
    assert_int_equal(dec("\xF4\x90\x80\x80", 4, &cp), 0); /* U+110000 */
    assert_int_equal(dec("\xF4\xBF\xBF\xBF", 4, &cp), 0);
    assert_int_equal(dec("\xF5\x80\x80\x80", 4, &cp), 0);
    assert_int_equal(dec("\xF7\xBF\xBF\xBF", 4, &cp), 0);     /* U+1FFFFF */
    assert_int_equal(dec("\xF8\x88\x80\x80\x80", 5, &cp), 0); /* 5 bytes */
}

static void test_encode_roundtrip(void **state)
{
    (void)state;
    const int32_t cps[] = {0,       'a',     0x7F,    0x80,   0xE9,
                           0x7FF,   0x800,   0x2019,  0xFFFD, 0xFFFF,
                           0x10000, 0x1F600, 0x10FFFF};
    const int lens[] = {1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4};
    for (size_t i = 0; i < sizeof cps / sizeof *cps; i++) {
        char out[4];
        int n = utf8_encode(cps[i], out);
        assert_int_equal(n, lens[i]);
        int32_t back;
        assert_int_equal(utf8_decode((unsigned char *)out, (size_t)n, &back),
                         n);
        assert_int_equal(back, cps[i]);
    }
}

/* ---- text_clean_utf8 ---- */

typedef struct {
    size_t off[16];
    unsigned byte[16];
    int n;
} badlog;

static void log_bad(void *user, size_t off, unsigned byte)
{
    badlog *l = user;
    if (l->n < 16) {
        l->off[l->n] = off;
        l->byte[l->n] = byte;
    }
    l->n++;
}

static void test_clean_valid_is_not_copied(void **state)
{
    (void)state;
    arena a;
    arena_init(&a, 1024);
    const char *s = "Des hommes armés ont attaqué Ménaka. 😀 — « FAMa »";
    const char *out = NULL;
    size_t olen = 0;
    badlog l = {0};
    assert_int_equal(
        text_clean_utf8(s, strlen(s), &a, &out, &olen, log_bad, &l), 0);
    assert_ptr_equal(out, s);
    assert_int_equal(olen, strlen(s));
    assert_int_equal(l.n, 0);
    assert_int_equal(a.used_total, 0); /* nothing allocated */
    /* Empty input. */
    assert_int_equal(text_clean_utf8("", 0, &a, &out, &olen, NULL, NULL), 0);
    assert_int_equal(olen, 0);
    arena_free(&a);
}

static void test_clean_replaces_and_reports_offsets(void **state)
{
    (void)state;
    arena a;
    arena_init(&a, 1024);
    /* A stray byte, a valid é, a truncated sequence at the very end. */
    const char s[] = "ab\377cé\xC3";
    const char *out;
    size_t olen;
    badlog l = {0};
    long n = text_clean_utf8(s, sizeof s - 1, &a, &out, &olen, log_bad, &l);
    assert_int_equal(n, 2);
    assert_int_equal(l.n, 2);
    assert_int_equal(l.off[0], 2);
    assert_int_equal(l.byte[0], 0xFF);
    assert_int_equal(l.off[1], 6);
    assert_int_equal(l.byte[1], 0xC3);
    const char want[] = "ab\uFFFDcé\uFFFD";
    assert_int_equal(olen, sizeof want - 1);
    assert_memory_equal(out, want, olen);
    assert_int_equal(out[olen], '\0');
    assert_ptr_not_equal(out, s);
    arena_free(&a);
}

static void test_clean_after_ascii_run_and_each_byte(void **state)
{
    (void)state;
    arena a;
    arena_init(&a, 1024);
    /* The bad byte sits after more than eight ASCII bytes (the fast
     * path), then an overlong pair and a surrogate: one U+FFFD a byte. */
    const char s[] = "Bamako, mardi\x80 x\xC0\xAF y\xED\xA0\x80";
    const char *out;
    size_t olen;
    badlog l = {0};
    long n = text_clean_utf8(s, sizeof s - 1, &a, &out, &olen, log_bad, &l);
    assert_int_equal(n, 6);
    assert_int_equal(l.n, 6);
    assert_int_equal(l.off[0], 13);
    assert_int_equal(l.byte[0], 0x80);
    assert_int_equal(l.off[1], 16);
    assert_int_equal(l.off[2], 17);
    assert_int_equal(l.off[3], 20);
    assert_int_equal(l.byte[3], 0xED);
    assert_int_equal(l.off[5], 22);
    /* Every output byte sequence is valid now. */
    size_t i = 0;
    int fffd = 0;
    while (i < olen) {
        int32_t cp;
        int k = utf8_decode((const unsigned char *)out + i, olen - i, &cp);
        assert_true(k > 0);
        fffd += cp == 0xFFFD;
        i += (size_t)k;
    }
    assert_int_equal(fffd, 6);
    assert_memory_equal(out, "Bamako, mardi\xEF\xBF\xBD x", 18);
    /* A NULL callback is allowed. */
    assert_int_equal(
        text_clean_utf8(s, sizeof s - 1, &a, &out, &olen, NULL, NULL), 6);
    arena_free(&a);
}

/* ---- text_nfc ---- */

static void test_nfc_composes(void **state)
{
    (void)state;
    arena a;
    arena_init(&a, 1024);
    const char *s = "Me\xCC\x81naka, Se\xCC\x81gou"; /* e + U+0301 */
    const char *out;
    size_t olen;
    assert_int_equal(text_nfc(s, strlen(s), &a, &out, &olen), 0);
    assert_ptr_not_equal(out, s);
    assert_int_equal(olen, strlen("Ménaka, Ségou"));
    assert_memory_equal(out, "Ménaka, Ségou", olen);

    const char *e = "e\xCC\x81";
    assert_int_equal(text_nfc(e, strlen(e), &a, &out, &olen), 0);
    assert_int_equal(olen, 2);
    assert_memory_equal(out, "\xC3\xA9", 2);
    arena_free(&a);
}

static void test_nfc_identity_fast_path(void **state)
{
    (void)state;
    arena a;
    arena_init(&a, 1024);
    const char *samples[] = {
        "", "Plain ASCII text, 12 killed.",
        "Ménaka, Tombouctou, Ségou : l’armée a riposté — « FAMa ».",
        "Ð þ ß 😀 中文 ١٢", /* outside the Latin-1 accents too */
    };
    for (size_t i = 0; i < sizeof samples / sizeof *samples; i++) {
        const char *out = NULL;
        size_t olen = 99;
        assert_int_equal(
            text_nfc(samples[i], strlen(samples[i]), &a, &out, &olen), 0);
        assert_ptr_equal(out, samples[i]);
        assert_int_equal(olen, strlen(samples[i]));
    }
    assert_int_equal(a.used_total, 0);
    arena_free(&a);
}

/* ---- text_fold ---- */

static const char *fold(buf *o, const char *s)
{
    buf_clear(o);
    text_fold(s, strlen(s), o, NULL, 0);
    buf_putc(o, '\0'); /* make it a C string even when empty */
    o->len--;
    return o->ptr;
}

static void test_fold_case_accents_ligatures(void **state)
{
    (void)state;
    buf o = BUF_INIT;
    assert_string_equal(fold(&o, "Forces Armées Maliennes"),
                        "forces armees maliennes");
    assert_string_equal(fold(&o, "L’ARMÉE"), "l'armee");
    assert_string_equal(fold(&o, "Œuvre"), "oeuvre");
    assert_string_equal(fold(&o, "cœur ÆGIS"), "coeur aegis");
    assert_string_equal(fold(&o, "Çà et là, ÎLE, Noël, où"),
                        "ca et la, ile, noel, ou");
    assert_string_equal(fold(&o, "all-Qaïda"), "all-qaida");
    /* Other apostrophes become the ASCII one. */
    assert_string_equal(fold(&o, "d\u02BCabord l\u2018x"), "d'abord l'x");
    /* Decomposed input folds like precomposed. */
    assert_string_equal(fold(&o, "Me\xCC\x81naka"), "menaka");
    /* Compatibility forms. */
    assert_string_equal(fold(&o, "\xEF\xAC\x81n"), "fin"); /* ﬁ ligature */
    assert_string_equal(fold(&o, ""), "");
    buf_free(&o);
}

static void test_fold_appends(void **state)
{
    (void)state;
    buf o = BUF_INIT;
    buf_puts(&o, "x|");
    text_fold("ÉTÉ", strlen("ÉTÉ"), &o, NULL, 0);
    assert_string_equal(buf_cstr(&o), "x|ete");
    buf_free(&o);
}

/* Checks that map (one uint32_t per folded byte) equals want. */
static void check_map(const buf *map, const uint32_t *want, size_t n)
{
    assert_int_equal(map->len, n * sizeof(uint32_t));
    uint32_t got[64];
    assert_true(n <= 64);
    memcpy(got, map->ptr, map->len);
    for (size_t i = 0; i < n; i++) {
        if (got[i] != want[i])
            print_message("map[%zu] = %u, want %u\n", i, got[i], want[i]);
        assert_int_equal(got[i], want[i]);
    }
}

static void test_fold_map_back_to_original(void **state)
{
    (void)state;
    buf o = BUF_INIT, map = BUF_INIT;
    /* L ’(3 bytes) A R M É(2 bytes) E */
    const char *s = "L’ARMÉE";
    text_fold(s, strlen(s), &o, &map, 100);
    assert_string_equal(buf_cstr(&o), "l'armee");
    const uint32_t want[] = {100, 101, 104, 105, 106, 107, 109};
    check_map(&map, want, 7);

    /* Œ (2 bytes) gives two folded bytes, both from offset 0. */
    buf_clear(&o);
    buf_clear(&map);
    text_fold("Œuvre", strlen("Œuvre"), &o, &map, 0);
    assert_string_equal(buf_cstr(&o), "oeuvre");
    const uint32_t want2[] = {0, 0, 2, 3, 4, 5};
    check_map(&map, want2, 6);

    /* A span of the folded text maps back to the right original bytes:
     * "armees" in "Forces Armées" is bytes 7..13 of the original. */
    buf_clear(&o);
    buf_clear(&map);
    const char *t = "Forces Armées Maliennes";
    text_fold(t, strlen(t), &o, &map, 0);
    const char *f = buf_cstr(&o);
    const char *hit = strstr(f, "armees");
    assert_non_null(hit);
    size_t fs = (size_t)(hit - f), fe = fs + strlen("armees") - 1;
    uint32_t m[64];
    memcpy(m, map.ptr, map.len);
    assert_int_equal(m[fs], 7);
    assert_int_equal(m[fe], 13); /* the last 's' */
    assert_memory_equal(t + m[fs], "Armées", m[fe] + 1 - m[fs]);
    buf_free(&o);
    buf_free(&map);
}

static void test_fold_invalid_byte_does_not_stop(void **state)
{
    (void)state;
    buf o = BUF_INIT, map = BUF_INIT;
    /* Folding is also given uncleaned text (dictionary lines): a bad
     * byte becomes U+FFFD and the rest is still folded. */
    const char s[] = "A\377B";
    text_fold(s, 3, &o, &map, 0);
    assert_int_equal(o.len, 5);
    assert_memory_equal(o.ptr, "a\uFFFDb", 5);
    const uint32_t want[] = {0, 1, 1, 1, 2};
    check_map(&map, want, 5);
    buf_free(&o);
    buf_free(&map);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_decode_valid),
        cmocka_unit_test(test_decode_overlong),
        cmocka_unit_test(test_decode_surrogates),
        cmocka_unit_test(test_decode_truncated_and_stray),
        cmocka_unit_test(test_decode_past_10ffff),
        cmocka_unit_test(test_encode_roundtrip),
        cmocka_unit_test(test_clean_valid_is_not_copied),
        cmocka_unit_test(test_clean_replaces_and_reports_offsets),
        cmocka_unit_test(test_clean_after_ascii_run_and_each_byte),
        cmocka_unit_test(test_nfc_composes),
        cmocka_unit_test(test_nfc_identity_fast_path),
        cmocka_unit_test(test_fold_case_accents_ligatures),
        cmocka_unit_test(test_fold_appends),
        cmocka_unit_test(test_fold_map_back_to_original),
        cmocka_unit_test(test_fold_invalid_byte_does_not_stop),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

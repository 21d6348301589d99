/*
 * test_reader.c — read/reader.c and read/jsonl.c through the public
 * reader API, on files each test writes: JSONL (one article a line, bad
 * lines reported with file and line and skipped) and plain text (the
 * whole file is one article named after the file).
 */
#include "testutil.h"

#include "veille.h"
#include "buf.h"

typedef struct rfix {
    char *dir;
    char *path;
    veille_reader *r;
} rfix;

/* Readers still open when a test ends, failing or not: closed by the
 * teardown, with their scratch folders. */
static rfix *open_fixes[8];

static void rclose(rfix *f);

static int close_all(void **state)
{
    (void)state;
    for (int i = 0; i < 8; i++)
        if (open_fixes[i])
            rclose(open_fixes[i]);
    return 0;
}

/* Writes data to dir/name and opens a reader on it. */
static rfix *ropenn(const char *name, const char *data, size_t n,
                    veille_format fmt)
{
    rfix *f = calloc(1, sizeof *f);
    assert_non_null(f);
    f->dir = tmpdir_new();
    f->path = tu_write_filen(f->dir, name, data, n);
    int slot = 0;
    while (slot < 8 && open_fixes[slot])
        slot++;
    assert_true(slot < 8);
    open_fixes[slot] = f;
    assert_int_equal(veille_reader_open(&f->r, f->path, fmt), VEILLE_OK);
    assert_non_null(f->r);
    return f;
}

static rfix *ropen(const char *name, const char *data)
{
    return ropenn(name, data, strlen(data), VEILLE_FMT_AUTO);
}

static void rclose(rfix *f)
{
    for (int i = 0; i < 8; i++)
        if (open_fixes[i] == f)
            open_fixes[i] = NULL;
    veille_reader_free(f->r);
    free(f->path);
    tmpdir_free(f->dir);
    free(f);
}

/* Field f of a as a C string (static ring). */
static const char *fld(const veille_article *a, veille_field f)
{
    static char ring[4][1024];
    static int k;
    char *o = ring[k++ & 3];
    veille_str s = veille_article_get(a, f);
    assert_true(s.len < 1024);
    memcpy(o, s.ptr, s.len);
    o[s.len] = '\0';
    return o;
}

/* Reads the next article, which must be there. */
static const veille_article *next_ok(rfix *f)
{
    const veille_article *a = NULL;
    int rc = veille_reader_next(f->r, &a);
    if (rc != 1)
        print_message("veille_reader_next: %d %s\n", rc,
                      veille_reader_errmsg(f->r));
    assert_int_equal(rc, 1);
    assert_non_null(a);
    return a;
}

/* "PATH:LINE" for f. */
static const char *at(const rfix *f, long line)
{
    static char s[2][700];
    static int k;
    char *o = s[k++ & 1];
    snprintf(o, sizeof s[0], "%s:%ld", f->path, line);
    return o;
}

static void expect_end(rfix *f)
{
    const veille_article *a = (const veille_article *)1;
    assert_int_equal(veille_reader_next(f->r, &a), 0);
    assert_null(a);
    assert_int_equal(veille_reader_next(f->r, &a), 0); /* and stays there */
}

/* ---- JSONL ---- */

static void test_jsonl_good_lines(void **state)
{
    (void)state;
    rfix *f = ropen("in.jsonl",
                    "{\"id\":\"a1\",\"url\":\"https://x.example/1\","
                    "\"source\":\"Le Journal\",\"published\":\"2024-03-05\","
                    "\"lang\":\"fr\",\"title\":\"Attaque à Gao\","
                    "\"text\":\"Des tirs.\\nPuis le calme.\"}\n"
                    "{\"text\":\"Second\",\"id\":\"a2\",\"extra\":[1,{}],"
                    "\"lang\":null}\n");
    const veille_article *a = next_ok(f);
    assert_string_equal(fld(a, VEILLE_F_ID), "a1");
    assert_string_equal(fld(a, VEILLE_F_URL), "https://x.example/1");
    assert_string_equal(fld(a, VEILLE_F_SOURCE), "Le Journal");
    assert_string_equal(fld(a, VEILLE_F_PUBLISHED), "2024-03-05");
    assert_string_equal(fld(a, VEILLE_F_LANG), "fr");
    assert_string_equal(fld(a, VEILLE_F_TITLE), "Attaque à Gao");
    assert_string_equal(fld(a, VEILLE_F_TEXT), "Des tirs.\nPuis le calme.");
    assert_string_equal(veille_article_origin(a), at(f, 1));
    assert_null(veille_reader_warning(f->r));
    assert_string_equal(veille_reader_errmsg(f->r), "");

    a = next_ok(f);
    assert_string_equal(fld(a, VEILLE_F_ID), "a2");
    assert_string_equal(fld(a, VEILLE_F_TEXT), "Second");
    /* Absent and null fields are empty, not left over from line 1. */
    assert_string_equal(fld(a, VEILLE_F_LANG), "");
    assert_string_equal(fld(a, VEILLE_F_TITLE), "");
    assert_string_equal(veille_article_origin(a), at(f, 2));
    expect_end(f);
    rclose(f);
}

static void test_jsonl_blank_lines_skipped(void **state)
{
    (void)state;
    rfix *f = ropen("in.jsonl", "\n   \n{\"id\":\"x\",\"text\":\"un\"}\n"
                                "\t\n\n{\"id\":\"y\",\"text\":\"deux\"}\n\n");
    const veille_article *a = next_ok(f);
    assert_string_equal(fld(a, VEILLE_F_ID), "x");
    assert_string_equal(veille_article_origin(a), at(f, 3));
    a = next_ok(f);
    assert_string_equal(fld(a, VEILLE_F_ID), "y");
    assert_string_equal(veille_article_origin(a), at(f, 6));
    expect_end(f);
    rclose(f);
    /* An empty file and a file of blank lines have no article. */
    f = ropen("empty.jsonl", "");
    expect_end(f);
    rclose(f);
    f = ropen("blank.jsonl", "\n\n  \n");
    expect_end(f);
    rclose(f);
}

/* The next call fails with status want and a message that starts with
 * "PATH:LINE: " and contains what. */
static void expect_error(rfix *f, int want, long line, const char *what)
{
    const veille_article *a = (const veille_article *)1;
    int rc = veille_reader_next(f->r, &a);
    const char *msg = veille_reader_errmsg(f->r);
    char prefix[720];
    snprintf(prefix, sizeof prefix, "%s: ", at(f, line));
    if (rc != want || strncmp(msg, prefix, strlen(prefix)) != 0 ||
        !strstr(msg, what))
        print_message("want %d \"%s…%s…\", got %d \"%s\"\n", want, prefix, what,
                      rc, msg);
    assert_int_equal(rc, want);
    assert_null(a);
    assert_int_equal(strncmp(msg, prefix, strlen(prefix)), 0);
    assert_true(tu_contains(msg, what));
}

static void test_jsonl_malformed_line_then_next(void **state)
{
    (void)state;
    rfix *f = ropen("news.jsonl", "{\"id\":\"a\",\"text\":\"x\"}\n"
                                  "{\"id\": oops, \"text\":\"y\"}\n"
                                  "{\"id\":\"c\",\"text\":\"z\"}\n"
                                  "{\"id\":\"d\",\"text\":\"unterminated}\n"
                                  "{\"id\":\"e\",\"text\":\"w\"} trailing\n"
                                  "{\"id\":\"f\",\"text\":\"v\"}\n");
    assert_string_equal(fld(next_ok(f), VEILLE_F_ID), "a");
    expect_error(f, VEILLE_EPARSE, 2, "malformed JSON at column");
    const veille_article *a = next_ok(f);
    assert_string_equal(fld(a, VEILLE_F_ID), "c");
    assert_string_equal(veille_article_origin(a), at(f, 3));
    assert_string_equal(veille_reader_errmsg(f->r), ""); /* cleared */
    expect_error(f, VEILLE_EPARSE, 4, "malformed JSON");
    expect_error(f, VEILLE_EPARSE, 5, "malformed JSON");
    assert_string_equal(fld(next_ok(f), VEILLE_F_ID), "f");
    expect_end(f);
    rclose(f);
}

static void test_jsonl_not_an_object(void **state)
{
    (void)state;
    rfix *f = ropen("in.jsonl", "[1,2]\n\"texte\"\n42\nnull\n"
                                "{\"id\":\"ok\",\"text\":\"t\"}\n");
    expect_error(f, VEILLE_EPARSE, 1, "expected a JSON object");
    /* jansson itself refuses a bare scalar: still the line's error. */
    for (long l = 2; l <= 4; l++)
        expect_error(f, VEILLE_EPARSE, l, "JSON");
    assert_string_equal(fld(next_ok(f), VEILLE_F_ID), "ok");
    expect_end(f);
    rclose(f);
}

static void test_jsonl_non_string_field(void **state)
{
    (void)state;
    rfix *f = ropen("in.jsonl", "{\"id\":\"a\",\"text\":42}\n"
                                "{\"id\":\"b\",\"title\":[\"x\"]}\n"
                                "{\"id\":\"c\",\"lang\":true}\n"
                                "{\"id\":true,\"text\":\"t\"}\n"
                                "{\"id\":\"e\",\"text\":\"fine\"}\n");
    expect_error(f, VEILLE_EPARSE, 1, "field \"text\" must be a string");
    expect_error(f, VEILLE_EPARSE, 2, "field \"title\" must be a string");
    expect_error(f, VEILLE_EPARSE, 3, "field \"lang\" must be a string");
    expect_error(f, VEILLE_EPARSE, 4, "field \"id\" must be a string");
    assert_string_equal(fld(next_ok(f), VEILLE_F_TEXT), "fine");
    expect_end(f);
    rclose(f);
}

static void test_jsonl_numeric_id(void **state)
{
    (void)state;
    rfix *f = ropen("in.jsonl", "{\"id\":123456789012,\"text\":\"t\"}\n"
                                "{\"id\":-7,\"text\":\"t\"}\n");
    assert_string_equal(fld(next_ok(f), VEILLE_F_ID), "123456789012");
    assert_string_equal(fld(next_ok(f), VEILLE_F_ID), "-7");
    expect_end(f);
    rclose(f);
}

static void test_jsonl_missing_id_is_content_hash(void **state)
{
    (void)state;
    const char *data = "{\"title\":\"T\",\"text\":\"Des tirs à Gao.\"}\n"
                       "{\"title\":\"T\",\"text\":\"Des tirs à Gao.\","
                       "\"id\":\"\"}\n"
                       "{\"title\":\"T\",\"text\":\"Des tirs à Kidal.\"}\n"
                       "{\"title\":\"T\\nDes tirs à Gao.\",\"text\":\"\"}\n";
    char ids[2][4][64];
    for (int pass = 0; pass < 2; pass++) {
        rfix *f = ropen("in.jsonl", data);
        for (int i = 0; i < 4; i++) {
            const char *id = fld(next_ok(f), VEILLE_F_ID);
            assert_true(strlen(id) > 1 && strlen(id) < 64);
            snprintf(ids[pass][i], sizeof ids[0][0], "%s", id);
        }
        expect_end(f);
        rclose(f);
    }
    /* Stable from one read to the next. */
    for (int i = 0; i < 4; i++)
        assert_string_equal(ids[0][i], ids[1][i]);
    /* The same content gives the same id (an empty id counts as none). */
    assert_string_equal(ids[0][0], ids[0][1]);
    /* Other content, another id; title and text are kept apart. */
    assert_string_not_equal(ids[0][0], ids[0][2]);
    assert_string_not_equal(ids[0][0], ids[0][3]);
    /* "h" and 16 hex digits. */
    assert_int_equal(strlen(ids[0][0]), 17);
    assert_int_equal(ids[0][0][0], 'h');
    for (int k = 1; k < 17; k++)
        assert_non_null(strchr("0123456789abcdef", ids[0][0][k]));
}

static void test_jsonl_invalid_utf8_replaced_with_warning(void **state)
{
    (void)state;
    rfix *f = ropen("in.jsonl", "{\"id\":\"u1\",\"text\":\"Gao\xFF ville\"}\n"
                                "{\"id\":\"u2\",\"text\":\"propre\"}\n");
    const veille_article *a = next_ok(f);
    assert_string_equal(fld(a, VEILLE_F_TEXT), "Gao\xEF\xBF\xBD ville");
    const char *w = veille_reader_warning(f->r);
    assert_non_null(w);
    assert_true(tu_contains(w, at(f, 1)));
    assert_true(tu_contains(w, "u1"));
    assert_true(tu_contains(w, "invalid UTF-8 byte 0xFF"));
    assert_true(tu_contains(w, "column 23")); /* 1-based byte column */
    a = next_ok(f);
    assert_string_equal(fld(a, VEILLE_F_ID), "u2");
    assert_null(veille_reader_warning(f->r)); /* per article */
    expect_end(f);
    rclose(f);
}

static void test_jsonl_last_line_without_newline_and_crlf(void **state)
{
    (void)state;
    rfix *f = ropen("in.jsonl", "{\"id\":\"a\",\"text\":\"un\"}\r\n"
                                "\r\n"
                                "{\"id\":\"b\",\"text\":\"deux\\r\\n\"}\r\n"
                                "{\"id\":\"c\",\"text\":\"trois\"}");
    const veille_article *a = next_ok(f);
    assert_string_equal(fld(a, VEILLE_F_TEXT), "un");
    a = next_ok(f);
    assert_string_equal(fld(a, VEILLE_F_TEXT), "deux\r\n"); /* escaped: kept */
    assert_string_equal(veille_article_origin(a), at(f, 3));
    a = next_ok(f);
    assert_string_equal(fld(a, VEILLE_F_ID), "c");
    assert_string_equal(fld(a, VEILLE_F_TEXT), "trois");
    assert_string_equal(veille_article_origin(a), at(f, 4));
    expect_end(f);
    rclose(f);
}

static void test_jsonl_escaped_nul_and_long_line(void **state)
{
    (void)state;
    /* A line longer than the reader's 64 KiB chunks. */
    size_t n = 200000;
    char *line = malloc(n + 64);
    assert_non_null(line);
    int h = snprintf(line, 64, "{\"id\":\"long\",\"text\":\"");
    memset(line + h, 'a', n);
    strcpy(line + h + n, "\"}\n{\"id\":\"z\",\"text\":\"a\\u0000b\"}\n");
    rfix *f = ropen("in.jsonl", line);
    const veille_article *a = next_ok(f);
    assert_int_equal(veille_article_get(a, VEILLE_F_TEXT).len, n);
    a = next_ok(f);
    veille_str t = veille_article_get(a, VEILLE_F_TEXT);
    assert_int_equal(t.len, 3);
    assert_memory_equal(t.ptr, "a\0b", 3);
    assert_string_equal(veille_article_origin(a), at(f, 2));
    expect_end(f);
    rclose(f);
    free(line);
}

/* ---- plain text ---- */

static void test_text_file_is_one_article(void **state)
{
    (void)state;
    const char *body = "Attaque près de Gao\n\nDes hommes armés ont "
                       "attaqué un poste.\r\nFin.\n";
    rfix *f = ropen("rapport-12.txt", body);
    const veille_article *a = next_ok(f);
    assert_string_equal(fld(a, VEILLE_F_ID), "rapport-12.txt");
    assert_string_equal(fld(a, VEILLE_F_TEXT), body);
    assert_string_equal(fld(a, VEILLE_F_TITLE), "");
    assert_string_equal(veille_article_origin(a), f->path);
    expect_end(f);
    rclose(f);
    /* Forced text format on a .jsonl name. */
    f = ropenn("x.jsonl", "{\"id\":\"a\"}\n", 11, VEILLE_FMT_TEXT);
    a = next_ok(f);
    assert_string_equal(fld(a, VEILLE_F_ID), "x.jsonl");
    assert_string_equal(fld(a, VEILLE_F_TEXT), "{\"id\":\"a\"}\n");
    expect_end(f);
    rclose(f);
}

static void test_text_file_larger_than_a_chunk(void **state)
{
    (void)state;
    size_t n = 300000;
    char *big = malloc(n);
    assert_non_null(big);
    for (size_t i = 0; i < n; i++)
        big[i] = (char)('a' + i % 26);
    rfix *f = ropenn("big.txt", big, n, VEILLE_FMT_AUTO);
    const veille_article *a = next_ok(f);
    veille_str t = veille_article_get(a, VEILLE_F_TEXT);
    assert_int_equal(t.len, n);
    assert_memory_equal(t.ptr, big, n);
    expect_end(f);
    rclose(f);
    free(big);
}

static void test_text_binary_file_refused(void **state)
{
    (void)state;
    static const char bin[] = "GIF89\0\x01\x02 not text";
    rfix *f = ropenn("image.txt", bin, sizeof bin - 1, VEILLE_FMT_AUTO);
    const veille_article *a = (const veille_article *)1;
    assert_int_equal(veille_reader_next(f->r, &a), VEILLE_EPARSE);
    assert_null(a);
    const char *msg = veille_reader_errmsg(f->r);
    assert_true(tu_contains(msg, f->path));
    assert_true(tu_contains(msg, "NUL byte at offset 5"));
    expect_end(f);
    rclose(f);
}

static void test_format_sniffed_without_extension(void **state)
{
    (void)state;
    rfix *f = ropen("feed", "\n  {\"id\":\"s1\",\"text\":\"t\"}\n");
    const veille_article *a = next_ok(f);
    assert_string_equal(fld(a, VEILLE_F_ID), "s1");
    assert_string_equal(veille_article_origin(a), at(f, 2));
    expect_end(f);
    rclose(f);
    f = ropen("note", "Le camp a été visé.");
    a = next_ok(f);
    assert_string_equal(fld(a, VEILLE_F_ID), "note");
    assert_string_equal(fld(a, VEILLE_F_TEXT), "Le camp a été visé.");
    expect_end(f);
    rclose(f);
}

static void test_missing_file(void **state)
{
    (void)state;
    veille_reader *r = NULL;
    const char *path = "tests/fixtures/no-such-file.jsonl";
    assert_int_equal(veille_reader_open(&r, path, VEILLE_FMT_AUTO), VEILLE_EIO);
    assert_non_null(r); /* set, so that the message can be read */
    assert_true(tu_contains(veille_reader_errmsg(r), path));
    assert_true(tu_contains(veille_reader_errmsg(r), "cannot open"));
    const veille_article *a;
    assert_int_equal(veille_reader_next(r, &a), VEILLE_EIO);
    veille_reader_free(r);
    veille_reader_free(NULL);
}

/* Strings are scanned a word at a time: an escape, a raw control byte or
 * the closing quote at every position of texts of 1 to 40 bytes. */
static void test_jsonl_escape_at_every_position(void **state)
{
    (void)state;
    static const char *const esc[] = {"\\\"", "\\\\", "\\n", "\\u00e9",
                                      "\\/"};
    static const char *const dec[] = {"\"", "\\", "\n", "\xC3\xA9", "/"};
    buf in = BUF_INIT;
    for (int n = 1; n <= 40; n++)
        for (int at = 0; at < n; at++) {
            for (int e = 0; e < 5; e++) {
                buf_printf(&in, "{\"id\":\"x\",\"text\":\"%.*s%s%.*s\"}\n",
                           at, "abcdefghijklmnopqrstuvwxyz0123456789ABCDEF",
                           esc[e], n - at - 1, "0123456789abcdefghijklmnopqrstuvwxyz#$%&");
            }
            /* a raw tab inside the string: refused */
            buf_printf(&in, "{\"id\":\"x\",\"text\":\"%.*s\t%.*s\"}\n", at,
                       "abcdefghijklmnopqrstuvwxyz0123456789ABCDEF",
                       n - at - 1, "0123456789abcdefghijklmnopqrstuvwxyz#$%&");
        }
    rfix *f = ropenn("esc.jsonl", in.ptr, in.len, VEILLE_FMT_AUTO);
    buf_free(&in);
    char want[128];
    for (int n = 1; n <= 40; n++)
        for (int at = 0; at < n; at++) {
            for (int e = 0; e < 5; e++) {
                snprintf(want, sizeof want, "%.*s%s%.*s", at,
                         "abcdefghijklmnopqrstuvwxyz0123456789ABCDEF", dec[e],
                         n - at - 1, "0123456789abcdefghijklmnopqrstuvwxyz#$%&");
                const veille_article *a = next_ok(f);
                if (strcmp(fld(a, VEILLE_F_TEXT), want) != 0)
                    fail_msg("escape %d at %d of %d: got '%s'", e, at, n,
                             fld(a, VEILLE_F_TEXT));
            }
            const veille_article *a = NULL;
            assert_int_equal(veille_reader_next(f->r, &a), VEILLE_EPARSE);
            assert_non_null(strstr(veille_reader_errmsg(f->r),
                                   "control character"));
        }
    expect_end(f);
}

/* The origin of an article in a file whose path is longer than the
 * origin's 511 bytes: the path cut, as snprintf cuts it. */
static void test_origin_of_a_long_path(void **state)
{
    (void)state;
    char *dir = tmpdir_new();
    buf path = BUF_INIT;
    buf_puts(&path, dir);
    for (int d = 0; d < 3; d++) {
        buf_putc(&path, '/');
        for (int i = 0; i < 200; i++)
            buf_putc(&path, (char)('a' + d));
        assert_int_equal(mkdir(buf_cstr(&path), 0700), 0);
    }
    buf_puts(&path, "/in.jsonl");
    FILE *fp = fopen(buf_cstr(&path), "wb");
    assert_non_null(fp);
    fputs("{\"id\":\"a\",\"text\":\"x\"}\n", fp);
    assert_int_equal(fclose(fp), 0);
    veille_reader *r = NULL;
    assert_int_equal(veille_reader_open(&r, buf_cstr(&path), VEILLE_FMT_AUTO),
                     VEILLE_OK);
    const veille_article *a = NULL;
    int rc = veille_reader_next(r, &a);
    char want[512];
    snprintf(want, sizeof want, "%s:1", buf_cstr(&path));
    int same = rc == 1 && strcmp(veille_article_origin(a), want) == 0 &&
               strlen(want) == 511;
    veille_reader_free(r);
    buf_free(&path);
    tmpdir_free(dir);
    assert_true(same);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(test_jsonl_good_lines, close_all),
        cmocka_unit_test_teardown(test_jsonl_blank_lines_skipped, close_all),
        cmocka_unit_test_teardown(test_jsonl_malformed_line_then_next,
                                  close_all),
        cmocka_unit_test_teardown(test_jsonl_not_an_object, close_all),
        cmocka_unit_test_teardown(test_jsonl_non_string_field, close_all),
        cmocka_unit_test_teardown(test_jsonl_numeric_id, close_all),
        cmocka_unit_test_teardown(test_jsonl_missing_id_is_content_hash,
                                  close_all),
        cmocka_unit_test_teardown(test_jsonl_invalid_utf8_replaced_with_warning,
                                  close_all),
        cmocka_unit_test_teardown(test_jsonl_last_line_without_newline_and_crlf,
                                  close_all),
        cmocka_unit_test_teardown(test_jsonl_escaped_nul_and_long_line,
                                  close_all),
        cmocka_unit_test_teardown(test_text_file_is_one_article, close_all),
        cmocka_unit_test_teardown(test_text_file_larger_than_a_chunk,
                                  close_all),
        cmocka_unit_test_teardown(test_text_binary_file_refused, close_all),
        cmocka_unit_test_teardown(test_format_sniffed_without_extension,
                                  close_all),
        cmocka_unit_test_teardown(test_missing_file, close_all),
        cmocka_unit_test_teardown(test_jsonl_escape_at_every_position,
                                  close_all),
        cmocka_unit_test(test_origin_of_a_long_path),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

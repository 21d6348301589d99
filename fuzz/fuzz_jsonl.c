/*
 * fuzz_jsonl.c — libFuzzer target for the read stage: the JSONL reader
 * (veille_reader_open/next over a file holding the input) and the one-line
 * parser jsonl_parse_article on the raw bytes.
 *
 * The reader takes a path, so the input is written to a file made once with
 * mkstemps (suffix .jsonl, so that the reader picks JSONL by name) and
 * rewritten on each run.  The same file is then read again with
 * VEILLE_FMT_AUTO through a second name without the suffix (a hard link),
 * which sniffs the content and may take the plain-text path.  A third pass
 * puts a long line of 'x' (refused at its first byte, so cheap) before the
 * input so that the reader's 64 KiB chunk boundary falls in the middle of
 * the input: with -max_len=65536 the input alone never crosses it.
 *
 * Invariants checked (__builtin_trap() on violation): every article the
 * reader returns has views of the length it claims (each byte is read, so
 * that ASan sees an overrun), the reader ends (0 or VEILLE_EIO) within one
 * call per line plus one, and a parse error always comes with a message.
 * The fields of a parsed line are valid UTF-8.
 *
 * Differential oracle: when libjansson.so.4 can be loaded at run time
 * (dlopen: the fuzz rule links only the library's own dependencies), the
 * same cleaned line goes through jansson.  When both accept it, every field
 * that jansson gives as a string (or null, or absent) must be the same
 * bytes; when jansson accepts an object whose article fields are strings or
 * null, our parser must accept it too, unless it refused for a reason it
 * means to be stricter about (nesting past its limit, a field given twice
 * with a non-string first).
 */
#if defined(__has_include)
#if __has_include(<jansson.h>)
#include <dlfcn.h>
#include <jansson.h>
#define HAVE_JANSSON 1
#endif
#endif
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "read/read.h"

static char jsonl_path[64];
static char auto_path[80];

static void cleanup(void)
{
    if (jsonl_path[0])
        unlink(jsonl_path);
    if (auto_path[0])
        unlink(auto_path);
}

static int setup_files(void)
{
    if (jsonl_path[0])
        return 0;
    snprintf(jsonl_path, sizeof jsonl_path, "/tmp/veille-fuzz-XXXXXX.jsonl");
    int fd = mkstemps(jsonl_path, 6);
    if (fd < 0) {
        perror("fuzz_jsonl: mkstemps");
        jsonl_path[0] = '\0';
        return -1;
    }
    close(fd);
    /* Same file, a name the reader cannot guess the format from. */
    snprintf(auto_path, sizeof auto_path, "%.*s.in",
             (int)(strlen(jsonl_path) - 6), jsonl_path);
    unlink(auto_path);
    if (link(jsonl_path, auto_path) != 0) {
        perror("fuzz_jsonl: link");
        auto_path[0] = '\0';
    }
    atexit(cleanup);
    return 0;
}

/* The reader's chunk size (reader.c). */
#define READER_CHUNK (64 * 1024)

static int write_input(const uint8_t *data, size_t size, int pad)
{
    static char filler[READER_CHUNK];
    /* Rewrite in place (truncate) so that the hard link stays valid. */
    FILE *fp = fopen(jsonl_path, "r+b");
    if (!fp)
        fp = fopen(jsonl_path, "wb");
    if (!fp)
        return -1;
    if (ftruncate(fileno(fp), 0) != 0) {
        fclose(fp);
        return -1;
    }
    int ok = 1;
    if (pad) {
        /* A bad line ending just before byte CHUNK - size/2 - 1. */
        size_t n = READER_CHUNK - 1 - size / 2;
        if (!filler[0])
            memset(filler, 'x', sizeof filler);
        ok = fwrite(filler, 1, n, fp) == n && fputc('\n', fp) == '\n';
    }
    ok = ok && (size == 0 || fwrite(data, 1, size, fp) == size);
    if (fclose(fp) != 0)
        ok = 0;
    return ok ? 0 : -1;
}

/* Reads every byte of a view, so that ASan checks its bounds. */
static unsigned touch(veille_str s)
{
    if (s.len && !s.ptr)
        __builtin_trap();
    unsigned h = 0;
    for (size_t i = 0; i < s.len; i++)
        h = h * 31 + (unsigned char)s.ptr[i];
    return h;
}

static volatile unsigned sink;

static void read_all(const char *path, veille_format fmt, size_t size)
{
    veille_reader *r = NULL;
    int rc = veille_reader_open(&r, path, fmt);
    if (rc) {
        if (r)
            sink += (unsigned)strlen(veille_reader_errmsg(r));
        veille_reader_free(r);
        return;
    }
    /* At most one call per line (size + 1 lines at most, plus the filler
     * line of the third pass), plus the final one that says the end. */
    size_t calls = 0, limit = size + 3;
    for (;;) {
        const veille_article *a = NULL;
        rc = veille_reader_next(r, &a);
        if (++calls > limit)
            __builtin_trap(); /* the reader does not end */
        if (rc == 0 || rc == VEILLE_EIO)
            break;
        if (rc < 0) {
            if (a != NULL || !*veille_reader_errmsg(r))
                __builtin_trap(); /* an error without a message */
            continue;
        }
        if (rc != 1 || !a)
            __builtin_trap();
        for (int f = 0; f < VEILLE_F_COUNT_; f++)
            sink += touch(veille_article_get(a, (veille_field)f));
        sink += (unsigned)strlen(veille_article_origin(a));
        const char *w = veille_reader_warning(r);
        if (w)
            sink += (unsigned)strlen(w);
        /* A JSONL article's id is never empty: the reader makes one. */
        if (fmt == VEILLE_FMT_JSONL &&
            veille_article_get(a, VEILLE_F_ID).len == 0)
            __builtin_trap();
    }
    veille_reader_free(r);
}

static int valid_utf8(veille_str s)
{
    const unsigned char *u = (const unsigned char *)s.ptr;
    for (size_t i = 0; i < s.len;) {
        int32_t cp;
        int k = utf8_decode(u + i, s.len - i, &cp);
        if (!k)
            return 0;
        i += (size_t)k;
    }
    return 1;
}

#ifdef HAVE_JANSSON
static const char *const field_names[VEILLE_F_COUNT_] = {
    "id", "url", "source", "published", "lang", "title", "text"};

static struct {
    int tried, ok;
    json_t *(*loadb)(const char *, size_t, size_t, json_error_t *);
    json_t *(*get)(const json_t *, const char *);
    const char *(*str)(const json_t *);
    size_t (*strlen)(const json_t *);
    void (*del)(json_t *);
} J;

static int jansson_load(void)
{
    if (J.tried)
        return J.ok;
    J.tried = 1;
    void *h = dlopen("libjansson.so.4", RTLD_NOW | RTLD_LOCAL);
    if (!h)
        return 0;
    *(void **)&J.loadb = dlsym(h, "json_loadb");
    *(void **)&J.get = dlsym(h, "json_object_get");
    *(void **)&J.str = dlsym(h, "json_string_value");
    *(void **)&J.strlen = dlsym(h, "json_string_length");
    *(void **)&J.del = dlsym(h, "json_delete");
    J.ok = J.loadb && J.get && J.str && J.strlen && J.del;
    return J.ok;
}

static void differential(const char *line, size_t len, int rc,
                         const veille_article *art, const buf *err)
{
    if (!jansson_load())
        return;
    json_error_t je;
    json_t *root = J.loadb(line, len, JSON_ALLOW_NUL, &je);
    if (!root)
        return; /* jansson refuses more (big numbers, lone surrogates…) */
    if (!json_is_object(root)) {
        J.del(root);
        return;
    }
    int plain = 1; /* every article field a string, null or absent */
    for (int f = 0; f < VEILLE_F_COUNT_; f++) {
        json_t *v = J.get(root, field_names[f]);
        if (!v || json_is_null(v)) {
            if (rc == VEILLE_OK && art->f[f].len != 0) {
                fprintf(stderr, "differential: field %s: jansson none, "
                                "veille \"%.*s\"\n",
                        field_names[f], (int)art->f[f].len, art->f[f].ptr);
                __builtin_trap();
            }
        } else if (json_is_string(v)) {
            size_t n = J.strlen(v);
            if (rc == VEILLE_OK &&
                (n != art->f[f].len || memcmp(J.str(v), art->f[f].ptr, n))) {
                fprintf(stderr, "differential: field %s: jansson %zu bytes, "
                                "veille %zu bytes\n",
                        field_names[f], n, art->f[f].len);
                __builtin_trap();
            }
        } else if (!(f == VEILLE_F_ID && json_is_integer(v))) {
            plain = 0;
        }
    }
    J.del(root);
    if (rc != VEILLE_OK && plain) {
        const char *m = err->len ? err->ptr : "";
        if (strstr(m, "nested too deeply") || strstr(m, "must be a string"))
            return;
        fprintf(stderr, "differential: jansson accepts, veille says: %s\n", m);
        __builtin_trap();
    }
}
#endif

static void parse_direct(const uint8_t *data, size_t size)
{
    arena mem;
    arena_init(&mem, 4096);
    veille_article art;
    memset(&art, 0, sizeof art);
    art.origin = "";
    buf err = BUF_INIT, warn = BUF_INIT;
    int rc = jsonl_parse_article((const char *)data, size, &mem, &art, &err,
                                 &warn);
    if (rc == VEILLE_OK) {
        for (int f = 0; f < VEILLE_F_COUNT_; f++) {
            sink += touch(art.f[f]);
            if (!valid_utf8(art.f[f]))
                __builtin_trap(); /* a field that is not UTF-8 */
        }
    } else if (!err.len) {
        __builtin_trap(); /* an error without a message */
    }
#ifdef HAVE_JANSSON
    /* The same cleaned line through jansson. */
    const char *clean;
    size_t clen;
    if (text_clean_utf8((const char *)data, size, &mem, &clean, &clen, NULL,
                        NULL) >= 0)
        differential(clean, clen, rc, &art, &err);
#endif
    buf_free(&err);
    buf_free(&warn);
    arena_free(&mem);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    parse_direct(data, size);
    if (setup_files() || write_input(data, size, 0))
        return 0;
    read_all(jsonl_path, VEILLE_FMT_JSONL, size);
    if (auto_path[0])
        read_all(auto_path, VEILLE_FMT_AUTO, size);
    /* Again across the reader's chunk boundary. */
    if (write_input(data, size, 1) == 0)
        read_all(jsonl_path, VEILLE_FMT_JSONL, size);
    return 0;
}

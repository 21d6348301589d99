/*
 * reader.c — articles from a file or standard input: JSONL (one article a
 * line) or plain text (the whole input is one article, its file name the
 * id).  Lines are read in chunks of any length up to VEILLE_MAX_ARTICLE;
 * a bad line is reported with file and line and the next one is read.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read.h"

#define CHUNK (64 * 1024)

struct veille_reader {
    FILE *fp;
    int is_stdin;
    char *name;        /* for messages: the path, or "<stdin>" */
    size_t namelen;
    const char *base;  /* file name without folders: a text article's id */
    veille_format fmt;
    int done;
    long line;         /* number of the last line read */
    /* chunked input */
    char *chunk;
    size_t clen, cpos;
    int eof;
    buf linebuf;
    arena mem;         /* per-article */
    veille_article art;
    char origin[512];
    buf err, warn;
};

static int fill(veille_reader *r)
{
    if (r->eof)
        return 0;
    r->clen = fread(r->chunk, 1, CHUNK, r->fp);
    r->cpos = 0;
    if (r->clen == 0) {
        r->eof = 1;
        if (ferror(r->fp))
            return -1;
    }
    return 0;
}

/* Next line into linebuf (without its newline).  Returns 1 with a line, 0
 * at the end, -1 on a read error, -2 for a line past the limit (skipped up
 * to its end). */
static int next_line(veille_reader *r)
{
    buf_clear(&r->linebuf);
    int toolong = 0, any = 0;
    for (;;) {
        if (r->cpos == r->clen) {
            if (fill(r))
                return -1;
            if (r->clen == 0)
                break;
        }
        any = 1;
        char *s = r->chunk + r->cpos;
        size_t n = r->clen - r->cpos;
        char *nl = memchr(s, '\n', n);
        size_t take = nl ? (size_t)(nl - s) : n;
        if (!toolong) {
            if (r->linebuf.len + take > VEILLE_MAX_ARTICLE) {
                toolong = 1;
                buf_free(&r->linebuf);
            } else {
                buf_put(&r->linebuf, s, take);
                if (r->linebuf.oom)
                    return -1;
            }
        }
        r->cpos += take + (nl ? 1 : 0);
        if (nl)
            break;
    }
    if (!any)
        return 0;
    r->line++;
    if (toolong)
        return -2;
    if (r->linebuf.len && r->linebuf.ptr[r->linebuf.len - 1] == '\r')
        r->linebuf.len--;
    /* A byte-order mark at the start of the file is not content. */
    if (r->line == 1 && r->linebuf.len >= 3 &&
        memcmp(r->linebuf.ptr, "\xEF\xBB\xBF", 3) == 0) {
        memmove(r->linebuf.ptr, r->linebuf.ptr + 3, r->linebuf.len - 3);
        r->linebuf.len -= 3;
    }
    return 1;
}

static int ends_with(const char *s, const char *suf)
{
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && strcmp(s + n - m, suf) == 0;
}

int veille_reader_open(veille_reader **out, const char *path,
                       veille_format fmt)
{
    *out = NULL;
    veille_reader *r = calloc(1, sizeof *r);
    if (!r)
        return VEILLE_ENOMEM;
    r->is_stdin = !path || strcmp(path, "-") == 0;
    r->name = strdup(r->is_stdin ? "<stdin>" : path);
    r->chunk = malloc(CHUNK);
    arena_init(&r->mem, 64 * 1024);
    if (!r->name || !r->chunk) {
        veille_reader_free(r);
        return VEILLE_ENOMEM;
    }
    r->namelen = strlen(r->name);
    const char *slash = strrchr(r->name, '/');
    r->base = r->is_stdin ? "stdin" : slash ? slash + 1 : r->name;
    *out = r;
    if (r->is_stdin) {
        r->fp = stdin;
    } else {
        r->fp = fopen(path, "rb");
        if (!r->fp) {
            set_err(&r->err, "%s: cannot open: %s", path, strerror(errno));
            return VEILLE_EIO;
        }
    }
    if (fmt == VEILLE_FMT_AUTO && !r->is_stdin) {
        if (ends_with(path, ".jsonl") || ends_with(path, ".json") ||
            ends_with(path, ".ndjson"))
            fmt = VEILLE_FMT_JSONL;
        else if (ends_with(path, ".txt") || ends_with(path, ".text"))
            fmt = VEILLE_FMT_TEXT;
    }
    if (fmt == VEILLE_FMT_AUTO) {
        /* Sniff: JSONL when the first non-blank byte opens an object. */
        if (fill(r)) {
            set_err(&r->err, "%s: read error: %s", r->name, strerror(errno));
            return VEILLE_EIO;
        }
        size_t i = r->clen >= 3 && memcmp(r->chunk, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
        while (i < r->clen && (r->chunk[i] == ' ' || r->chunk[i] == '\t' ||
                               r->chunk[i] == '\r' || r->chunk[i] == '\n'))
            i++;
        fmt = i < r->clen && r->chunk[i] == '{' ? VEILLE_FMT_JSONL
                                                : VEILLE_FMT_TEXT;
    }
    r->fmt = fmt;
    return VEILLE_OK;
}

void veille_reader_free(veille_reader *r)
{
    if (!r)
        return;
    if (r->fp && !r->is_stdin)
        fclose(r->fp);
    free(r->chunk);
    free(r->name);
    buf_free(&r->linebuf);
    buf_free(&r->err);
    buf_free(&r->warn);
    arena_free(&r->mem);
    free(r);
}

const char *veille_reader_errmsg(const veille_reader *r)
{
    return r->err.len ? r->err.ptr : "";
}

const char *veille_reader_warning(const veille_reader *r)
{
    return r->warn.len ? r->warn.ptr : NULL;
}

/* An id for an article that has none: a hash of its content, so that the
 * same article read twice gets the same id. */
static veille_str content_id(veille_reader *r)
{
    uint64_t h = HASH64_INIT;
    h = hash64(r->art.f[VEILLE_F_TITLE].ptr, r->art.f[VEILLE_F_TITLE].len, h);
    h = hash64("\n", 1, h);
    h = hash64(r->art.f[VEILLE_F_TEXT].ptr, r->art.f[VEILLE_F_TEXT].len, h);
    char tmp[24];
    int n = snprintf(tmp, sizeof tmp, "h%016llx", (unsigned long long)h);
    char *s = arena_strndup(&r->mem, tmp, (size_t)n);
    return s ? (veille_str){s, (size_t)n} : (veille_str){"", 0};
}

/* origin = "name:line", cut as snprintf would cut it (no printf for each
 * article: it cost more than a tenth of reading one). */
static void set_origin(veille_reader *r)
{
    char num[24];
    size_t k = sizeof num;
    unsigned long line = (unsigned long)r->line;
    do {
        num[--k] = (char)('0' + line % 10);
        line /= 10;
    } while (line);
    num[--k] = ':';
    size_t room = sizeof r->origin - 1;
    size_t at = r->namelen < room ? r->namelen : room;
    memcpy(r->origin, r->name, at);
    size_t nn = sizeof num - k < room - at ? sizeof num - k : room - at;
    memcpy(r->origin + at, num + k, nn);
    r->origin[at + nn] = '\0';
}

static int next_jsonl(veille_reader *r, const veille_article **out)
{
    for (;;) {
        int l = next_line(r);
        if (l == 0)
            return 0;
        if (l == -1) {
            set_err(&r->err, "%s:%ld: read error: %s", r->name, r->line + 1,
                    strerror(errno));
            return VEILLE_EIO;
        }
        if (l == -2) {
            set_err(&r->err, "%s:%ld: line longer than %zu MiB, skipped",
                    r->name, r->line, VEILLE_MAX_ARTICLE >> 20);
            return VEILLE_ETOOBIG;
        }
        /* Blank lines are allowed between articles. */
        size_t i = 0;
        while (i < r->linebuf.len &&
               (r->linebuf.ptr[i] == ' ' || r->linebuf.ptr[i] == '\t'))
            i++;
        if (i == r->linebuf.len)
            continue;
        set_origin(r);
        buf errb = BUF_INIT;
        int rc = jsonl_parse_article(r->linebuf.ptr, r->linebuf.len, &r->mem,
                                     &r->art, &errb,
                                     &r->warn);
        if (rc) {
            set_err(&r->err, "%s:%ld: %s", r->name, r->line,
                    buf_cstr(&errb));
            buf_free(&errb);
            return rc;
        }
        buf_free(&errb);
        if (!r->art.f[VEILLE_F_ID].len)
            r->art.f[VEILLE_F_ID] = content_id(r);
        if (r->warn.len) {
            buf tmp = BUF_INIT;
            buf_printf(&tmp, "%s (article %.*s): %s", r->origin,
                       (int)r->art.f[VEILLE_F_ID].len,
                       r->art.f[VEILLE_F_ID].ptr, r->warn.ptr);
            buf_free(&r->warn);
            r->warn = tmp;
        }
        *out = &r->art;
        return 1;
    }
}

static int next_text(veille_reader *r, const veille_article **out)
{
    if (r->done)
        return 0;
    r->done = 1;
    buf_clear(&r->linebuf);
    for (;;) {
        if (r->cpos < r->clen) {
            if (r->linebuf.len + (r->clen - r->cpos) > VEILLE_MAX_ARTICLE) {
                set_err(&r->err, "%s: more than %zu MiB, skipped", r->name,
                        VEILLE_MAX_ARTICLE >> 20);
                return VEILLE_ETOOBIG;
            }
            buf_put(&r->linebuf, r->chunk + r->cpos, r->clen - r->cpos);
            if (r->linebuf.oom) {
                set_err(&r->err, "%s: out of memory", r->name);
                return VEILLE_ENOMEM;
            }
            r->cpos = r->clen;
        }
        if (fill(r)) {
            set_err(&r->err, "%s: read error: %s", r->name, strerror(errno));
            return VEILLE_EIO;
        }
        if (r->clen == 0)
            break;
    }
    const char *s = r->linebuf.ptr ? r->linebuf.ptr : "";
    size_t n = r->linebuf.len;
    const char *nul = memchr(s, '\0', n);
    if (nul) {
        set_err(&r->err,
                "%s: a NUL byte at offset %zu: a binary file, not text; "
                "skipped",
                r->name, (size_t)(nul - s));
        return VEILLE_EPARSE;
    }
    for (int f = 0; f < VEILLE_F_COUNT_; f++)
        r->art.f[f] = (veille_str){"", 0};
    r->art.f[VEILLE_F_ID] = (veille_str){r->base, strlen(r->base)};
    r->art.f[VEILLE_F_TEXT] = (veille_str){s, n};
    snprintf(r->origin, sizeof r->origin, "%s", r->name);
    *out = &r->art;
    return 1;
}

int veille_reader_next(veille_reader *r, const veille_article **out)
{
    *out = NULL;
    if (!r->fp)
        return VEILLE_EIO;
    arena_reset(&r->mem);
    buf_clear(&r->err);
    buf_free(&r->warn);
    r->art.origin = r->origin;
    return r->fmt == VEILLE_FMT_JSONL ? next_jsonl(r, out) : next_text(r, out);
}

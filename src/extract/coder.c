/*
 * coder.c — one article through the pipeline: normalize (UTF-8, NFC),
 * segment (tokens, sentences, language), recognize (dictionary matches),
 * assemble (events).  All per-article memory comes from the coder's arena,
 * reset at the start of each article.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "xdoc.h"

int veille_coder_new(veille_coder **out, const veille_ctx *ctx)
{
    *out = NULL;
    if (!ctx || !ctx->lex)
        return VEILLE_EINVAL;
    veille_coder *c = calloc(1, sizeof *c);
    if (!c)
        return VEILLE_ENOMEM;
    c->ctx = ctx;
    arena_init(&c->mem, 256 * 1024);
    *out = c;
    return VEILLE_OK;
}

void veille_coder_free(veille_coder *c)
{
    if (!c)
        return;
    arena_free(&c->mem);
    x_geo_memo_free(c->geo_memo);
    buf_free(&c->folded);
    buf_free(&c->err);
    free(c);
}

const char *veille_coder_errmsg(const veille_coder *c)
{
    return c->err.len ? c->err.ptr : "";
}

void coder_warn(veille_coder *c, const char *fmt, ...)
{
    c->warnings_seen++;
    if (c->nwarnings >= CODER_MAX_WARNINGS)
        return;
    char tmp[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    char *w = arena_strndup(&c->mem, tmp, strlen(tmp));
    if (w)
        c->warnings[c->nwarnings++] = w;
}

typedef struct {
    veille_coder *c;
    const veille_str *id;
    long n;
} badbyte_state;

static void on_badbyte(void *user, size_t off, unsigned byte)
{
    badbyte_state *st = user;
    if (++st->n <= 5)
        coder_warn(st->c,
                   "article %.*s: invalid UTF-8 byte 0x%02X at text offset "
                   "%zu replaced by U+FFFD",
                   (int)st->id->len, st->id->ptr, byte, off);
}

int veille_code(veille_coder *c, const veille_article *a,
                const veille_code_options *opts)
{
    arena_reset(&c->mem);
    buf_clear(&c->err);
    c->events = NULL;
    c->nevents = 0;
    c->nwarnings = 0;
    c->warnings_seen = 0;
    c->lang = "fr";
    c->opts = opts;
    memset(&c->doc, 0, sizeof c->doc);

    const veille_str *id = &a->f[VEILLE_F_ID];
    veille_str text = a->f[VEILLE_F_TEXT];
    if (!text.len)
        text = a->f[VEILLE_F_TITLE];
    if (text.len > VEILLE_MAX_ARTICLE) {
        set_err(&c->err, "article %.*s: %zu bytes of text, more than the "
                         "limit of %zu",
                (int)id->len, id->ptr, text.len, VEILLE_MAX_ARTICLE);
        return VEILLE_ETOOBIG;
    }
    if (!text.len) {
        coder_warn(c, "article %.*s: no text and no title, nothing to code",
                   (int)id->len, id->ptr);
        return VEILLE_OK;
    }

    /* normalize */
    const char *clean, *nfc;
    size_t clen, nlen;
    badbyte_state bs = {c, id, 0};
    long nbad = text_clean_utf8(text.ptr, text.len, &c->mem, &clean, &clen,
                                on_badbyte, &bs);
    if (nbad < 0)
        goto nomem;
    if (nbad > 5)
        coder_warn(c, "article %.*s: %ld invalid UTF-8 bytes in all",
                   (int)id->len, id->ptr, nbad);
    if (text_nfc(clean, clen, &c->mem, &nfc, &nlen))
        goto nomem;

    /* segment */
    if (text_tokenize(&c->doc, nfc, nlen, &c->mem, &c->folded) ||
        text_sentences(&c->doc, &c->mem))
        goto nomem;
    const char *lang = opts && opts->lang ? opts->lang : NULL;
    veille_str al = a->f[VEILLE_F_LANG];
    if (!lang && al.len >= 2 && (al.ptr[0] | 32) == 'e' &&
        (al.ptr[1] | 32) == 'n')
        lang = "en";
    else if (!lang && al.len >= 2 && (al.ptr[0] | 32) == 'f' &&
             (al.ptr[1] | 32) == 'r')
        lang = "fr";
    if (!lang)
        lang = text_guess_lang(&c->doc);
    c->lang = strcmp(lang, "en") == 0 ? "en" : "fr";
    int lmask = c->lang[0] == 'e' ? LANG_EN : LANG_FR;

    /* recognize */
    lex_match *m;
    long nm = lex_match_doc(c->ctx->lex, &c->doc, lmask, &c->mem, &m);
    if (nm < 0)
        goto nomem;
    /* a casualty phrase of class "none" ("toll booth") has done its work
     * by being the longest match: it counts nobody, and no later stage
     * sees it */
    size_t kept = 0;
    for (size_t i = 0; i < (size_t)nm; i++)
        if (m[i].kind != LEX_CASUALTY ||
            strcmp(lex_entry_at(c->ctx->lex, m[i].entry)->cls, "none") != 0)
            m[kept++] = m[i];
    nm = (long)kept;

    /* assemble */
    if (extract_events(c, a, m, (size_t)nm, lmask))
        goto nomem;
    return VEILLE_OK;
nomem:
    set_err(&c->err, "article %.*s: out of memory", (int)id->len, id->ptr);
    return VEILLE_ENOMEM;
}

size_t veille_event_count(const veille_coder *c) { return c->nevents; }

const veille_event *veille_event_at(const veille_coder *c, size_t i)
{
    return i < c->nevents ? &c->events[i] : NULL;
}

const char *veille_coded_lang(const veille_coder *c) { return c->lang; }

size_t veille_warning_count(const veille_coder *c) { return c->nwarnings; }

const char *veille_warning_at(const veille_coder *c, size_t i)
{
    return i < c->nwarnings ? c->warnings[i] : NULL;
}

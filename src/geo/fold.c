/*
 * fold.c — the folded keys of place names, the same way for the importer
 * and for queries: the tokens text_tokenize makes of a name, folded
 * (lower case, no accents, ’ → '), joined with one space.  Matching an
 * article then means joining its folded tokens the same way.
 */
#include "geoint.h"

void folder_init(folder *f)
{
    arena_init(&f->mem, 16 * 1024);
    f->tok = (buf)BUF_INIT;
}

void folder_free(folder *f)
{
    arena_free(&f->mem);
    buf_free(&f->tok);
}

int folder_fold(folder *f, const char *s, size_t n, buf *out)
{
    textdoc doc;
    arena_reset(&f->mem);
    if (text_tokenize(&doc, s, n, &f->mem, &f->tok))
        return -1;
    size_t start = out->len;
    for (size_t i = 0; i < doc.ntok; i++) {
        const token *t = &doc.toks[i];
        if (t->flen == 0)
            continue;
        if (out->len > start)
            buf_putc(out, ' ');
        buf_put(out, tok_fold(&doc, t), t->flen);
    }
    buf_put(out, "", 0); /* out->ptr is a string even when empty */
    return out->oom ? -1 : 0;
}

int gaz_fold(const char *s, size_t n, buf *out)
{
    folder f;
    folder_init(&f);
    int rc = folder_fold(&f, s, n, out);
    folder_free(&f);
    return rc;
}

/* Inner hyphens are those the tokenizer kept inside a word: never next to
 * a space or at an end (a lone "-" is a token of its own, between
 * spaces). */
size_t unhyphen(const char *s, size_t n, char *out)
{
    size_t changed = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '-' && i > 0 && i + 1 < n && s[i - 1] != ' ' &&
            s[i + 1] != ' ' && s[i - 1] != '-' && s[i + 1] != '-') {
            c = ' ';
            changed++;
        }
        out[i] = c;
    }
    return changed;
}

/* "-n-" inside a word, after a letter: GeoNames writes Tamasheq names
 * "I-n-Tillit", "Ti-n-Zaouâtene" where the press writes "In-Tillit",
 * "Tin Zaouatene". */
size_t join_n(const char *s, size_t n, char *out)
{
    size_t o = 0, joined = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '-' && i > 0 && i + 2 < n && s[i + 1] == 'n' &&
            s[i + 2] == '-' && s[i - 1] != ' ' && s[i - 1] != '-') {
            out[o++] = 'n';
            out[o++] = '-';
            i += 2;
            joined++;
            continue;
        }
        out[o++] = s[i];
    }
    return joined ? o : 0;
}

/* "n'x"/"m'x" at the start of a word: the tokenizer keeps "N'Goutjina"
 * whole (a capital after the apostrophe) but cuts "N'goutjina" as the
 * elision "n'" + "goutjina". */
size_t split_elision(const char *s, size_t n, char *out)
{
    size_t o = 0, split = 0;
    for (size_t i = 0; i < n; i++) {
        out[o++] = s[i];
        if ((s[i] == 'n' || s[i] == 'm') && (i == 0 || s[i - 1] == ' ') &&
            i + 2 < n && s[i + 1] == '\'' && s[i + 2] != ' ') {
            out[o++] = '\'';
            out[o++] = ' ';
            i++;
            split++;
        }
    }
    return split ? o : 0;
}

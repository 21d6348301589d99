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

static int ascii_letter(unsigned char c)
{
    return (c | 32) >= 'a' && (c | 32) <= 'z';
}

/* The common case without the tokenizer: ASCII letters, blanks, and
 * hyphens between two letters.  The tokenizer would make one word of each
 * run of letters and inner hyphens, so the key is the lower-cased words
 * joined with one space.  Returns 0 when s is not that simple. */
static int fold_simple(const char *s, size_t n, buf *out)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = u[i];
        if (ascii_letter(c) || c == ' ' || c == '\t')
            continue;
        if (c == '-' && i > 0 && i + 1 < n && ascii_letter(u[i - 1]) &&
            ascii_letter(u[i + 1]))
            continue;
        return 0;
    }
    if (buf_reserve(out, n))
        return -1;
    char *o = out->ptr + out->len, *start = o;
    int gap = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = u[i];
        if (c == ' ' || c == '\t') {
            gap = o > start;
            continue;
        }
        if (gap)
            *o++ = ' ';
        gap = 0;
        *o++ = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    out->len += (size_t)(o - start);
    out->ptr[out->len] = '\0';
    return 1;
}

int folder_fold(folder *f, const char *s, size_t n, buf *out)
{
    int simple = fold_simple(s, n, out);
    if (simple)
        return simple < 0 ? -1 : 0;
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
    int simple = fold_simple(s, n, out);
    if (simple)
        return simple < 0 ? -1 : 0;
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

/* "I-n-Tillit", "Ti-n-Ama": the press writes "Intillit", "N'Tillit",
 * "Ntillit", "Tinama". */
size_t tamasheq_in(const char *s, size_t n, int drop, char *out)
{
    for (size_t i = 0; i + 4 < n; i++) {
        if (i > 0 && s[i - 1] != ' ')
            continue;
        size_t head = s[i] == 'i' ? 1 : s[i] == 't' && s[i + 1] == 'i' ? 2 : 0;
        if (!head || (drop && head != 1) || i + head + 3 >= n ||
            memcmp(s + i + head, "-n-", 3) != 0 || s[i + head + 3] == ' ' ||
            s[i + head + 3] == '-')
            continue;
        size_t o = i;
        memcpy(out, s, i);
        if (!drop) {
            memcpy(out + o, s + i, head);
            o += head;
        }
        out[o++] = 'n';
        size_t rest = i + head + 3;
        memcpy(out + o, s + rest, n - rest);
        return o + n - rest;
    }
    return 0;
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

/* Sahel names open on a prenasal consonant that the press and GeoNames
 * write three ways: N'Guigmi, N Guigmi, Nguigmi; M'Bera, Mbera. */
static int consonant(char c)
{
    return c >= 'a' && c <= 'z' && !strchr("aeiouy", c);
}

size_t prenasal(const char *s, size_t n, char sep, char *out)
{
    size_t o = 0, done = 0;
    for (size_t i = 0; i < n; i++) {
        out[o++] = s[i];
        int start = (s[i] == 'n' || s[i] == 'm') && (i == 0 || s[i - 1] == ' ');
        if (!start)
            continue;
        if (sep && i + 1 < n && consonant(s[i + 1])) {
            out[o++] = sep;
            done++;
        } else if (!sep && i + 2 < n && (s[i + 1] == '\'' || s[i + 1] == ' ') &&
                   consonant(s[i + 2])) {
            i++; /* the mark goes */
            done++;
        }
    }
    return done ? o : 0;
}

/*
 * segment.c — sentences over tokens (segment stage, second half).
 *
 * A sentence ends after . ! ? … (and any closing quotes or brackets that
 * follow) when the next token opens a sentence (a capital, a digit, an
 * opening quote or dash) — unless the word before the period is an
 * abbreviation (M., Gén., U.N., Nov.) or an initial.  A blank line always
 * ends a sentence; a single line break does when the next line starts with
 * a capital and the line before has no final punctuation (a headline).
 */
#include <stdlib.h>
#include <string.h>

#include "text.h"

/* Folded abbreviations that a period does not close, French and English.
 * Kept sorted for bsearch. */
static const char *const abbrevs[] = {
    "adj",  "apr",  "art",   "aug",  "av",   "bd",   "brig",  "capt", "cdt",
    "cf",   "cie",  "cmdt",  "cne",  "co",   "col",  "corp",  "cpl",  "dec",
    "dept", "dr",   "feb",   "fev",  "fevr", "gal",  "gen",   "gov",  "hon",
    "inc",  "jan",  "janv",  "jr",   "juil", "jul",  "jun",   "lieut", "lt",
    "ltd",  "maj",  "mar",   "me",   "mgr",  "mlle", "mm",    "mme",  "mmes",
    "mr",   "mrs",  "ms",    "mt",   "no",   "nov",  "oct",   "pr",   "prof",
    "pte",  "rep",  "rev",   "sen",  "sep",  "sept", "sgt",   "sr",   "st",
    "ste",  "vol",  "vs",
};

static int cmp_abbrev(const void *k, const void *e)
{
    return strcmp((const char *)k, *(const char *const *)e);
}

int text_is_abbrev(const char *folded, size_t n)
{
    char key[8];
    if (n == 0 || n >= sizeof key)
        return 0;
    memcpy(key, folded, n);
    key[n] = '\0';
    return bsearch(key, abbrevs, sizeof abbrevs / sizeof *abbrevs,
                   sizeof *abbrevs, cmp_abbrev) != NULL;
}

static int tok_is(const textdoc *d, const token *t, const char *s)
{
    size_t n = strlen(s);
    return t->flen == n && memcmp(tok_fold(d, t), s, n) == 0;
}

static int is_final_punct(const textdoc *d, const token *t)
{
    return t->kind == TOK_PUNCT &&
           (tok_is(d, t, ".") || tok_is(d, t, "!") || tok_is(d, t, "?") ||
            tok_is(d, t, "…") || tok_is(d, t, "..."));
}

static int is_closer(const textdoc *d, const token *t)
{
    if (t->kind != TOK_PUNCT)
        return 0;
    static const char *const cl[] = {"»", "\"", "”", "'", ")", "]", "›"};
    for (size_t i = 0; i < sizeof cl / sizeof *cl; i++)
        if (tok_is(d, t, cl[i]))
            return 1;
    return 0;
}

static int opens_sentence(const textdoc *d, const token *t)
{
    if (t->flags & TOKF_CAP)
        return 1;
    if (t->kind == TOK_NUMBER || t->kind == TOK_DATE || t->kind == TOK_ORDINAL)
        return 1;
    if (t->kind == TOK_PUNCT) {
        static const char *const op[] = {"«", "\"", "“", "(", "-", "–", "—",
                                         "'", "‘", "[", "‹", "•", "*"};
        for (size_t i = 0; i < sizeof op / sizeof *op; i++)
            if (tok_is(d, t, op[i]))
                return 1;
    }
    return 0;
}

/* Does the period token at index p end nothing because the word before it
 * is an abbreviation or an initial? */
static int period_after_abbrev(const textdoc *d, size_t p)
{
    if (p == 0 || !tok_is(d, &d->toks[p], "."))
        return 0;
    const token *w = &d->toks[p - 1];
    if (w->kind != TOK_WORD || w->off + w->len != d->toks[p].off)
        return 0;
    if (text_is_abbrev(tok_fold(d, w), w->flen))
        return 1;
    /* A capital letter: an initial (J. Smith) or part of U.N. / É.-U.; a
     * small one only inside an abbreviation with periods (e.g.). */
    if (w->flags & TOKF_CAP)
        return w->flen == 1 || (w->len <= 2 && w->flen <= 2 && w->len != w->flen);
    if (w->flen == 1 && p >= 2) {
        const token *before = &d->toks[p - 2];
        return tok_is(d, before, ".") && before->off + before->len == w->off;
    }
    return 0;
}

static int push(textdoc *d, arena *a, size_t *cap, size_t first, size_t end)
{
    if (end <= first)
        return 0;
    sentence *ns = arena_grow(a, d->sents, cap, d->nsent + 1, sizeof *ns, 32);
    if (!ns)
        return -1;
    d->sents = ns;
    sentence *s = &d->sents[d->nsent];
    s->first = (uint32_t)first;
    s->count = (uint32_t)(end - first);
    s->off = d->toks[first].off;
    const token *last = &d->toks[end - 1];
    s->len = last->off + last->len - s->off;
    for (size_t i = first; i < end; i++)
        d->toks[i].sent = (uint32_t)d->nsent;
    d->nsent++;
    return 0;
}

int text_sentences(textdoc *d, arena *a)
{
    size_t cap = 0, first = 0;
    for (size_t i = 0; i < d->ntok; i++) {
        const token *t = &d->toks[i];
        /* Breaks before token i, decided by the whitespace before it. */
        if (i > first) {
            int brk = 0;
            if (t->flags & TOKF_PARA)
                brk = 1;
            else if ((t->flags & TOKF_NL) && opens_sentence(d, t)) {
                const token *prev = &d->toks[i - 1];
                /* "…frappé\nKidal": a wrapped line starting with a name is
                 * rare next to a headline or list item; prefer the break
                 * unless the previous line ends on a comma or a joiner. */
                brk = !(prev->kind == TOK_PUNCT &&
                        (tok_is(d, prev, ",") || tok_is(d, prev, ":") ||
                         tok_is(d, prev, ";") || tok_is(d, prev, "-")));
                if (prev->kind == TOK_WORD && (prev->flags & TOKF_ELISION))
                    brk = 0;
            }
            if (brk) {
                if (push(d, a, &cap, first, i))
                    return -1;
                first = i;
            }
        }
        if (!is_final_punct(d, t) || period_after_abbrev(d, i))
            continue;
        size_t end = i + 1;
        while (end < d->ntok && (is_final_punct(d, &d->toks[end]) ||
                                 is_closer(d, &d->toks[end])))
            end++;
        if (end < d->ntok && !opens_sentence(d, &d->toks[end]))
            continue;
        if (push(d, a, &cap, first, end))
            return -1;
        first = end;
        i = end - 1;
    }
    if (push(d, a, &cap, first, d->ntok))
        return -1;
    return 0;
}

/*
 * lang.c — French or English, from function words, for articles that do
 * not say.  Only the first 2,000 tokens are read: enough for any article.
 */
#include <string.h>

#include "text.h"

static int in_list(const char *w, size_t n, const char *const *list)
{
    for (; *list; list++)
        if (strlen(*list) == n && memcmp(*list, w, n) == 0)
            return 1;
    return 0;
}

const char *text_guess_lang(const textdoc *doc)
{
    static const char *const fr[] = {
        "le", "la", "les", "des", "du", "de", "et", "est", "dans", "pour",
        "par", "une", "un", "sur", "au", "aux", "qui", "que", "ont",
        "l'", "d'", "qu'", "ces", "cette", "selon", "avec", "ont", "pas",
        "sont", "ete", "leur", NULL};
    static const char *const en[] = {
        "the", "of", "and", "in", "to", "was", "were", "by", "on", "an",
        "is", "that", "with", "from", "at", "for", "have", "has", "had",
        "they", "their", "been", "which", "said", "after", "its", NULL};
    size_t nfr = 0, nen = 0;
    size_t n = doc->ntok < 2000 ? doc->ntok : 2000;
    for (size_t i = 0; i < n; i++) {
        const token *t = &doc->toks[i];
        if (t->kind != TOK_WORD || t->flen > 6)
            continue;
        const char *w = tok_fold(doc, t);
        if (in_list(w, t->flen, fr))
            nfr++;
        else if (in_list(w, t->flen, en))
            nen++;
    }
    return nen > nfr ? "en" : "fr";
}

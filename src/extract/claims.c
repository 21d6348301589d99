/*
 * claims.c — who says it (claimant) and how sure the wording is
 * (certainty): "L'armée malienne a annoncé", "selon l'ONU", "JNIM
 * claimed", "according to local sources"; "vraisemblablement",
 * "reportedly" (hedged), "a démenti" (denied), "a revendiqué" (claimed).
 */
#include <string.h>

#include "xdoc.h"

static int rank(const char *c)
{
    if (strcmp(c, "denied") == 0)
        return 3;
    if (strcmp(c, "hedged") == 0)
        return 2;
    if (strcmp(c, "claimed") == 0)
        return 1;
    return 0;
}

void x_claim(const xdoc *x, size_t si, xclaim *out)
{
    const sentence *s = &x->d->sents[si];
    size_t lo = s->first, hi = s->first + s->count;
    memset(out, 0, sizeof *out);
    out->certainty = "stated";
    const lex_match *last_actor = NULL;
    for (size_t t = lo; t < hi; t++) {
        const lex_match *h = x_at(x, t, LEX_HEDGE);
        if (h) {
            const char *c = x_entry(x, h)->cls;
            if (rank(c) > rank(out->certainty)) {
                out->certainty = c;
                out->cert_first = (uint32_t)t;
                out->cert_count = h->count;
            }
            /* "Le JNIM a revendiqué", "JNIM claimed": the claimant */
            if (!strcmp(c, "claimed") && !out->who_count && last_actor) {
                out->claimant = last_actor;
                out->who_first = last_actor->first;
                out->who_count = last_actor->count;
            }
        }
        const lex_match *a = x_at(x, t, LEX_ACTOR);
        if (a)
            last_actor = a;
        const lex_match *r = x_at(x, t, LEX_REPORT);
        if (!r || out->who_count)
            continue;
        size_t after = t + r->count;
        /* The actor after "selon", or after an inverted verb ("a annoncé
         * l'état-major"); else the one before the verb ("X said"). */
        const lex_match *next = NULL;
        for (size_t j = after; j < hi && j < after + 4 && !next; j++) {
            /* "a annoncé que des terroristes…": a clause, not a speaker */
            if (x_is(x, j, "que") || x_is(x, j, "qu'") || x_is(x, j, "that"))
                break;
            next = x_at(x, j, LEX_ACTOR);
        }
        int is_source = strcmp(x_entry(x, r)->cls, "source") == 0;
        /* "a annoncé lundi l'état-major": the actor right after an
         * inverted verb speaks; else the subject before it */
        int inverted = next && next->first <= after + 2 &&
                       !(last_actor && last_actor->first + last_actor->count + 3 > t);
        const lex_match *who = is_source || inverted ? next
                               : (last_actor ? last_actor : next);
        if (who) {
            out->claimant = who;
            out->who_first = who->first;
            out->who_count = who->count;
        } else if (!is_source) {
            /* "Le ministère a indiqué": the few words of the subject */
            static const char *const aux[] = {"a", "ont", "avait", "avaient",
                                              "has", "have", "had", NULL};
            size_t e = t;
            while (e > lo && x_in(x, e - 1, aux))
                e--;
            size_t j = e;
            while (j > lo && e - j < 5 && x->d->toks[j - 1].kind != TOK_PUNCT)
                j--;
            if (j < e && (j == lo || x->d->toks[j - 1].kind == TOK_PUNCT)) {
                out->who_first = (uint32_t)j;
                out->who_count = (uint32_t)(e - j);
            }
        } else {
            /* "selon des sources locales": the words up to a comma */
            size_t j = after;
            while (j < hi && j < after + 6 && x->d->toks[j].kind != TOK_PUNCT)
                j++;
            if (j > after) {
                out->who_first = (uint32_t)after;
                out->who_count = (uint32_t)(j - after);
            }
        }
    }
}

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

/* "a suspected cattle thief", "un présumé voleur", "le voleur présumé":
 * the doubt is about what a person is, not about the event.  An adjective
 * of doubt after a determiner and before a word that names neither an
 * actor nor an act, or after such a determiner and word, qualifies that
 * word alone ("suspected militants", "l'attaque présumée" stay hedged). */
static int doubt_on_a_noun(const xdoc *x, const lex_match *h, size_t lo, size_t hi)
{
    static const char *const adjectival[] = {"suspected", "presume", NULL};
    const char *id = x_entry(x, h)->id;
    int adj = 0;
    for (size_t i = 0; adjectival[i]; i++)
        adj |= !strcmp(id, adjectival[i]);
    if (!adj)
        return 0;
    static const char *const det[] = {"a", "an", "the", "un", "une", "le",
                                      "la", "l'", "les", "des", "du", NULL};
    size_t t = h->first, e = h->first + h->count;
    if (t > lo && x_in(x, t - 1, det) && e < hi && x->d->toks[e].kind == TOK_WORD &&
        !x_at(x, e, LEX_ACTOR) && !x_at(x, e, LEX_TRIGGER) && !x_at(x, e, LEX_HEDGE) &&
        !x_is(x, e, "of") && !x_is(x, e, "de") && !x_is(x, e, "d'"))
        return 1;
    return t > lo + 1 && x_in(x, t - 2, det) && x->d->toks[t - 1].kind == TOK_WORD &&
           !x_at_end(x, t - 1, LEX_ACTOR) && !x_at_end(x, t - 1, LEX_TRIGGER);
}

static const char *const passive_aux[] = {"was", "were", "been", "being",
                                          "is", "are", "ete", "fut", NULL};

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
            if (rank(c) > rank(out->certainty) && !doubt_on_a_noun(x, h, lo, hi)) {
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
        /* "…to armed groups, a security source said": an actor far
         * before the verb is not its subject */
        int near = last_actor && last_actor->first + last_actor->count + 3 > t;
        int inverted = next && next->first <= after + 2 && !near;
        const lex_match *who = is_source || inverted ? next
                               : (near ? last_actor : next);
        /* "clashes were reported between militants and soldiers": a
         * passive report names its speaker only after "by" */
        int passive = !is_source && ((t > lo && x_in(x, t - 1, passive_aux)) ||
                                     (t > lo + 1 && x_in(x, t - 2, passive_aux)));
        if (passive && !(after < hi && (x_is(x, after, "by") || x_is(x, after, "par"))))
            who = NULL;
        if (who) {
            out->claimant = who;
            out->who_first = who->first;
            out->who_count = who->count;
        } else if (passive) {
            ; /* "no incidents were reported", "gunfire was also reported":
               * nobody is said to speak */
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
            /* "no casualties reported", "outcome not reported": what was
             * (not) reported, not who reports */
            static const char *const what[] = {"no", "not", "none", "aucun",
                                               "aucune", "pas", NULL};
            int told = 1;
            for (size_t k = j; k < e && told; k++)
                told = !x_in(x, k, what) && !x_at(x, k, LEX_CASUALTY) &&
                       !x_at(x, k, LEX_TRIGGER);
            if (told && j < e && (j == lo || x->d->toks[j - 1].kind == TOK_PUNCT)) {
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

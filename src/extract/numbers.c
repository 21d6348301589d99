/*
 * numbers.c — counts and fatalities.
 *
 * A count is digits ("12", "1 200") or number words from the dictionaries
 * ("douze", "vingt-cinq", "une dizaine" = 10 and "des dizaines" = 12 by
 * ACLED's conventions, "deux cents" = 2 × 100).  Fatalities are the counts
 * next to a "killed" word ("cinq civils tués", "killing five soldiers",
 * "12 morts"), added up over the sentence: the attackers' dead count too;
 * the wounded do not.  A count the report's own coder states ("Unknown
 * fatalities coded as 10") replaces them.
 */
#include <stdlib.h>
#include <limits.h>
#include <string.h>

#include "xdoc.h"

/* A single number token or number-word match at t. */
static long atom(const xdoc *x, size_t t, size_t *end)
{
    const token *k = &x->d->toks[t];
    if (k->kind == TOK_NUMBER) {
        const char *f = tok_fold(x->d, k);
        if (memchr(f, '.', k->flen) || k->flen > 9)
            return -1; /* a decimal or an absurd count */
        *end = t + 1;
        return strtol(f, NULL, 10);
    }
    const lex_match *m = x_at(x, t, LEX_NUMBER);
    if (!m)
        return -1;
    *end = t + m->count;
    return x_entry(x, m)->num;
}

long x_number(const xdoc *x, size_t t, size_t limit, size_t *end)
{
    if (t >= limit || (x->tf[t] & XT_DATE))
        return -1;
    size_t e;
    long v = atom(x, t, &e);
    if (v < 0)
        return -1;
    /* Words that build one number: deux cents, vingt et un, 3 millions. */
    long total = 0, cur = v;
    for (;;) {
        size_t n = e;
        if (n < limit && (x_is(x, n, "et") || x_is(x, n, "and")) &&
            cur >= 20 && cur % 10 == 0)
            n++;
        size_t e2;
        long w = n < limit ? atom(x, n, &e2) : -1;
        if (w < 0)
            break;
        if (w == 100 || w == 1000 || w == 1000000) {
            if (cur >= w)
                break;
            cur = (cur ? cur : 1) * w;
            if (w >= 1000) {
                total += cur;
                cur = 0;
            }
        } else if (cur % 100 == 0 && w < 100 && cur) {
            cur += w;
        } else if (cur >= 20 && cur % 10 == 0 && cur < 100 && w < 10) {
            cur += w; /* quatre-vingt … dix-sept forms written apart */
        } else {
            break;
        }
        e = e2;
    }
    *end = e;
    return total + cur;
}

/* Tokens after a number that make it something else than a count. */
static int is_unit(const xdoc *x, size_t t)
{
    static const char *const units[] = {
        "km", "kilometres", "kilometre", "kilometers", "kilometer", "kms",
        "miles", "mile", "m", "metres", "meters", "ans", "an", "years",
        "year", "heures", "heure", "h", "hours", "hour", "minutes", "jours",
        "days", "%", "pour", "percent", "fcfa", "francs", "dollars", "euros",
        "mois", "months", "month", "weeks", "week", "semaines", "semaine",
        "day", "jour", "nights", "nuits", "nuit", "night", "events",
        "evenements", "incidents",
        /* "killing several animals": beasts are no fatalities */
        "animals", "animal", "livestock", "cattle", "cows", "goats", "sheep",
        "camels", "donkeys", "animaux", "betail", "boeufs", "vaches",
        "chevres", "moutons", "chameaux", "anes", NULL};
    /* "a 50-year-old man": an age ("year-old" is one word) */
    if (t + 1 < x->d->ntok && x_is(x, t, "-")) {
        t++;
        const token *w = &x->d->toks[t];
        const char *f = tok_fold(x->d, w);
        const char *h = memchr(f, '-', w->flen);
        for (size_t k = 0; h && units[k]; k++)
            if ((size_t)(h - f) == strlen(units[k]) && !memcmp(f, units[k], (size_t)(h - f)))
                return 1;
    }
    return t < x->d->ntok && x_in(x, t, units);
}

/* Punctuation that ends the phrase of a count: brackets and dashes do not
 * ("trois VDP (volontaires) tués"). */
static int stops(const xdoc *x, size_t t)
{
    const token *k = &x->d->toks[t];
    if (k->kind != TOK_PUNCT || k->flen != 1)
        return 0;
    return strchr(",;:.!?", tok_fold(x->d, k)[0]) != NULL;
}

/* "a notable and his son", "un commerçant et son fils": after the one
 * at j, a second person.  Sets *ne past it. */
static int and_another(const xdoc *x, size_t j, size_t hi, size_t *ne)
{
    static const char *const and[] = {"and", "et", NULL};
    static const char *const another[] = {"his", "her", "a", "an", "another",
                                          "son", "sa", "un", "une", "the",
                                          NULL};
    for (size_t k = j + 2; k < j + 5 && k + 2 < hi; k++) {
        if (x->d->toks[k - 1].kind != TOK_WORD)
            break;
        if (x_in(x, k, and) && x_in(x, k + 1, another) &&
            x->d->toks[k + 2].kind == TOK_WORD) {
            *ne = k + 3;
            return 1;
        }
    }
    return 0;
}

/* "the mayor and three others", "le maire et trois autres personnes":
 * after the one person at j, a count of others.  Returns it and sets *ne
 * past it, or 0. */
static long and_others(const xdoc *x, size_t j, size_t hi, size_t *ne)
{
    static const char *const and[] = {"and", "et", NULL};
    static const char *const others[] = {"others", "other", "autres", NULL};
    for (size_t k = j + 1; k < j + 5 && k + 2 < hi; k++) {
        if (stops(x, k))
            return 0;
        if (!x_in(x, k, and))
            continue;
        size_t e;
        long v = x_number(x, k + 1, hi, &e);
        if (v > 0 && e < hi && x_in(x, e, others)) {
            *ne = e + 1;
            return v;
        }
        return 0;
    }
    return 0;
}

/* Does an object follow the casualty verb ending at t ("shot dead a
 * man", "ont tué trois civils", "killed JNIM fighters")? */
static int has_object(const xdoc *x, size_t t, size_t hi)
{
    /* French "a" is "à" or the verb: "tués à Djibo" has no object */
    static const char *const one_en[] = {"a", "an", NULL};
    static const char *const one_fr[] = {"un", "une", NULL};
    if (t >= hi)
        return 0;
    if (x_in(x, t, x->lang == LANG_EN ? one_en : one_fr) || x_at(x, t, LEX_ACTOR))
        return 1;
    size_t e;
    if ((x->tf[t] & XT_USED) || x_number(x, t, hi, &e) < 0 || is_unit(x, e))
        return 0;
    /* "one gendarme killed two wounded", "8 killed 2 vehicles destroyed":
     * a list of tolls, not an object */
    for (size_t k = e; k < hi && k < e + 2; k++)
        if (x_at(x, k, LEX_CASUALTY) || x_at(x, k, LEX_TRIGGER) ||
            x_at(x, k, LEX_MATERIEL))
            return 0;
    return 1;
}

/* The comma at j closes an inserted phrase ("…, including a village
 * chief,", "…, dont un enfant,"): the token before the comma that opens
 * it, or -1. */
static long apposition_start(const xdoc *x, size_t j, size_t lo)
{
    static const char *const incl[] = {"including", "among", "dont",
                                       "notamment", "parmi", "most", "mostly",
                                       "all", "some", "many", "who",
                                       /* ", accused of being robbers," */
                                       "accused", "suspected", "aged",
                                       "identified", "believed", "mainly",
                                       "both", NULL};
    if (!x_is(x, j, ","))
        return -1;
    int names = 1; /* ", Amadou Issa Dicko,": a person's name */
    for (size_t k = j; k-- > lo && k + 12 > j;) {
        if (stops(x, k))
            return x_is(x, k, ",") && k > lo &&
                           (x_in(x, k + 1, incl) || (names && k + 1 < j && k + 6 > j))
                       ? (long)k
                       : -1;
        const token *w = &x->d->toks[k];
        names &= w->kind == TOK_WORD && (w->flags & TOKF_CAP) && !x_at(x, k, LEX_ACTOR);
    }
    return -1;
}

/* Is every token of [a, b) a word of list (true when a >= b)? */
static int all_in(const xdoc *x, size_t a, size_t b, const char *const *list)
{
    for (size_t j = a; j < b; j++)
        if (!x_in(x, j, list))
            return 0;
    return 1;
}

/* A past participle, by its ending: "kidnapped", "enlevés" (not
 * "hostages"). */
static int participle(const xdoc *x, size_t t)
{
    const token *k = &x->d->toks[t];
    const char *f = tok_fold(x->d, k);
    size_t n = k->flen;
    if (k->kind != TOK_WORD || n < 3)
        return 0;
    if (f[n - 1] == 's')
        n--;
    if (f[n - 1] == 'e' && f[n - 2] != 'e')
        n--; /* enlevee -> enleve (accents are folded) */
    return (f[n - 1] == 'd' && f[n - 2] == 'e') || f[n - 1] == 'e';
}

/* Words that end the words of an item in a list of the dead. */
static const char *const prep_words[] = {
    "near", "from", "with", "into", "during", "after", "before", "over",
    "against", "towards", "while", "when", "pres", "dans", "avec",
    "pour", "sans", "vers", "lors", "apres", "avant", "pendant",
    "severely", "seriously", "grievously", NULL};

/* Short words that are no part of a noun phrase's head. */
static const char *const function_words[] = {
    "in", "on", "at", "by", "to", "for", "the", "a", "an", "its", "his",
    "her", "was", "is", "are", "who", "had", "has", "as", "and", "or", "but",
    "et", "en", "le", "la", "les", "au", "aux", "un", "une", "par", "sur",
    "ou", "qui", "ont", "sont", NULL};

/* One more person or group in a list of the dead, at token k: "a
 * cleaning woman", "his son", "four civilians", "the driver".  Returns
 * its count (0: no item starts at k) and sets *e past its first word. */
static long list_item(const xdoc *x, size_t k, size_t hi, size_t *e)
{
    static const char *const one[] = {"a", "an", "one", "un", "une",
                                      "the", "le", "la", NULL};
    static const char *const his[] = {"his", "her", "their", "its", "son", "sa",
                                      "ses", "leur", "leurs", NULL};
    if (k >= hi || x_at(x, k, LEX_CASUALTY))
        return 0;
    size_t n;
    long v = x_number(x, k, hi, &n);
    /* not "one of the passengers", "one from the Arab community": the
     * parts of a count already made */
    if (v > 0 && !is_unit(x, n) && n < hi && x->d->toks[n].kind == TOK_WORD &&
        !x_at(x, n, LEX_CASUALTY) && !x_in(x, n, prep_words) &&
        !x_is(x, n, "of") && !x_is(x, n, "de") && !x_is(x, n, "d'")) {
        *e = n + 1;
        return v;
    }
    int poss = x_in(x, k, his);
    if (!poss && !x_in(x, k, one))
        return 0;
    size_t w = k + 1;
    if (poss && w < hi && (v = x_number(x, w, hi, &n)) > 0 && n < hi &&
        x->d->toks[n].kind == TOK_WORD) {
        *e = n + 1; /* "his two sons" */
        return v;
    }
    /* a noun: not "one of them", "the other from…"; and after "the" or
     * "his", a singular one (not "the villagers", "ses enfants") */
    static const char *const a[] = {"a", "an", "one", "un", "une", NULL};
    if (w >= hi || x->d->toks[w].kind != TOK_WORD || x_at(x, w, LEX_CASUALTY) ||
        x_in(x, w, prep_words) || x_is(x, w, "of") || x_is(x, w, "de") ||
        x_is(x, w, "other") || x_is(x, w, "autre"))
        return 0;
    const token *t = &x->d->toks[w];
    if (tok_fold(x->d, t)[t->flen - 1] == 's' && !x_in(x, k, a))
        return 0;
    *e = w + 1;
    return 1;
}

/* "killing two gendarmes, a customs agent, and four civilians": the
 * items of the list after the first one, whose words start at j.  Returns
 * their sum and sets *ne past the last, or 0.  An item is a count or a
 * determiner and a few plain words; a list ends at anything else: a
 * preposition ("killed one person in an attack"), "including" (its
 * parts), a range ("between 20 and 32"), or an item that opens a clause
 * of its own (", three soldiers were wounded"). */
static long more_items(const xdoc *x, size_t j, size_t hi, size_t *ne)
{
    static const char *const and[] = {"and", "et", NULL};
    static const char *const of[] = {"of", "de", "du", "des", NULL};
    static const char *const verb[] = {
        "were", "was", "are", "is", "had", "have", "has", "went", "got",
        "sont", "est", "ont", "a", "ete", "etaient", "etait", "later",
        "said", "says", "told", "reported", "declared",
        "confirmed", "escaped", "fled", "severely", "seriously",
        "grievously", "critically", "gravement", NULL};

    if (j == 0 || x_is(x, j - 1, "and") || x_is(x, j - 1, "et"))
        return 0;
    long sum = 0, last = 0;
    size_t k = j, last_ne = *ne;
    for (int items = 0; items < 8; items++) {
        /* the item's own words: "customs agent", "member of Dan Na
         * Ambassagou" */
        size_t words = 0;
        while (k < hi && words < 6 && x->d->toks[k].kind == TOK_WORD &&
               !x_in(x, k, and) && !x_at(x, k, LEX_CASUALTY) &&
               !x_at(x, k, LEX_NUMBER) &&
               (!x_in(x, k, of) ||
                (k + 1 < hi && (x->d->toks[k + 1].flags & TOKF_CAP))) &&
               (x->d->toks[k].flags & TOKF_CAP || !x_in(x, k, verb)) &&
               !x_in(x, k, prep_words) && !x_is(x, k, "including") &&
               !x_is(x, k, "dont")) {
            /* a noun or an adjective, not "in" */
            if (x_in(x, k, function_words))
                break;
            k++;
            words++;
        }
        /* (before the casualty word at hi, "were" leads to it) */
        if ((!items && !words) ||
            (k < hi && (x_in(x, k, verb) || x_at(x, k, LEX_CASUALTY)) &&
             !all_in(x, k, hi, verb))) {
            /* ", three soldiers were wounded": a clause of its own */
            if (items > 0) {
                sum -= last;
                *ne = last_ne;
            }
            break;
        }
        size_t sep = k;
        if (sep < hi && x_is(x, sep, ","))
            sep++;
        if (sep < hi && x_in(x, sep, and))
            sep++;
        if (sep == k || sep >= hi)
            break;
        size_t e;
        long v = list_item(x, sep, hi, &e);
        if (v <= 0)
            break;
        last_ne = *ne;
        last = v;
        sum = sum > LONG_MAX - v ? LONG_MAX : sum + v;
        *ne = e;
        k = e;
    }
    return sum;
}

/* Are tokens [a, b) a few words of a noun phrase ("village
 * self-defense militiamen"), with no preposition? */
static int plain_words(const xdoc *x, size_t a, size_t b)
{
    if (b <= a)
        return 0;
    for (size_t k = a; k < b; k++) {
        /* "Three people - a council member, an imam and…": a dash
         * opens the list */
        if (k > a && x_is(x, k, "-"))
            return 1;
        if (k >= a + 4 || x->d->toks[k].kind != TOK_WORD ||
            x_in(x, k, function_words) || x_in(x, k, prep_words) ||
            x_at(x, k, LEX_CASUALTY))
            return 0;
    }
    return 1;
}

/* Does the comma at j open the last items of a list of the dead that
 * ends before the casualty word at c (", the village chief and a
 * child")?  An item, then "and" before c. */
static int list_tail(const xdoc *x, size_t j, size_t c)
{
    size_t e;
    if (!x_is(x, j, ",") || list_item(x, j + 1, c, &e) <= 0)
        return 0;
    for (size_t k = e; k < c; k++) {
        if (stops(x, k))
            return 0;
        if (x_is(x, k, "and") || x_is(x, k, "et"))
            return 1;
    }
    return 0;
}

/* The people a pronoun before token c stands for ("abducted six men and
 * executed them"): the nearest count of people in [lo, c) not yet used,
 * or -1. */
static long antecedent(const xdoc *x, size_t lo, size_t c, size_t *nf,
                       size_t *ne)
{
    for (size_t q = c; q-- > lo;) {
        size_t e2;
        long w = x_number(x, q, c, &e2);
        size_t before; /* "deux cents" is read from "deux" */
        if (w < 1 || (x->tf[q] & XT_USED) || is_unit(x, e2) || e2 >= c ||
            x->d->toks[e2].kind != TOK_WORD ||
            (q > lo && x_number(x, q - 1, c, &before) >= 0))
            continue;
        *nf = q;
        *ne = e2;
        return w;
    }
    return -1;
}

/* The count that goes with the casualty word at c: before it, else after
 * it.  Returns the value and its tokens, or -1. */
static long count_for(xdoc *x, const sentence *s, size_t c, size_t cend,
                      size_t *nf, size_t *ne)
{
    size_t lo = s->first, hi = s->first + s->count;
    /* Before: "cinq civils ont été tués", "au moins 12 morts". */
    /* wide enough for "Trois Volontaires pour la défense de la patrie
     * (VDP) ont été tués" */
    size_t from = c > lo + 12 ? c - 12 : lo;
    /* "two gunmen shot dead a man": an active verb counts its object */
    if (has_object(x, cend, hi))
        from = c;
    size_t listed = 0; /* the comma a list goes on past */
    for (size_t j = c; j-- > from;) {
        if (stops(x, j)) {
            /* "Three people, including a village chief, were killed" */
            long open = apposition_start(x, j, lo);
            /* "Two militiamen, the village chief and a child were
             * killed": the list goes on past its comma */
            if (open < 0 && !listed && list_tail(x, j, c)) {
                listed = j;
                from = from >= lo + 6 ? from - 6 : lo;
                continue;
            }
            if (open < 0)
                break;
            j = (size_t)open;
            from = from >= lo + 6 ? from - 6 : lo; /* room for the skipped words */
            continue;
        }
        const lex_match *cm = x_at(x, j, LEX_CASUALTY);
        /* "… blessés et deux tués": not the wounded's count; but
         * "2 journalists were kidnapped and killed" is one group */
        if (cm && strcmp(x_entry(x, cm)->cls, "killed") != 0 &&
            !(cm->first + cm->count + 1 == c && participle(x, c - 2) &&
              (x_is(x, c - 1, "and") || x_is(x, c - 1, "et"))))
            break;
        size_t e;
        long v = x_number(x, j, c, &e);
        if (v < 0 || (x->tf[j] & XT_USED) || is_unit(x, e))
            continue;
        /* the list's first item ends at its comma: not "wounded three
         * traders near Titao, the imam and his son were killed" */
        if (listed && !plain_words(x, e, listed))
            break;
        /* "nine civilians including two musicians were killed": the
         * total before "including", not its part */
        static const char *const incl[] = {"including", "among", "dont",
                                           "notamment", "parmi", NULL};
        if (j > from + 2 && x_in(x, j - 1, incl)) {
            size_t e0;
            for (size_t q = j - 1; q-- > from && q + 5 > j;) {
                long w = x_number(x, q, j - 1, &e0);
                /* not "four soldiers wounded including one who died" */
                int dead = 1;
                for (size_t r = q; r < j - 1 && dead && w >= 0; r++)
                    dead = !x_at(x, r, LEX_CASUALTY);
                if (w >= v && dead && !(x->tf[q] & XT_USED) && !is_unit(x, e0)) {
                    *nf = q;
                    *ne = e;
                    return w;
                }
            }
        }
        /* the whole number: "deux cents" read from "deux" */
        while (j > from) {
            size_t e2;
            long w = x_number(x, j - 1, c, &e2);
            if (w < 0 || e2 < e)
                break;
            j--;
            v = w;
        }
        /* "trois soldats et sept assaillants tués": both counts */
        for (size_t k = j; k > from + 1;) {
            k--;
            if (!(x_is(x, k, "et") || x_is(x, k, "and") || x_is(x, k, ",")))
                continue;
            int added = 0;
            for (size_t q = k; q-- > from && q + 4 > k;) {
                size_t e2;
                long w = x_number(x, q, k, &e2);
                /* a count of people: "trois soldats et…", not "(coded at
                 * geoprecision 2), four killed" nor "wounding two youths,
                 * one died" */
                int people = e2 < k && x->d->toks[e2].kind == TOK_WORD &&
                             !(q > from && x_at_end(x, q - 1, LEX_CASUALTY));
                /* not "4 soldiers abducted and 3 killed" */
                for (size_t r = e2; r < k && people; r++)
                    people = !x_at(x, r, LEX_CASUALTY);
                if (w >= 0 && people && !(x->tf[q] & XT_USED) && !is_unit(x, e2)) {
                    v = v > LONG_MAX - w ? LONG_MAX : v + w;
                    j = q;
                    added = 1;
                    break;
                }
                /* "A peacekeeper and two children were killed": one */
                static const char *const a[] = {"a", "an", "un", "une", NULL};
                if (x_in(x, q, a) && q + 1 < k && !x_is(x, k, ",") &&
                    (q == lo || stops(x, q - 1))) {
                    int plain = 1;
                    for (size_t r = q + 1; r < k && plain; r++)
                        plain = x->d->toks[r].kind == TOK_WORD &&
                                !x_at(x, r, LEX_CASUALTY) && !x_in(x, r, prep_words);
                    if (plain) {
                        v = v > LONG_MAX - 1 ? LONG_MAX : v + 1;
                        j = q;
                        added = 1;
                        break;
                    }
                }
            }
            if (!added)
                break;
            k = j;
        }
        /* "one customs officer and a cleaning woman were killed": the
         * items after the count, up to the verb */
        size_t me = e;
        long more = v > 0 ? more_items(x, e, c, &me) : 0;
        *nf = j;
        *ne = more ? me : e;
        return v > LONG_MAX - more ? LONG_MAX : v + more;
    }
    /* English "a civilian was killed": one.  (French "a" is a verb; and
     * "an IED killed 3 soldiers" counts what follows the verb.) */
    /* (not "succumbed three weeks later": a time, not a count) */
    /* "abducted four men, they were executed", "ils ont été exécutés":
     * as many as the pronoun stands for */
    {
        static const char *const they[] = {"they", "ils", "elles", NULL};
        static const char *const were[] = {"were", "have", "had", "been",
                                           "later", "then", "all", "ont",
                                           "ete", "avaient", "tous", NULL};
        for (size_t q = c; q-- > lo && q + 4 >= c;)
            if (x_in(x, q, they) && all_in(x, q + 1, c, were)) {
                long w = antecedent(x, lo, q, nf, ne);
                if (w > 0)
                    return w;
                break;
            }
    }
    /* ("killed at least sixteen militants", "killed about 20") */
    static const char *const about[] = {
        "about", "at", "least", "some", "nearly", "around", "almost",
        "approximately", "roughly", "more", "than", "over", "up", "to",
        "an", "estimated", NULL};
    size_t ca = cend;
    while (ca < hi && ca < cend + 3 && x_in(x, ca, about))
        ca++;
    size_t ce;
    int count_after = ca < hi && (x->d->toks[ca].kind == TOK_NUMBER ||
                                  x_at(x, ca, LEX_NUMBER)) &&
                      !(x_number(x, ca, hi, &ce) >= 0 && is_unit(x, ce));
    for (size_t j = c; x->lang == LANG_EN && !count_after && j-- > from;) {
        /* "a customs officer near Diema, who died": past the relative's
         * comma; "a village chief, Amadou Dicko, was killed": past the
         * name */
        if (stops(x, j) && !(j + 1 < c && x_is(x, j + 1, "who"))) {
            static const char *const was[] = {"was", "has", "been", "reportedly",
                                              "allegedly", NULL};
            long open = all_in(x, j + 1, c, was) ? apposition_start(x, j, lo) : -1;
            if (open < 0)
                break;
            j = (size_t)open;
            from = from >= lo + 6 ? from - 6 : lo;
            continue;
        }
        /* "a mob lynched three men to death": "to death" is theirs */
        const lex_match *dm = x_ending(x, j, LEX_CASUALTY);
        if ((x->tf[j] & XT_USED) || (dm && !strcmp(x_entry(x, dm)->cls, "killed")))
            break;
        if (x_is(x, j, "a") || x_is(x, j, "an")) {
            *nf = j;
            *ne = j + 1;
            /* "a soldier and a gendarme were killed": two */
            if (j >= lo + 3 && x_is(x, j - 1, "and"))
                for (size_t q = j - 1; q-- > lo && q + 5 > j;) {
                    if (x->d->toks[q].kind != TOK_WORD || x_in(x, q, prep_words) ||
                        x_at(x, q, LEX_CASUALTY))
                        break;
                    /* the pair opens its clause: not "wounding a girl
                     * and a gendarme who later died" */
                    if ((x_is(x, q, "a") || x_is(x, q, "an") || x_is(x, q, "one")) &&
                        (q == lo || stops(x, q - 1))) {
                        *nf = q;
                        return 2;
                    }
                }
            return 1;
        }
    }
    /* After: "killing five soldiers", "tuant 12 personnes"; "shot dead a
     * man", "assassinated the village chief", "a tué un civil": one. */
    /* "killed and buried a herder", "tué et enterré un berger": the
     * object follows the second verb */
    size_t obj = cend;
    if (cend + 2 < hi && (x_is(x, cend, "and") || x_is(x, cend, "et")) &&
        x->d->toks[cend + 1].kind == TOK_WORD && !x_at(x, cend + 1, LEX_NUMBER) &&
        !x_at(x, cend + 1, LEX_CASUALTY) && !x_at(x, cend + 1, LEX_ACTOR))
        obj = cend + 2;
    for (size_t j = cend; j < hi && j < obj + 5; j++) {
        if (stops(x, j))
            break;
        size_t e;
        long v = x_number(x, j, hi, &e);
        /* "assassinated in 1987": a year, not a count */
        if (v >= 1000 && v <= 2100 && j > lo &&
            (x_is(x, j - 1, "in") || x_is(x, j - 1, "en")))
            break;
        /* "assassinated by two gunmen": the agents, not the dead */
        if (v >= 0 && j > cend && (x_is(x, j - 1, "by") || x_is(x, j - 1, "par")))
            break;
        /* "une quinzaine", "a dozen": the article, then the count */
        size_t e_next;
        long next = v == 1 && e < hi ? x_number(x, e, hi, &e_next) : -1;
        if (next >= 0) {
            v = next;
            e = e_next;
        }
        if (v >= 0 && !(x->tf[j] & XT_USED) && !is_unit(x, e)) {
            *nf = j;
            *ne = e;
            if (v == 1 && e == j + 1 && and_another(x, j, hi, ne))
                return 2;
            /* "killing two gendarmes, a customs agent and four civilians" */
            long more = v > 0 ? more_items(x, e, hi, ne) : 0;
            return v > LONG_MAX - more ? LONG_MAX : v + more;
        }
        static const char *const one[] = {"a", "an", "un", "une", NULL};
        static const char *const the[] = {"the", "le", "la", "l'", "his",
                                          "her", "its", "son", "sa", NULL};
        /* "la mort d'Abou Azimane", "the killing of Hamadoun Koufa": a
         * named person, one */
        static const char *const cause[] = {
            "over", "about", "against", "contre", "pour", "anniversary",
            "anniversaire", "commemorate", "commemorer", "denoncer",
            "denounce", "protest", "protester", "protested", NULL};
        int is_cause = 0;
        for (size_t q = c; q-- > lo && q + 4 > c && !is_cause;)
            is_cause = x_in(x, q, cause);
        if (!is_cause && (j == cend || j == cend + 1) && j > c &&
            (x_is(x, j - 1, "d'") || x_is(x, j - 1, "de") || x_is(x, j - 1, "of")) &&
            x->d->toks[j].kind == TOK_WORD && (x->d->toks[j].flags & TOKF_CAP) &&
            !x_at(x, j, LEX_ACTOR)) {
            *nf = j;
            *ne = j + 1;
            return 1;
        }
        /* "abducted six men and executed them": the count the pronoun
         * stands for, the nearest people counted before in the sentence */
        if (j == obj && (x_is(x, j, "them") || x_is(x, j, "all"))) {
            long w = antecedent(x, lo, c, nf, ne);
            if (w > 0)
                return w;
        }
        /* "beheaded him": one person ("her" is read with "the") */
        if (j == obj && x_is(x, j, "him")) {
            *nf = j;
            *ne = j + 1;
            return 1;
        }
        if (j == obj && x_in(x, j, one)) {
            *nf = j;
            *ne = j + 1;
            /* "a civilian and his two children": the list first */
            long more = more_items(x, j + 1, hi, ne);
            if (more)
                return 1 + more;
            if (and_another(x, j, hi, ne))
                return 2;
            return 1 + and_others(x, j + 1, hi, ne);
        }
        /* "the village chief" (singular: not ending in s) */
        if (j == obj && x_in(x, j, the) && j + 1 < hi &&
            x->d->toks[j + 1].kind == TOK_WORD) {
            const token *w = &x->d->toks[j + 1];
            if (tok_fold(x->d, w)[w->flen - 1] != 's') {
                *nf = j;
                *ne = j + 2;
                /* "killed the driver and a passenger" */
                long more = more_items(x, j + 1, hi, ne);
                if (!more)
                    more = and_others(x, j + 1, hi, ne);
                return 1 + more;
            }
        }
    }
    /* French "ils l'ont exécuté", "l'a abattu": the object pronoun
     * before the auxiliary, one person */
    static const char *const avoir[] = {"ont", "a", "avaient", "avait",
                                        "auraient", "aurait", NULL};
    if (x->lang == LANG_FR && c >= lo + 2 && x_is(x, c - 2, "l'") &&
        x_in(x, c - 1, avoir)) {
        *nf = c - 2;
        *ne = c - 1;
        return 1;
    }
    /* "ont enlevé six bergers avant de les exécuter", "les ont
     * exécutés": as many as the pronoun stands for */
    if (x->lang == LANG_FR && c >= lo + 2 &&
        (x_is(x, c - 1, "les") || (x_is(x, c - 2, "les") && x_in(x, c - 1, avoir)))) {
        long w = antecedent(x, lo, c > lo + 2 ? c - 2 : lo, nf, ne);
        if (w > 0)
            return w;
    }
    /* Before, a singular subject that opens the clause: "The bomber was
     * killed", "The mayor of Boni was assassinated", "The officer died",
     * "le chef du village a été tué". */
    if (c >= lo + 2) {
        size_t j = c;
        while (j > lo && j + 8 > c && !stops(x, j - 1))
            j--;
        static const char *const the[] = {"the", "le", "la", "l'", NULL};
        /* what may stand between the subject and the word: an auxiliary,
         * or nothing ("The officer died") */
        static const char *const aux[] = {
            "was", "been", "ete", "est", "has", "had", "reportedly", "also",
            "later", "then", "found", "presumed", "aussi", "egalement",
            "retrouve", "retrouvee", NULL};
        /* "The mayor of Boni, Hamadoun Dicko, was killed": the subject
         * before the name */
        long open = j > lo && all_in(x, j, c, aux) ? apposition_start(x, j - 1, lo) : -1;
        if (open >= 0) {
            j = (size_t)open;
            while (j > lo && j + 16 > c && !stops(x, j - 1))
                j--;
        }
        /* the clause may open after a conjunction: "10 people were
         * wounded and the bomber was also killed" */
        static const char *const conj[] = {"and", "when", "while", "but",
                                           "as", "after", "et", "mais",
                                           "lorsque", "quand", NULL};
        for (size_t q = c; q-- > j + 1;)
            if (x_in(x, q - 1, conj) && x_in(x, q, the)) {
                j = q;
                break;
            }
        int clause = j == lo || stops(x, j - 1) || x_in(x, j - 1, conj);
        /* "…where he was tortured; he succumbed to his wounds" */
        static const char *const he[] = {"he", "she", "il", "elle", NULL};
        for (size_t q = c; q-- > j && q + 3 >= c;)
            if (x_in(x, q, he) &&
                (q == lo || stops(x, q - 1) || x_in(x, q - 1, conj)) &&
                all_in(x, q + 1, c, aux)) {
                *nf = q;
                *ne = q + 1;
                return 1;
            }
        if (clause && j < c && x_in(x, j, the) && j + 1 < c &&
            x->d->toks[j + 1].kind == TOK_WORD) {
            const token *w = &x->d->toks[j + 1];
            size_t v = j + 2; /* the verb group: after "of Boni", "du village" */
            while (v < c && !x_in(x, v, aux) && !x_at(x, v, LEX_NUMBER) &&
                   x->d->toks[v].kind != TOK_NUMBER)
                v++;
            /* "The officer died"; "…, the village chief killed and
             * others wounded" (a clause with its verb left out) */
            static const char *const next[] = {"and", "et", "by", "par", NULL};
            int direct = v == c && (j + 2 == c ||
                                    (c <= j + 4 && j > lo && stops(x, j - 1) &&
                                     (cend == hi || stops(x, cend) ||
                                      x_in(x, cend, next))));
            int auxed = v < c && all_in(x, v, c, aux);
            if (tok_fold(x->d, w)[w->flen - 1] != 's' && (direct || auxed)) {
                *nf = j;
                *ne = j + 2;
                return 1;
            }
        }
        /* a headline's bare subject: "Malian army officer killed by
         * gunmen", "Civilian was killed by a landmine" — one person named
         * by the words up to the verb */
        if (j == lo && x->lang == LANG_EN && !x_in(x, j, the)) {
            size_t v = j;
            while (v < c && !x_in(x, v, aux))
                v++;
            static const char *const after[] = {"by", "in", "during", "when",
                                                "near", "on", "and", NULL};
            int passive = (v < c && all_in(x, v, c, aux)) ||
                          (v == c && cend < hi && x_in(x, cend, after));
            /* up to four words, the last a common noun, singular; a
             * place may follow it ("Councilman in Boni assassinated") */
            static const char *const in[] = {"in", "of", "from", "near", NULL};
            size_t h = v;
            for (size_t k = j + 1; k + 1 < v && k < j + 4; k++)
                if (x_in(x, k, in) && v <= k + 4) {
                    h = k;
                    break;
                }
            int words = h > j && h <= j + 4; /* then v <= h + 4 */
            for (size_t k = j; k < v && words; k++)
                words = x->d->toks[k].kind == TOK_WORD && !x_at(x, k, LEX_NUMBER);
            const token *w = h > j ? &x->d->toks[h - 1] : NULL;
            if (passive && words && !x_at_end(x, h - 1, LEX_PLACE) &&
                !x_at_end(x, h - 1, LEX_COUNTRY) &&
                !(h - 1 > j && (w->flags & TOKF_CAP)) &&
                tok_fold(x->d, w)[w->flen - 1] != 's') {
                *nf = j;
                *ne = v;
                return 1;
            }
        }
    }
    return -1;
}

/* "marched against the killing of two students", "rioted after the
 * death of a young man in custody": deaths a crowd protests, told of
 * again, not dead of the protest (within six words of the cause word). */
static int protested_death(const xdoc *x, size_t lo, size_t c)
{
    static const char *const cause[] = {
        "over", "against", "after", "following", "commemorate",
        "commemorating", "anniversary", "denounce", "denouncing",
        "reaction", "contre", "apres", "suite", "denoncer", "commemorer",
        "anniversaire", NULL};
    for (size_t q = c; q-- > lo && q + 6 > c;)
        if (x_in(x, q, cause) ||
            /* "justice for the deaths", not "popular justice by killing" */
            (x_is(x, q, "justice") && q + 1 < c &&
             (x_is(x, q + 1, "for") || x_is(x, q + 1, "pour"))))
            return 1;
    return 0;
}

/* Just before the casualty word at t, a word that says the killing did
 * not happen: "nearly lynched", "attempted to kill", "failli être tué". */
static int spared(const xdoc *x, size_t lo, size_t t)
{
    static const char *const nearly[] = {
        "nearly", "almost", "narrowly", "failli", "manque", NULL};
    static const char *const tried[] = {
        "tried", "attempted", "attempt", "attempting", "trying", "failed",
        "threatened", "threatening", "vowed", "tente", "tentative",
        "menace", "menaces", "menacant", NULL};
    if (t > lo && x_in(x, t - 1, nearly))
        return 1;
    /* "tried to kill", "tenté de tuer", "a failli être tué" (not
     * "attempted to flee and were killed") */
    return t >= lo + 2 && (x_in(x, t - 2, tried) || x_in(x, t - 2, nearly)) &&
           (x_is(x, t - 1, "to") || x_is(x, t - 1, "de") ||
            x_is(x, t - 1, "d'") || x_is(x, t - 1, "etre"));
}

/* Between tokens a and t, a clause "after he…", "after the latter…",
 * "après qu'il…": a deed told as the cause of what came before it. */
static int prior_deed(const xdoc *x, size_t a, size_t t)
{
    static const char *const after[] = {"after", "apres", NULL};
    static const char *const who[] = {"he", "she", "they", "the", "il",
                                      "elle", "ils", "qu'il", "qu'elle",
                                      "qu'ils", "que", NULL};
    for (size_t q = a; q + 1 < t; q++)
        if (x_in(x, q, after) && x_in(x, q + 1, who))
            return 1;
    return 0;
}

long x_fatalities(xdoc *x, size_t si, int crowd, uint32_t *ev_first,
                  uint32_t *ev_count)
{
    const sentence *s = &x->d->sents[si];
    long sum = -1;
    size_t lo = s->first, hi = s->first + s->count;
    size_t efirst = 0, eend = 0;
    for (size_t t = lo; t < hi; t++) {
        const lex_match *cm = x_at(x, t, LEX_CASUALTY);
        if (!cm || strcmp(x_entry(x, cm)->cls, "killed") != 0)
            continue;
        if (crowd && protested_death(x, lo, t))
            continue;
        /* "nearly lynched a priest", "tried to kill", "a failli être
         * tué": nobody died */
        if (spared(x, lo, t))
            continue;
        /* "killed a Koglweogo after the latter killed a butcher", "beat
         * a man to death after he assaulted five people, leaving one
         * dead": the killing the incident answered is another event */
        if (sum >= 0 && prior_deed(x, eend, t))
            continue;
        size_t nf, ne;
        long v = count_for(x, s, t, t + cm->count, &nf, &ne);
        if (v < 0)
            continue;
        for (size_t k = nf; k < ne; k++)
            x->tf[k] |= XT_USED;
        size_t a = nf < t ? nf : t, b = ne > t + cm->count ? ne : t + cm->count;
        if (sum < 0) {
            efirst = a;
            eend = b;
            sum = 0;
        } else {
            if (a < efirst)
                efirst = a;
            if (b > eend)
                eend = b;
        }
        sum = sum > LONG_MAX - v ? LONG_MAX : sum + v; /* saturate */
    }
    if (sum >= 0) {
        *ev_first = (uint32_t)efirst;
        *ev_count = (uint32_t)(eend - efirst);
    }
    return sum;
}

/* "Unknown fatalities coded as 10", "(coded at low estimate of 3)", "30
 * militants were killed and captured (coded as 15 fatalities)": the
 * report's own coder states the count.  The figure, else -1. */
long x_coded_fatalities(xdoc *x, size_t si, uint32_t *ev_first,
                        uint32_t *ev_count)
{
    const sentence *s = &x->d->sents[si];
    size_t lo = s->first, hi = s->first + s->count;
    static const char *const dead[] = {
        "fatalities", "fatality", "fatalies", "deaths", "dead", NULL};
    static const char *const skip[] = {
        "as", "at", "a", "an", "low", "estimate", "of", "(", "[", NULL};
    for (size_t t = lo; t < hi; t++) {
        if (!x_is(x, t, "coded"))
            continue;
        size_t n = t + 1;
        while (n < hi && n < t + 6 && x_in(x, n, skip))
            n++;
        size_t e;
        long v = n < hi ? x_number(x, n, hi, &e) : -1;
        if (v < 0)
            continue;
        /* the count is of the dead: "fatalities … coded as 10", or
         * "coded as 15 fatalities" */
        int said = e < hi && x_in(x, e, dead);
        for (size_t q = t; q-- > lo && q + 9 > t && !said;)
            said = x_in(x, q, dead);
        if (!said)
            continue;
        *ev_first = (uint32_t)t;
        *ev_count = (uint32_t)(e - t);
        return v;
    }
    /* a label: "Fatalities: 7 soldiers, 2 unidentified armed men" (the
     * sum of its list) */
    for (size_t t = lo; t + 2 < hi; t++) {
        if (!(x_is(x, t, "fatalities") || x_is(x, t, "fatality")) ||
            !x_is(x, t + 1, ":"))
            continue;
        long sum = 0;
        size_t n = t + 2, end = n;
        int read = 0;
        for (int item = 0; item < 8 && n < hi; item++) {
            size_t e;
            long v = x_number(x, n, hi, &e);
            if (v < 0 || sum > LONG_MAX - v)
                break;
            sum += v;
            read = 1;
            /* the item's noun, then "," or "and" before the next figure */
            size_t j = e;
            while (j < hi && j < e + 5 && !x_is(x, j, ",") && !x_is(x, j, "and") &&
                   !x_is(x, j, ".") && !x_is(x, j, ";"))
                j++;
            end = j;
            if (!(j < hi && j < e + 5 && (x_is(x, j, ",") || x_is(x, j, "and"))))
                break;
            n = j + 1;
            if (n < hi && x_is(x, n, "and"))
                n++;
        }
        if (!read)
            continue;
        *ev_first = (uint32_t)t;
        *ev_count = (uint32_t)(end - t);
        return sum;
    }
    return -1;
}


/* "Fatalities split across three events", "fatalities split between
 * events as (4) in Sankoro, (4) in Bidi…", "coded as Yoro (2) and Kindi
 * (1)": the report's coder shares one toll out among several events, and
 * this record is one of them.  Finds the sharing clause; returns the
 * number of shares it gives (0 when it gives none) and sets *si to its
 * sentence and *from to its first token, or returns -1 when the article
 * shares no toll. */
static long split_clause(const xdoc *x, size_t *si, size_t *from)
{
    static const char *const toll[] = {"fatalities", "fatality", "deaths",
                                       "dead", "casualties", NULL};
    static const char *const split[] = {"split", "divided", "shared", "spread",
                                       NULL};
    static const char *const among[] = {"across", "between", "among", "over", NULL};
    static const char *const shares[] = {
        "events", "event", "locations", "dates", "days", "villages",
        "attacks", "incidents", NULL};
    for (size_t s = 0; s < x->d->nsent; s++) {
        const sentence *se = &x->d->sents[s];
        size_t lo = se->first, hi = se->first + se->count;
        for (size_t t = lo; t + 1 < hi; t++) {
            if (!x_in(x, t, split))
                continue;
            int said = 0;
            for (size_t q = t; q-- > lo && q + 4 > t && !said;)
                said = x_in(x, q, toll);
            size_t a = t + 1;
            if (a < hi && x_is(x, a, "equally"))
                a++;
            if (!said || a >= hi || !x_in(x, a, among))
                continue;
            *si = s;
            *from = t;
            /* "between (3) events", "across the two events", "across 6
             * events in Oudalan" */
            size_t n = a + 1;
            while (n < hi && (x_is(x, n, "the") || x_is(x, n, "(")))
                n++;
            size_t e;
            long v = x_number(x, n, hi, &e);
            if (v < 2)
                return 0;
            if (e < hi && x_is(x, e, ")"))
                e++;
            return e < hi && x_in(x, e, shares) ? v : 0;
        }
    }
    return -1;
}

/* "(22) in Dinguila", "Bombou (3)": the share the clause from token
 * `from` of sentence si gives the place named by the words of tokens
 * [pf, pf + pn), or -1. */
static long share_of(const xdoc *x, size_t si, size_t from, size_t pf, size_t pn)
{
    const sentence *se = &x->d->sents[si];
    size_t hi = se->first + se->count;
    for (size_t t = from; t < hi; t++) {
        /* the place's words at t */
        size_t e = t, p = pf;
        for (;; p++) {
            while (p < pf + pn && x->d->toks[p].kind != TOK_WORD)
                p++;
            if (p == pf + pn || e >= hi || x->d->toks[e].kind != TOK_WORD)
                break;
            const token *a = &x->d->toks[e], *b = &x->d->toks[p];
            if (a->flen != b->flen ||
                memcmp(tok_fold(x->d, a), tok_fold(x->d, b), a->flen))
                break;
            e++;
        }
        if (p != pf + pn || e == t)
            continue;
        size_t end;
        long v;
        /* "Bombou (3)" */
        if (e + 2 < hi && x_is(x, e, "(") &&
            (v = x_number(x, e + 1, hi, &end)) >= 0 && x_is(x, end, ")"))
            return v;
        /* "(22) in Dinguila" */
        if (t >= from + 4 && (x_is(x, t - 1, "in") || x_is(x, t - 1, "at")) &&
            x_is(x, t - 2, ")") && x_is(x, t - 4, "(") &&
            (v = x_number(x, t - 3, t - 2, &end)) >= 0)
            return v;
    }
    return -1;
}

/* "killed over two days of fighting", "for three days", "in the course
 * of 5 days", "100 dead after two days of fighting": a toll told for
 * several days, which ACLED shares out among one event per day.  The
 * number of days (2 to 31), else 0. */
static long days_told(const xdoc *x, size_t at)
{
    if (at >= x->d->ntok)
        return 0;
    /* in the sentence of the toll, which it qualifies */
    const sentence *se = &x->d->sents[x->d->toks[at].sent];
    size_t lo = se->first, hi = se->first + se->count;
    static const char *const over[] = {"over", "for", "during", "in", "of",
                                       "after", "pendant", "en", "durant", NULL};
    static const char *const days[] = {"days", "jours", NULL};
    static const char *const fighting[] = {
        "fighting", "clashes", "combat", "combats", "affrontements", NULL};
    for (size_t t = lo; t + 1 < hi; t++) {
        size_t e;
        long n = x_number(x, t, hi, &e);
        if (n < 2 || n > 31 || e >= hi || !x_in(x, e, days))
            continue;
        size_t b = t;
        while (b > lo && (x_is(x, b - 1, "the") || x_is(x, b - 1, "last") ||
                         x_is(x, b - 1, "past")))
            b--;
        int told = (b > lo && x_in(x, b - 1, over)) ||
                   (e + 2 < hi && (x_is(x, e + 1, "of") || x_is(x, e + 1, "de")) &&
                    x_in(x, e + 2, fighting));
        /* "held them for three days", "abducted … for 2 days": a
         * captivity, not a battle's length, when no death word is near */
        int dead = 0;
        for (size_t q = t > lo + 12 ? t - 12 : lo; q < e + 8 && q < hi && !dead; q++) {
            const lex_match *m = x_at(x, q, LEX_CASUALTY);
            dead = m && !strcmp(x_entry(x, m)->cls, "killed");
        }
        /* "engaged in fighting for two days": the fight's own length */
        static const char *const fought[] = {
            "fighting", "clashes", "combats", "affrontements", "fought",
            "clashed", "battled", "combattu", NULL};
        int fight = b >= lo + 2 && x_in(x, b - 2, fought);
        if (told && (dead || fight || (e + 2 < hi && x_in(x, e + 2, fighting))))
            return n;
    }
    return 0;
}

long x_split_toll(const xdoc *x, long toll, size_t at, size_t place_first,
                  size_t place_count)
{
    if (toll <= 0)
        return toll;
    size_t si, from;
    long n = split_clause(x, &si, &from);
    if (n < 0) {
        long d = days_told(x, at);
        return d ? (toll + d - 1) / d : toll;
    }
    /* "split between the two events and coded as (3) and (2)": a figure
     * read from the clause itself is already a share */
    const sentence *se = &x->d->sents[si];
    if (at >= from && at < se->first + se->count)
        return toll;
    long own = place_count ? share_of(x, si, from, place_first, place_count) : -1;
    if (own >= 0 && own <= toll)
        return own;
    if (n == 0)
        n = 2;
    /* ACLED rounds a share up ("five people … coded as (3) and (2)") */
    return (toll + n - 1) / n;
}

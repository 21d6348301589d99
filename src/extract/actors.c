/*
 * actors.c — who did what to whom.
 *
 * Actors come from the `actor` dictionaries; their ACLED names carry the
 * country ({country}: the actor's own, else the article's focus country)
 * and the era of that country's state ({era}, from the country's `eras`
 * at the event's date).  Roles come from shallow syntax around the
 * trigger, in French and English.
 */
#include <string.h>

#include "xdoc.h"

int x_inter(const lex_entry *e) { return (int)e->num; }

/* The country entry an actor belongs to, or the focus country. */
static const lex_entry *country_of(const xdoc *x, const lex_entry *e)
{
    const char *c = lex_attr_get(e, "country");
    if (c) {
        long i = lex_find(x->lx, LEX_COUNTRY, c);
        if (i >= 0)
            return lex_entry_at(x->lx, (size_t)i);
    }
    return x->country;
}

void x_focus_country(xdoc *x)
{
    /* Few countries are named in one article: a short list does. */
    const lex_entry *seen[32];
    int count[32], n = 0, best = -1;
    for (size_t i = 0; i < x->nm; i++) {
        const lex_entry *c = NULL;
        const lex_entry *e = x_entry(x, &x->m[i]);
        if (x->m[i].kind == LEX_COUNTRY)
            c = e;
        else if (x->m[i].kind == LEX_ACTOR && lex_attr_get(e, "country") &&
                 x_inter(e) != 8)
            c = country_of(x, e);
        if (!c)
            continue;
        int k = 0;
        while (k < n && seen[k] != c)
            k++;
        if (k == n) {
            if (n == 32)
                continue;
            seen[n] = c;
            count[n++] = 0;
        }
        count[k]++;
        if (best < 0 || count[k] > count[best])
            best = k;
    }
    x->country = best >= 0 ? seen[best] : NULL;
}

/* The era label of country c on day `day`: the last era that began on or
 * before it (eras="START:LABEL;…", oldest first). */
static int era_label(const lex_entry *c, long day, const char **lab,
                     size_t *len)
{
    const char *eras = c ? lex_attr_get(c, "eras") : NULL;
    if (!eras)
        return 0;
    int got = 0;
    for (const char *p = eras; *p;) {
        const char *semi = strchr(p, ';');
        size_t n = semi ? (size_t)(semi - p) : strlen(p);
        while (n && *p == ' ') {
            p++;
            n--;
        }
        const char *colon = memchr(p, ':', n);
        if (colon) {
            long start = parse_iso_date(p, (size_t)(colon - p));
            if (start != NO_DATE && (day == NO_DATE || start <= day || !got)) {
                *lab = colon + 1;
                *len = n - (size_t)(colon + 1 - p);
                while (*len && (*lab)[*len - 1] == ' ')
                    (*len)--;
                got = 1;
            }
        }
        if (!semi)
            break;
        p = semi + 1;
    }
    return got;
}

veille_str x_actor_name(xdoc *x, const lex_entry *e, long day)
{
    const char *tpl = lex_attr_get(e, "name");
    if (!tpl)
        tpl = e->id;
    const lex_entry *c = country_of(x, e);
    const char *cname = c ? lex_attr_get(c, "name") : NULL;
    const char *era = NULL;
    size_t era_len = 0;
    int has_era = era_label(c, day, &era, &era_len);
    size_t cap = strlen(tpl) + (cname ? strlen(cname) : 0) + era_len + 1;
    char *o = arena_alloc(&x->c->mem, cap);
    if (!o)
        return (veille_str){"", 0};
    size_t k = 0;
    for (const char *p = tpl; *p;) {
        const char *val = NULL;
        size_t vlen = 0, skip = 0;
        if (strncmp(p, "{country}", 9) == 0) {
            val = cname;
            vlen = cname ? strlen(cname) : 0;
            skip = 9;
        } else if (strncmp(p, "{era}", 5) == 0) {
            val = has_era ? era : NULL;
            vlen = era_len;
            skip = 5;
        }
        if (!skip) {
            o[k++] = *p++;
            continue;
        }
        if (val) {
            memcpy(o + k, val, vlen);
            k += vlen;
            p += skip;
            continue;
        }
        /* Unknown: drop " ({x})" whole. */
        p += skip;
        if (k && o[k - 1] == '(' && *p == ')') {
            k--;
            p++;
            if (k && o[k - 1] == ' ')
                k--;
        }
    }
    o[k] = '\0';
    return (veille_str){o, k};
}

/* Determiners and the like, skipped when looking at the word before an
 * actor ("par les terroristes", "by the militants"). */
static const char *const dets[] = {
    "le", "la", "les", "l'", "un", "une", "des", "du", "de", "d'", "ces",
    "leurs", "leur", "ses", "sa", "son", "the", "a", "an", "some", "their",
    "its", "his", "her", "suspected", "presumed", "presumes", "presume",
    "presumes", "suspected", "alleged", "supposed", "so-called", NULL};

/* The word before token t, skipping determiners, within the sentence. */
static long word_before(const xdoc *x, size_t t, size_t lo)
{
    size_t j = t;
    while (j > lo) {
        j--;
        if (!x_in(x, j, dets))
            return (long)j;
    }
    return -1;
}

static int is_agent_mark(const xdoc *x, long t)
{
    static const char *const m[] = {"par", "by", NULL};
    return t >= 0 && x_in(x, (size_t)t, m);
}

static int is_target_mark(const xdoc *x, long t)
{
    static const char *const m[] = {
        "contre", "against", "visant", "vise", "visaient", "ciblant",
        "targeting", "targeted", "on", "sur", "envers", "upon", "at", NULL};
    return t >= 0 && x_in(x, (size_t)t, m);
}

static int is_of(const xdoc *x, long t)
{
    static const char *const m[] = {"de", "des", "du", "d'", "of", NULL};
    return t >= 0 && x_in(x, (size_t)t, m);
}

static int passive_before(const xdoc *x, size_t t0, size_t lo)
{
    static const char *const aux[] = {"ete", "etre", "was", "were", "been",
                                      "being", "be", "is", "are", "get",
                                      "got", NULL};
    for (size_t j = t0, k = 0; j > lo && k < 3; k++) {
        j--;
        if (x_in(x, j, aux))
            return 1;
    }
    return 0;
}

void x_roles(const xdoc *x, size_t si, const lex_match *trig,
             const lex_match **a1, const lex_match **a2)
{
    const sentence *s = &x->d->sents[si];
    size_t lo = s->first, hi = s->first + s->count;
    size_t t0 = trig->first, t1 = trig->first + trig->count;
    const lex_match *agent = NULL, *patient = NULL, *subject = NULL,
                    *subject2 = NULL, *object = NULL;
    int between = 0; /* "entre X et Y", "between X and Y" */
    for (size_t t = lo; t < hi; t++) {
        const lex_match *a = x_at(x, t, LEX_ACTOR);
        if (!a)
            continue;
        long wb = word_before(x, t, lo);
        if (t < t0) {
            subject2 = subject;
            subject = a;
        } else if (t >= t1) {
            if (is_agent_mark(x, wb) && !agent)
                agent = a;
            else if (is_target_mark(x, wb) && !patient)
                patient = a;
            else if (wb >= 0 && (size_t)wb < t1 + 3 && is_of(x, wb) &&
                     !agent && !patient && !object) {
                /* "frappes des FAMa", "l'enlèvement de civils" */
                if (x_inter(x_entry(x, a)) == 7)
                    patient = a;
                else
                    agent = a;
            } else if (wb >= 0 && (x_is(x, (size_t)wb, "entre") ||
                                   x_is(x, (size_t)wb, "between"))) {
                agent = agent ? agent : a;
                between = 1;
            } else if (between && !patient && a != agent) {
                patient = a;
            } else if (!object) {
                object = a;
            }
        }
        t += a->count - 1;
    }
    int passive = passive_before(x, t0, lo);
    if (passive) {
        if (!patient)
            patient = subject;
        if (!agent && object && object != patient)
            agent = object;
    } else {
        if (!agent) {
            agent = subject;
            /* "X et Y se sont affrontés", "X and Y clashed" */
            if (subject2 && !patient && !object)
                patient = subject, agent = subject2;
        } else if (subject && !patient) {
            patient = subject; /* "… tombée dans une embuscade tendue par X" */
        }
        if (!patient && object != agent)
            patient = object;
    }
    if (patient && agent && x_entry(x, patient) == x_entry(x, agent))
        patient = NULL;
    *a1 = agent;
    *a2 = patient;
}

/*
 * actors.c — who did what to whom.
 *
 * Actors come from the `actor` dictionaries; their ACLED names carry the
 * country ({country}: the actor's own, else the article's focus country)
 * and the era of that country's state ({era}, from the country's `eras`
 * at the event's date).  Roles come from shallow syntax around the
 * trigger, in French and English.
 */
#include <stdio.h>
#include <string.h>

#include "../geo/geo.h"
#include "xdoc.h"

int x_inter(const lex_entry *e) { return (int)e->num; }

int x_inter_at(const xdoc *x, const lex_entry *e)
{
    int in = (int)e->num;
    const char *c = lex_attr_get(e, "country");
    /* State forces are 1 at home and 8 abroad (ACLED's rule is by place:
     * Chad's army in Mali is external). */
    if ((in == 1 || in == 8) && c && x->country &&
        lex_attr_get(e, "name") && strstr(lex_attr_get(e, "name"), "{country}"))
        return strcmp(c, x->country->id) == 0 ? 1 : 8;
    return in;
}

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

/* "near the border with Burkina Faso", "à la frontière du Niger", "the
 * Burkina Faso border": a country named as the neighbour across a
 * border, which is where the event is not. */
static int across_border(const xdoc *x, const lex_match *m)
{
    static const char *const border[] = {"border", "borders", "frontiere",
                                         "frontieres", NULL};
    static const char *const link[] = {"with", "of", "avec", "du", "de",
                                       "la", "le", "l'", "the", NULL};
    size_t end = m->first + m->count;
    if (end < x->d->ntok && x_in(x, end, border))
        return 1;
    size_t t = m->first;
    for (int k = 0; k < 3 && t > 0; k++) {
        t--;
        if (x_in(x, t, border))
            return 1;
        if (!x_in(x, t, link))
            break;
    }
    return 0;
}

/* Is country match m the nationality of people named right after it
 * ("a Chinese engineer", "the Australian couple", "French hostages"),
 * not where the event is? */
static int nationality_of_people(const xdoc *x, const lex_match *m)
{
    size_t t = m->first + m->count;
    if (t >= x->d->ntok)
        return 0;
    const lex_match *a = x_at(x, t, LEX_ACTOR);
    if (a && x_inter(x_entry(x, a)) == 7)
        return 1;
    static const char *const people[] = {
        "hostage", "hostages", "national", "nationals", "citizen",
        "citizens", "couple", "otage", "otages", "ressortissant",
        "ressortissants", "ressortissante", NULL};
    return x_in(x, t, people);
}

void x_focus_country(xdoc *x)
{
    /* Few countries are named in one article: a short list does. */
    const lex_entry *seen[32];
    int count[32], strong[32], n = 0, best = -1;
    for (size_t i = 0; i < x->nm; i++) {
        const lex_entry *c = NULL;
        const lex_entry *e = x_entry(x, &x->m[i]);
        const char *name = lex_attr_get(e, "name");
        int says_where = 1; /* not only whose people they are */
        if (x->m[i].kind == LEX_COUNTRY) {
            if (across_border(x, &x->m[i]))
                continue;
            c = e;
            if (nationality_of_people(x, &x->m[i]))
                says_where = 0;
        }
        else if (x->m[i].kind == LEX_ACTOR && lex_attr_get(e, "country") &&
                 (x_inter(e) != 8 || !name || !strstr(name, "{country}")))
            /* a foreign force is its country's, not where it fights; but a
             * mission named for its host (MINUSMA: Mali) is where it is */
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
            strong[n] = 0;
            count[n++] = 0;
        }
        count[k] += 2;
        strong[k] |= says_where;
        if (best < 0 || count[k] > count[best])
            best = k;
    }
    /* a tie goes to a country the gazetteer has in depth, the user's
     * region: "Dutch tourists were kidnapped in the north of Mali" */
    const gaz *g = x->c->ctx->gaz;
    if (g && gaz_has_deep(g)) {
        for (int k = 0; k < n; k++) {
            gaz_place cap;
            char cc[3];
            x_country_cc(seen[k], cc);
            if (gaz_country(g, cc, &cap) && cap.deep)
                count[k]++;
        }
        for (int k = 0; k < n; k++)
            if (count[k] > count[best])
                best = k;
    }
    x->country = best >= 0 ? seen[best] : NULL;
    x->country_weak = best >= 0 && !strong[best];
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

/* Attribute `key` of e is "DATE:NAME", or several such in date order
 * separated by " | ": the NAME of the latest DATE on or before day, in
 * the arena, else NULL ("" when that NAME is empty: the plain name again). */
static const char *dated_attr(xdoc *x, const lex_entry *e, const char *key,
                              long day)
{
    const char *r = lex_attr_get(e, key);
    if (!r || day == NO_DATE)
        return NULL;
    const char *got = NULL, *got_end = NULL;
    while (*r) {
        const char *colon = strchr(r, ':');
        if (!colon)
            break;
        const char *bar = strstr(colon, " | ");
        const char *end = bar ? bar : colon + strlen(colon);
        long since = parse_iso_date(r, (size_t)(colon - r));
        if (since == NO_DATE || day < since)
            break;
        got = colon + 1;
        got_end = end;
        if (!bar)
            break;
        r = bar + 3;
    }
    if (!got || !*got_end)
        return got;
    size_t n = (size_t)(got_end - got);
    char *o = arena_alloc(&x->c->mem, n + 1);
    if (!o)
        return NULL;
    memcpy(o, got, n);
    o[n] = '\0';
    return o;
}

const char *x_actor_assoc(xdoc *x, const lex_entry *e, long day)
{
    const char *j = dated_attr(x, e, "joined", day);
    if (j && *j)
        return lex_attr_get(e, "name"); /* coded as the coalition */
    return dated_attr(x, e, "member_of", day); /* under its own name */
}

void x_recast(xdoc *x, xmention *m, const char *id)
{
    long n = id && *id ? lex_find(x->lx, LEX_ACTOR, id) : -1;
    if (!m->m || n < 0)
        return;
    lex_match *nm = arena_alloc(&x->c->mem, sizeof *nm);
    if (!nm)
        return;
    *nm = *m->m;
    nm->entry = (uint32_t)n;
    m->m = nm;
}

void x_stands_for(xdoc *x, xmention *m, long day)
{
    if (!m->m || !x->country)
        return;
    char key[16];
    snprintf(key, sizeof key, "means.%s", x->country->id);
    x_recast(x, m, dated_attr(x, x_entry(x, m->m), key, day));
}

/* The name an actor goes by: `name.XX` when the country is XX (Niger's
 * gendarmerie is military, Mali's is police), then `renamed` or `joined`
 * from its date on (the CMA became the CSP-PSD; Ansar Dine fights as JNIM
 * from March 2017), else `name`. */
static const char *template_of(xdoc *x, const lex_entry *e, const lex_entry *c,
                               long day)
{
    if (c) {
        char key[16];
        snprintf(key, sizeof key, "name.%s", c->id);
        const char *n = lex_attr_get(e, key);
        if (n)
            return n;
    }
    const char *r = dated_attr(x, e, "renamed", day);
    if (!r)
        r = dated_attr(x, e, "joined", day);
    if (r && *r)
        return r;
    const char *n = lex_attr_get(e, "name");
    return n ? n : e->id;
}

/* Template tpl with {country} and {era} filled in for country c on day
 * `day`. */
static veille_str fill_template(xdoc *x, const lex_entry *c, const char *tpl, long day)
{
    const char *cname = c ? lex_attr_get(c, "name") : NULL;
    /* "Military Forces of the Ivory Coast" but "Civilians (Ivory Coast)" */
    const char *cof = c ? lex_attr_get(c, "of") : NULL;
    const char *era = NULL;
    size_t era_len = 0;
    int has_era = era_label(c, day, &era, &era_len);
    size_t cap = strlen(tpl) + (cname ? strlen(cname) : 0) +
                 (cof ? strlen(cof) : 0) + era_len + 1;
    char *o = arena_alloc(&x->c->mem, cap);
    if (!o)
        return (veille_str){"", 0};
    size_t k = 0;
    for (const char *p = tpl; *p;) {
        const char *val = NULL;
        size_t vlen = 0, skip = 0;
        if (*p != '{') {
            o[k++] = *p++;
            continue;
        }
        if (strncmp(p, "{country}", 9) == 0) {
            val = k >= 3 && !memcmp(o + k - 3, "of ", 3) && cof ? cof : cname;
            vlen = val ? strlen(val) : 0;
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
        /* Unknown: drop " ({x})" whole, or the space before a bare
         * {x} ("Police Forces of {country} …" with no country known). */
        p += skip;
        if (k && o[k - 1] == '(' && *p == ')') {
            k--;
            p++;
            if (k && o[k - 1] == ' ')
                k--;
        } else if (k && o[k - 1] == ' ' && (*p == ' ' || !*p)) {
            k--;
            /* "Military Forces of {country}" with no country known:
             * "Military Forces", not "Military Forces of" */
            if (k >= 3 && memcmp(o + k - 3, " of", 3) == 0)
                k -= 3;
        }
    }
    o[k] = '\0';
    return (veille_str){o, k};
}

veille_str x_actor_name(xdoc *x, const lex_entry *e, long day)
{
    const lex_entry *c = country_of(x, e);
    return fill_template(x, c, template_of(x, e, c, day), day);
}

veille_str x_kind_assoc(xdoc *x, const lex_entry *e, long day)
{
    const char *a = lex_attr_get(e, "assoc");
    if (!a || !*a)
        return (veille_str){NULL, 0};
    return fill_template(x, country_of(x, e), a, day);
}

/* Determiners and the like, skipped when looking at the word before an
 * actor ("par les terroristes", "by the militants"). */
static const char *const dets[] = {
    "le", "la", "les", "l'", "un", "une", "des", "du", "de", "d'", "ces",
    "leurs", "leur", "ses", "sa", "son", "the", "a", "an", "some", "their",
    "its", "his", "her", "suspected", "presumed", "presumes", "presume",
    "presumes", "suspected", "alleged", "supposed", "so-called", NULL};

/* The word before token t, skipping determiners, within the sentence. */
static int is_agent_mark(const xdoc *x, long t);
static int is_target_mark(const xdoc *x, long t);
static int is_of(const xdoc *x, long t);

/* "a convoy escorted by Koglweogo fighters", "des positions occupées par
 * des combattants": "by"/"par" after these names who escorts or holds,
 * not who attacked. */
static const char *const not_agent_participles[] = {
    "escorted", "accompanied", "guarded", "protected", "led", "backed",
    "supported", "flanked", "followed", "owned", "occupied", "held",
    "manned", "run", "controlled", "escorte", "escortee", "escortes",
    "escortees", "accompagne", "accompagnee", "accompagnes", "accompagnees",
    "protege", "protegee", "proteges", "protegees", "dirige", "dirigee",
    "diriges", "soutenu", "soutenue", "soutenus", "appuye", "appuyee",
    "appuyes", "occupe", "occupee", "occupes", "occupees", "tenu", "tenue",
    "tenus", "tenues", "controle", "controlee", "controles", "controlees",
    "garde", "gardee", "gardes", "gardees", NULL};

/* A relative clause opens between a and b ("qui avaient été récupérés
 * par…", "which had been seized by…"). */
static int relative_between(const xdoc *x, size_t a, size_t b)
{
    static const char *const rel[] = {"qui", "which", "who", "that",
                                      "lesquels", "lesquelles", "dont",
                                      "whose", NULL};
    for (size_t j = a; j < b; j++)
        if (x_in(x, j, rel))
            return 1;
    return 0;
}

/* Does a new clause open between a and b?  "ISWAP militants attacked
 * the village, and two vehicles were seized by the militants": the
 * generic agent of a later clause is the group named before, not another
 * side ("…, the IED was likely planted by JNIM" still names the agent). */
static int clause_between(const xdoc *x, size_t a, size_t b)
{
    static const char *const stop[] = {",", ";", ":", NULL};
    for (size_t j = a; j < b; j++)
        if (x_in(x, j, stop))
            return 1;
    return 0;
}

static long skip_dets(const xdoc *x, size_t t, size_t lo)
{
    size_t j = t;
    while (j > lo) {
        j--;
        if (!x_in(x, j, dets) || is_of(x, (long)j))
            return (long)j;
    }
    return -1;
}

/* "frappe de l'armée": "de" is the word before; but "par des hommes
 * armés", "contre des civils": the mark before the partitive "des". */
static long word_before(const xdoc *x, size_t t, size_t lo)
{
    long j = skip_dets(x, t, lo);
    if (j > (long)lo && is_of(x, j)) {
        long k = skip_dets(x, (size_t)j, lo);
        if (is_agent_mark(x, k) || is_target_mark(x, k) ||
            (k >= 0 && x_at_end(x, (size_t)k, LEX_REPORT)) ||
            (k >= 0 && (x_is(x, (size_t)k, "entre") ||
                        x_is(x, (size_t)k, "between"))))
            return k;
    }
    return j;
}

/* "Malian forces seized control of Douentza after a long occupation by
 * rebels": after a taking of ground, "by" right after the name of another
 * act is that act's agent, the side that held the place before.  (Not so
 * for other acts: "abducted after an attack by Ansar Dine" names who
 * abducted.) */
static int other_act_by(const xdoc *x, const lex_match *trig, size_t by)
{
    return strstr(x_entry(x, trig)->cls, "territory") &&
           by > trig->first + trig->count && x_at_end(x, by - 1, LEX_TRIGGER);
}

static int is_agent_mark(const xdoc *x, long t)
{
    static const char *const m[] = {"par", "by", NULL};
    if (t >= 0 && x_in(x, (size_t)t, m))
        return 1;
    /* "an attack blamed on the ADF", "attributed to", "une attaque
     * attribuée aux ADF", "imputée à" */
    static const char *const blamed[] = {
        "blamed", "attributed", "ascribed", "attribuee", "attribuees",
        "attribue", "attribues", "imputee", "imputees", "impute", "imputes", NULL};
    static const char *const to[] = {"on", "to", "a", "au", "aux", NULL};
    return t > 0 && x_in(x, (size_t)t, to) && x_in(x, (size_t)t - 1, blamed);
}

/* Target marks that also say where ("at a checkpoint", "on the road"). */
static const char *const where_marks[] = {"at", "on", "sur", NULL};

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

static const char *const retaken_fr[] = {"repris", "reprise", "reprises",
                                         "arrache", "arrachee", "enleve",
                                         "enlevee", "controle", NULL};

/* Is the mention at t the object of a toll after the trigger ("…,
 * killing 11 people", "faisant cinq morts parmi les civils")? */
static int toll_object(const xdoc *x, size_t t, size_t t1)
{
    for (size_t j = t, k = 0; j > t1 && k < 4; k++) {
        j--;
        if (x_at_end(x, j, LEX_CASUALTY)) {
            /* a participle: "killing", "leaving", "faisant", "tuant" */
            const lex_match *cm = x_ending(x, j, LEX_CASUALTY);
            const token *v = &x->d->toks[cm ? cm->first : j];
            const char *w = tok_fold(x->d, v);
            return v->flen > 4 && (!memcmp(w + v->flen - 3, "ing", 3) ||
                                   !memcmp(w + v->flen - 3, "ant", 3));
        }
        if (!(x->d->toks[j].kind == TOK_NUMBER || x_at(x, j, LEX_NUMBER) ||
              x_in(x, j, dets) || x_is(x, j, "parmi") || x_is(x, j, "among")))
            return 0;
    }
    return 0;
}

/* "retaken from (Ahlu Sunnah Wa-Jama) insurgents", "reprise aux
 * jihadistes": is the mention at t named as who held the ground before?
 * Names the dictionary lacks may come between. */
static int held_from(const xdoc *x, size_t t, size_t t1)
{
    for (size_t j = t, k = 0; j > t1 && k < 6; k++) {
        j--;
        if (x_is(x, j, "from") || (x_is(x, j, "aux") && x_in(x, t1 - 1, retaken_fr)))
            return 1;
        if (!(x->d->toks[j].flags & TOKF_CAP) && !x_in(x, j, dets))
            return 0;
    }
    return 0;
}

/* Is mention b an "of" phrase of mention a right before it: "a militant
 * of an unnamed armed group", "des éléments de la katiba"?  An "of", then
 * at most two determiners or adjectives. */
static int of_attached(const xdoc *x, const xmention *a, const xmention *b)
{
    size_t e = a->first + a->count;
    if (b->first <= e || b->first > e + 3 || !is_of(x, (long)e))
        return 0;
    for (size_t j = e + 1; j < b->first; j++)
        if (x->d->toks[j].kind != TOK_WORD || x_at(x, j, LEX_TRIGGER) ||
            x_at(x, j, LEX_CASUALTY))
            return 0;
    return 1;
}

/* Is the "of" at wb the trigger's own, the words between being a count
 * and "members": "l'enlèvement de civils", "the disappearance of two
 * members of the Fulani community"? */
static int of_chain(const xdoc *x, size_t t1, size_t wb)
{
    if (wb < t1 + 3)
        return 1;
    static const char *const filler[] = {
        "of", "the", "a", "an", "some", "several", "members", "member",
        "elements", "de", "des", "du", "d'", "les", "la", "le", "l'",
        "membres", "membre", "plusieurs", NULL};
    if (wb > t1 + 6)
        return 0;
    for (size_t j = t1; j < wb; j++)
        if (!(x_in(x, j, filler) || x->d->toks[j].kind == TOK_NUMBER ||
              x_at(x, j, LEX_NUMBER)))
            return 0;
    return 1;
}

/* Is the mention at t named as who helps ("backed by clan militias",
 * "soutenus par des milices locales")?  A participle and "by" a few
 * words before it, with no punctuation between. */
static int helped_by(const xdoc *x, size_t t, size_t lo)
{
    for (size_t j = t, k = 0; j > lo + 1 && k < 4; k++) {
        j--;
        if (x->d->toks[j].kind == TOK_PUNCT)
            return 0;
        if (is_agent_mark(x, (long)j))
            return x_in(x, j - 1, not_agent_participles);
    }
    return 0;
}

static int passive_before(const xdoc *x, size_t t0, size_t lo)
{
    static const char *const aux[] = {"ete", "etre", "was", "were", "been",
                                      "being", "be", "is", "are", "get",
                                      "got", NULL};
    /* not "what was an attack", "appeared to be the disappearance of":
     * a noun after the verb */
    static const char *const noun_dets[] = {"a", "an", "the", "un", "une",
                                            "le", "la", "les", "l'", NULL};
    for (size_t j = t0, k = 0; j > lo && k < 3; k++) {
        j--;
        if (x_in(x, j, noun_dets))
            return 0;
        if (x_in(x, j, aux))
            return 1;
    }
    return 0;
}

/* A passive verb between tokens a and b ("were killed in Touronata
 * by"). */
static int passive_between(const xdoc *x, size_t a, size_t b)
{
    static const char *const aux[] = {"ete", "was", "were", "been", "being",
                                      "is", "are", "got", NULL};
    for (size_t j = a; j < b; j++)
        if (x_in(x, j, aux))
            return 1;
    return 0;
}

/* Is this actor a generic label ("militants", "hommes armés") that a
 * named actor next to it makes more precise? */
static int is_generic(const lex_entry *e)
{
    const char *n = lex_attr_get(e, "name");
    return x_unidentified(e) || (n && strstr(n, "{country}") && !lex_attr_get(e, "country"));
}

/* The mention that starts at token t (an actor match there), or 0. */
static int mention_at(const xdoc *x, size_t t, size_t hi, xmention *out)
{
    const lex_match *a = x_at(x, t, LEX_ACTOR);
    if (!a)
        return 0;
    /* French adjectives after their noun: "les activités terroristes",
     * "des attaques jihadistes" name no actor */
    static const char *const adj[] = {
        "terroriste", "terroristes", "jihadiste", "jihadistes",
        "djihadiste", "djihadistes", "islamiste", "islamistes", NULL};
    if (a->count == 1 && t > 0 && x->lang == LANG_FR && x_in(x, t, adj) &&
        x->d->toks[t - 1].kind == TOK_WORD && !x_in(x, t - 1, dets) &&
        !x_at_end(x, t - 1, LEX_ACTOR) && !x_at_end(x, t - 1, LEX_NUMBER) &&
        x->d->toks[t - 1].sent == x->d->toks[t].sent &&
        !(x->d->toks[t - 1].kind == TOK_NUMBER))
        return 0;
    /* "nos hommes", "his men": someone's troops, not people */
    static const char *const poss[] = {"nos", "ses", "leurs", "leur", "his",
                                       "their", "our", "its", NULL};
    if (lex_attr_get(x_entry(x, a), "person") && t > 0 && x_in(x, t - 1, poss))
        return 0;
    memset(out, 0, sizeof *out);
    out->m = a;
    size_t end = t + a->count;
    for (;;) {
        const lex_match *b = end < hi ? x_at(x, end, LEX_ACTOR) : NULL;
        /* "des combattants du JNIM", "des soldats des FAMa", "Islamists
         * from Ansar Dine": a generic word named by the group after
         * de/du/des/of/from */
        if (!b && end + 1 < hi && is_generic(x_entry(x, out->m)) &&
            x_inter(x_entry(x, out->m)) != 7 &&
            (x_is(x, end, "de") || x_is(x, end, "du") || x_is(x, end, "des") ||
             x_is(x, end, "d'") || x_is(x, end, "of") || x_is(x, end, "from"))) {
            size_t j = end + 1;
            if (j < hi && (x_is(x, j, "l'") || x_is(x, j, "la") || x_is(x, j, "le") ||
                           x_is(x, j, "the")))
                j++;
            const lex_match *c = j < hi ? x_at(x, j, LEX_ACTOR) : NULL;
            /* "from the Islamist MUJAO group", "of the jihadist group
             * JNIM": past an adjective or a generic word */
            size_t past = c ? j + c->count : j + 1;
            if ((!c || is_generic(x_entry(x, c))) && past < hi &&
                (c || x->d->toks[j].kind == TOK_WORD) && x_at(x, past, LEX_ACTOR)) {
                j = past;
                c = x_at(x, j, LEX_ACTOR);
            }
            if (c && !is_generic(x_entry(x, c))) {
                out->m = c;
                end = j + c->count;
                continue;
            }
        }
        if (b) { /* "JNIM militants" */
            if (is_generic(x_entry(x, out->m)) && !is_generic(x_entry(x, b)))
                out->m = b;
            /* "a MINUSMA contractor", "an army informant": the last noun
             * is the head, and the people it names are civilians */
            else if (x->lang == LANG_EN && x_inter(x_entry(x, b)) == 7 &&
                     x_inter(x_entry(x, out->m)) != 7)
                out->m = b;
            end += b->count;
            continue;
        }
        /* "Katiba Macina (JNIM) militants": the bracket names the parent */
        if (end + 2 < hi && x_is(x, end, "(") && x_at(x, end + 1, LEX_ACTOR) &&
            x_is(x, end + 1 + x_at(x, end + 1, LEX_ACTOR)->count, ")")) {
            const lex_match *in = x_at(x, end + 1, LEX_ACTOR);
            /* "Boko Haram (JAS)": the same group by its exact name, which
             * no later split makes ambiguous */
            const char *n0 = lex_attr_get(x_entry(x, out->m), "name");
            const char *n1 = lex_attr_get(x_entry(x, in), "name");
            if (n0 && n1 && !strcmp(n0, n1))
                out->m = in;
            end += 2 + in->count;
            continue;
        }
        /* or, ou, /, and/or, et/ou */
        size_t sep = 0;
        if (x_is(x, end, "or") || x_is(x, end, "ou") || x_is(x, end, "/"))
            sep = 1;
        else if ((x_is(x, end, "and") || x_is(x, end, "et")) &&
                 x_is(x, end + 1, "/") &&
                 (x_is(x, end + 2, "or") || x_is(x, end + 2, "ou")))
            sep = 3;
        if (sep && end + sep < hi && !out->alt) {
            const lex_match *c = x_at(x, end + sep, LEX_ACTOR);
            if (c && !is_generic(x_entry(x, c)) && !is_generic(x_entry(x, out->m)) &&
                x_entry(x, c) != x_entry(x, out->m)) {
                out->alt = c;
                end += sep + c->count;
                continue;
            }
        }
        break;
    }
    out->first = (uint32_t)t;
    out->count = (uint32_t)(end - t);
    return 1;
}

/* The token before a mention's determiners and count ("killed [3]
 * people", "ont tué [des] civils"): where the verb of an object stands;
 * -1 when the sentence starts there. */
static long verb_slot(const xdoc *x, const xmention *m, size_t lo)
{
    long j = skip_dets(x, m->first, lo);
    if (j >= 0 && (x->d->toks[j].kind == TOK_NUMBER || x_at(x, (size_t)j, LEX_NUMBER)))
        j = j > (long)lo ? j - 1 : -1;
    return j;
}

/* Is the mention the object of a verb before it ("killed 3 people",
 * "ont tué des civils")? */
static int object_of_verb(const xdoc *x, const xmention *m, size_t lo)
{
    long j = verb_slot(x, m, lo);
    return j >= 0 && (x_at_end(x, (size_t)j, LEX_CASUALTY) ||
                      x_at_end(x, (size_t)j, LEX_TRIGGER));
}

/* Is the mention the object of a verb in the past that no list knows
 * ("removed two passengers", "ont dépouillé des passagers")?  English: a
 * word in -ed; French: a participle in -é, -ée, -és, -ées. */
static int object_of_past(const xdoc *x, const xmention *m, size_t lo)
{
    long j = verb_slot(x, m, lo);
    if (j < 0 || x->d->toks[j].kind != TOK_WORD)
        return 0;
    const token *k = &x->d->toks[j];
    const char *w = x->d->text + k->off;
    size_t n = k->len;
    if (x->lang == LANG_EN)
        return n > 4 && w[n - 2] == 'e' && w[n - 1] == 'd';
    static const char *const ends[] = {"\xc3\xa9", "\xc3\xa9" "e",
                                       "\xc3\xa9" "s", "\xc3\xa9" "es",
                                       NULL};
    for (size_t i = 0; ends[i]; i++) {
        size_t e = strlen(ends[i]);
        if (n > e + 2 && !memcmp(w + n - e, ends[i], e))
            return 1;
    }
    return 0;
}

/* The object of any verb, listed or not: "X removed passengers and
 * assaulted the driver" names X, not the passengers, as who acted. */
static int object_of_any_verb(const xdoc *x, const xmention *m, size_t lo)
{
    return object_of_verb(x, m, lo) || object_of_past(x, m, lo);
}

/* A group known by its own name (MNLA, JNIM, Dan Na Ambassagou), not a
 * kind of people ("soldiers", "a teacher", "gunmen"). */
static int named_group(const lex_entry *e)
{
    int in = x_inter(e);
    return (in == 2 || in == 3 || in == 4) && !is_generic(e);
}

/* Is the mention one of a list that names an object's members ("executed
 * 4 people, including a marabout of the Songhai community, and abducted…",
 * "dont un chef de village")?  Then it is nobody's subject. */
static int in_listing(const xdoc *x, const xmention *m, size_t lo)
{
    static const char *const listing[] = {"including", "dont", "notamment",
                                          "incluant", NULL};
    static const char *const clause_opens[] = {
        "when", "as", "after", "while", "where", "lorsque", "quand", "alors",
        "apres", "ou", NULL};
    /* back over the list's other members and commas, not past a verb,
     * a bracket or twelve words */
    for (long j = (long)m->first - 1; j >= (long)lo && j + 12 > (long)m->first; j--) {
        const token *tk = &x->d->toks[j];
        if (tk->kind == TOK_PUNCT && !x_is(x, (size_t)j, "'") &&
            !x_is(x, (size_t)j, "-") && !x_is(x, (size_t)j, ","))
            return 0;
        if (x_at(x, (size_t)j, LEX_TRIGGER) || x_at(x, (size_t)j, LEX_REPORT) ||
            x_in(x, (size_t)j, clause_opens))
            return 0;
        if (x_in(x, (size_t)j, listing)) {
            /* "rebel groups, including the MNLA…": the members of an
             * actor named before are that actor, spelt out */
            long h = j - 1;
            while (h >= (long)lo && x_is(x, (size_t)h, ","))
                h--;
            if (h < (long)lo)
                return 0;
            /* "three people were killed, including two soldiers": the
             * members of the toll are the victims the sentence names */
            if (x_at_end(x, (size_t)h, LEX_CASUALTY) || x_at_end(x, (size_t)h, LEX_TRIGGER))
                return 0;
            /* "executed 4 people, including…": the object's members;
             * "armed groups, including the MNLA": the subject's */
            const lex_match *am = x_ending(x, (size_t)h, LEX_ACTOR);
            if (!am)
                return 1;
            xmention head = {.m = am, .first = (uint32_t)am->first, .count = (uint32_t)am->count};
            return object_of_verb(x, &head, lo);
        }
    }
    return 0;
}

/* Is the mention the complement of a noun ("the village of the Dogon",
 * "le village des Peuls")? */
static int is_of_phrase(const xdoc *x, const xmention *m, size_t lo)
{
    long j = m->first > lo ? (long)m->first - 1 : -1;
    while (j > (long)lo && x_in(x, (size_t)j, dets) && !is_of(x, j))
        j--;
    return j > (long)lo && is_of(x, j) && x->d->toks[j - 1].kind == TOK_WORD &&
           !x_at_end(x, (size_t)j - 1, LEX_ACTOR);
}

/* An article in [a, b): "attacked a position of the army" — the "of"
 * belongs to the object's noun, not to the trigger. */
static int article_in(const xdoc *x, size_t a, size_t b)
{
    static const char *const articles[] = {"a", "an", "the", "un", "une",
                                           "le", "la", "les", "l'", NULL};
    for (size_t t = a; t < b; t++)
        if (x_in(x, t, articles))
            return 1;
    return 0;
}

/* Two entries that name one actor: the same entry, or a post or a camp
 * of the army named beside it ("Niger's armed forces … a military post"):
 * the same ACLED name for the same country. */
static int same_actor(const xdoc *x, const lex_entry *a, const lex_entry *b)
{
    if (a == b)
        return 1;
    if (!lex_attr_get(a, "site") && !lex_attr_get(b, "site"))
        return 0;
    const char *na = lex_attr_get(a, "name"), *nb = lex_attr_get(b, "name");
    return na && nb && !strcmp(na, nb) && country_of(x, a) == country_of(x, b);
}

/* A post, a camp, a convoy of a force: "a military camp", or the force's
 * name before such a word ("Malian army post", "FAMa convoy"). */
static int is_site(const xdoc *x, const xmention *m)
{
    static const char *const heads[] = {
        "post", "posts", "outpost", "base", "bases", "camp", "camps",
        "convoy", "convoys", "checkpoint", "checkpoints", "position",
        "positions", "barracks", "station", NULL};
    const lex_entry *e = x_entry(x, m->m);
    if (lex_attr_get(e, "site"))
        return 1;
    size_t end = m->first + m->count;
    return x->lang == LANG_EN && x_inter(e) == 1 && end < x->d->ntok &&
           x->d->toks[end].sent == x->d->toks[m->first].sent && x_in(x, end, heads);
}

void x_roles(const xdoc *x, size_t si, const lex_match *trig, xmention *a1,
             xmention *a2)
{
    static const char *const the_words[] = {"the", "these", "those", "les",
                                            "ces", NULL};
    const sentence *s = &x->d->sents[si];
    size_t lo = s->first, hi = s->first + s->count;
    size_t t0 = trig->first, t1 = trig->first + trig->count;
    /* "Formation of armed group: MIA, a new rebel group, was announced",
     * "Movement of forces: French troops entered Niger": a heading with
     * no act named after it; the report's first actor is its subject */
    if (x_heading(x, s, trig)) {
        xmention h;
        for (size_t t = t1 + 1; t < hi; t++)
            if (mention_at(x, t, hi, &h)) {
                t0 = t1 = h.first + h.count;
                break;
            }
    }
    xmention none = {0};
    xmention agent = none, patient = none, subject = none, subject2 = none,
             object = none, object2 = none;
    int between = 0; /* "entre X et Y", "between X and Y" */
    xmention subjects[8]; /* the mentions before the trigger, in order */
    size_t nsub = 0;
    int passive = passive_before(x, t0, lo);
    int helper = 0; /* the last mention before was an associate */
    static const char *const and_words[] = {"and", "et", ",", NULL};
    for (size_t t = lo; t < hi; t++) {
        xmention a;
        if (!mention_at(x, t, hi, &a))
            continue;
        long wb = word_before(x, t, lo);
        /* "selon des habitants", "residents said": a source, not a role */
        size_t ae = a.first + a.count;
        if ((wb >= 0 && x_at_end(x, (size_t)wb, LEX_REPORT)) ||
            (wb > (long)lo && x_at(x, (size_t)wb, LEX_WEEKDAY) &&
             x_at_end(x, (size_t)wb - 1, LEX_REPORT)) ||
            (t >= t1 && ae < hi && x_at(x, ae, LEX_REPORT))) {
            t = ae - 1;
            continue;
        }
        /* "L'armée a annoncé la mort de cinq civils": the speaker, not the
         * attacker — unless it speaks of its own act ("a annoncé avoir
         * frappé", "said it had killed") */
        if (t < t0 && ae < t0) {
            size_t r = ae;
            if (r + 1 < t0 && !x_at(x, r, LEX_REPORT) &&
                x->d->toks[r].kind == TOK_WORD)
                r++; /* an adverb or a date word between */
            const lex_match *rm = x_at(x, r, LEX_REPORT);
            if (rm && r + rm->count < t0) {
                size_t n = r + rm->count;
                /* "a démenti mercredi avoir tué", "said on Friday that
                 * they had repelled" */
                static const char *const when[] = {"on", "le", "ce", "this",
                                                   "last", ",", NULL};
                while (n + 1 < t0 && (x_at(x, n, LEX_WEEKDAY) || x_in(x, n, when)))
                    n++;
                static const char *const that[] = {"that", "que", NULL};
                if (n + 1 < t0 && x_in(x, n, that))
                    n++;
                static const char *const own[] = {
                    "avoir", "d'", "having", "it", "they", "qu'elle",
                    "qu'il", "qu'ils", "ses", "its", "their", "ils",
                    "elles", "elle", "il", "leurs", "leur", "we", "nous",
                    NULL};
                if (!x_in(x, n, own)) {
                    t = r + rm->count - 1;
                    continue;
                }
            }
        }
        if (t < t0 && is_agent_mark(x, wb) && !agent.m &&
            !(wb > 0 && x_in(x, (size_t)wb - 1, not_agent_participles)) &&
            passive_between(x, subject.m ? subject.first + subject.count : lo,
                            (size_t)wb)) {
            /* "were killed in Touronata by armed men, in attacks" */
            agent = a;
        } else if (t < t0 && !passive && in_listing(x, &a, lo) &&
                   !named_group(x_entry(x, a.m))) {
            ; /* a member of the object's list */
        } else if (t < t0 && subject.m &&
                   (helped_by(x, a.first, lo) ||
                    (helper && wb >= 0 && x_in(x, (size_t)wb, and_words)))) {
            /* "gendarmes supported by volunteer fighters killed…",
             * "…supported by soldiers and gendarmes": who helps is an
             * associate, the subject stays */
            helper = 1;
            t = a.first + a.count - 1;
            continue;
        } else if (t < t0 && subject.m && of_attached(x, &subject, &a) &&
                   is_generic(x_entry(x, subject.m)) && x_armed_inter(x_inter(x_entry(x, a.m)))) {
            /* "a militant of an unnamed armed group", "members of JNIM":
             * one side, named by the more precise of the two */
            if (!is_generic(x_entry(x, a.m))) {
                subject = a;
                if (nsub)
                    subjects[nsub - 1] = a;
            }
        } else if (t < t0) {
            subject2 = subject;
            subject = a;
            if (nsub < sizeof subjects / sizeof *subjects)
                subjects[nsub++] = a;
        } else if (t >= t1 && subject.m && !passive && a.first > lo &&
                   x_in(x, a.first - 1, the_words) && x_unidentified(x_entry(x, a.m)) &&
                   !is_generic(x_entry(x, subject.m)) &&
                   (x_inter(x_entry(x, subject.m)) == 2 ||
                    x_inter(x_entry(x, subject.m)) == 3)) {
            /* "Ansaroul Islam militants attacked the school, the
             * assailants tied up its director": the group again, not a
             * second armed side (but "soldiers attacked, the militants
             * fled" names the other side) */
            ;
        } else if (t >= t1 && subject2.m && lex_attr_get(x_entry(x, trig), "mutual") &&
                   toll_object(x, t, t1)) {
            /* "X and Y exchanged fire, killing 11 people": the dead, not
             * a side */
            ;
        } else if (t >= t1) {
            /* "par X" names the agent near the trigger, not in a clause
             * far after it ("…contre des véhicules qui avaient été
             * récupérés par des terroristes") */
            if (is_agent_mark(x, wb) && subject.m &&
                clause_between(x, t1, (size_t)wb) && is_generic(x_entry(x, a.m)) &&
                !is_generic(x_entry(x, subject.m)))
                ; /* the subject again, in other words */
            else if (is_agent_mark(x, wb) && !agent.m && !relative_between(x, t1, t) &&
                     !(wb > 0 && x_in(x, (size_t)wb - 1, not_agent_participles)) &&
                     !(subject.m && !passive && other_act_by(x, trig, (size_t)wb)))
                agent = a;
            else if (is_target_mark(x, wb) && !patient.m &&
                     !(object.m && !passive && x_in(x, (size_t)wb, where_marks)))
                patient = a; /* but "shot dead a civilian at a checkpoint":
                              * where, once the verb has its object */
            else if (!patient.m && strstr(x_entry(x, trig)->cls, "territory") &&
                     held_from(x, a.first, t1))
                patient = a; /* "retaken from the insurgents", "reprise aux
                              * jihadistes": who held it before */
            else if (wb >= 0 && of_chain(x, t1, (size_t)wb) && is_of(x, wb) &&
                     !agent.m && !patient.m && !object.m &&
                     !article_in(x, t1, (size_t)wb)) {
                /* "frappes des FAMa", "l'enlèvement de civils"; but "pris
                 * le contrôle du camp militaire": what is taken */
                const char *tc = x_entry(x, trig)->cls;
                int territory = strstr(tc, "territory") != NULL;
                if (x_inter(x_entry(x, a.m)) == 7 || territory ||
                    lex_attr_get(x_entry(x, a.m), "site"))
                    patient = a;
                else
                    agent = a;
            } else if (wb >= 0 && (x_is(x, (size_t)wb, "entre") ||
                                   x_is(x, (size_t)wb, "between"))) {
                if (!agent.m)
                    agent = a;
                between = 1;
            } else if (between && !patient.m && a.m != agent.m) {
                patient = a;
            } else if (!object.m) {
                object = a;
            } else if (!object2.m) {
                object2 = a; /* "ont opposé X à Y" */
            }
        }
        helper = 0;
        t = a.first + a.count - 1;
    }
    if (passive) {
        if (!patient.m)
            patient = subject;
        if (!agent.m && object.m && object.m != patient.m)
            agent = object;
    } else {
        if (!agent.m && !subject.m && object.m && object2.m && !patient.m) {
            agent = object; /* "Des combats ont opposé X à Y" */
            patient = object2;
        } else if (!agent.m) {
            agent = subject;
            /* "X et Y se sont affrontés", "X and Y clashed" */
            if (subject2.m && !patient.m && !object.m &&
                !object_of_verb(x, &subject, lo)) {
                patient = subject;
                agent = subject2;
            } else if (subject2.m && object_of_any_verb(x, &subject, lo)) {
                /* "X have killed 3 people and abducted 7 others": X
                 * abducted; the people were the first verb's object, and
                 * so were those named with them ("attacked the Dogon
                 * village and killed one individual") */
                size_t k = nsub - 1;
                /* back over the objects of verbs and the "of" phrases
                 * that complete a noun ("attacked the position of the
                 * chief and killed…"), in whatever order they come */
                while (k > 0 && (object_of_any_verb(x, &subjects[k], lo) ||
                                 is_of_phrase(x, &subjects[k], lo)))
                    k--;
                agent = subjects[k];
                /* "the army killed fifteen militants and seized motorbikes":
                 * whom the incident hit */
                if (!patient.m && !object.m)
                    patient = subject;
            }
        } else if (subject.m && !patient.m) {
            patient = subject; /* "… tombée dans une embuscade tendue par X" */
        }
        if (!patient.m && object.m != agent.m)
            patient = object;
    }
    if (patient.m && agent.m && same_actor(x, x_entry(x, patient.m), x_entry(x, agent.m)))
        patient = none; /* "the army repelled an attack on its post" */
    /* "Malian army post attacked around midnight", "a military convoy came
     * under attack": a post or a convoy is what is hit, never who hits */
    if (agent.m && agent.first < t0 && is_site(x, &agent) &&
        (!patient.m || (patient.first > agent.first &&
                        x_inter(x_entry(x, patient.m)) == x_inter(x_entry(x, agent.m))))) {
        /* "… two soldiers dead": the post's own men */
        if (!patient.m)
            patient = agent;
        agent = none;
    }
    *a1 = agent;
    *a2 = patient;
}

/*
 * assemble.c — the assemble stage: from an article's matches to events.
 *
 *  1. Dates are read first, so that their numbers are not taken for counts.
 *  2. Each sentence with a trigger is a frame: the most specific trigger
 *     (its `prec`) gives the event class; roles, date, fatalities, claimant
 *     and certainty are read in the sentence.
 *  3. Frames describe incidents: a frame joins the incident before it when
 *     the type agrees (or one of the two triggers is vague) and the dates do
 *     not disagree; otherwise it starts a new incident.
 *  4. Each incident's class is refined with its actors (an "attack" on
 *     soldiers is an armed clash; an "arrest" by a rebel group is an
 *     abduction) and it becomes an event record; the main event, the
 *     earliest, comes first.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../geo/geo.h"
#include "extract.h"
#include "taxonomy.h"
#include "xdoc.h"

typedef struct frame {
    const taxon *tx;
    const lex_entry *trig;
    const lex_match *tm;
    int prec;
    uint32_t sent;
    xdate date;
    int has_date;
    long fatal; /* -1: none given */
    long last_fatal; /* the last sentence's figure, against repeats */
    int fatal_coded; /* the count the report's coder states: final */
    uint32_t fat_first, fat_count;
    xmention a1, a2;
    xclaim claim;
    int a1_victim; /* actor1 is who was killed ("des soldats ont péri") */
    int a1_died;   /* …and plainly so: "25 Islamists killed." */
    int mutiny;    /* "soldiers mutinied": state forces turned rebels */
    int aside;     /* opens on "Par ailleurs", "Elsewhere": another incident */
    const xplace *place;
    uint32_t mask; /* what the sentence also says (M_*) */
} frame;

/* Other triggers in the sentence that refine the class. */
enum {
    M_PROTEST = 1,
    M_INTERVENE = 2,
    M_RIOT = 4,
    M_FORCE = 8,
    M_CLASH = 16,   /* clashed, fought: in a protest, a riot */
    M_DESTROY = 32, /* burned, vandalised, looted */
    M_KILL = 64,    /* someone was killed */
    M_DISRUPT = 256, /* intercepted, shot down, defused, seized weapons */
    M_WOUND = 512,   /* someone was wounded */
    M_HARM = 1024,   /* tortured, beaten, stabbed (harm=1) */
    M_GROUND = 2048, /* troops fight on the ground too (ground=1) */
    M_ARREST = 4096, /* someone was arrested */
    M_AIRSHOT = 8192, /* shots fired in the air (a riot's noise) */
    M_SEXUAL = 16384, /* raped, sexually assaulted */
    M_UNOPPOSED = 32768, /* met no resistance, after the others withdrew */
};

static int entry_prec(const lex_entry *e)
{
    const char *p = lex_attr_get(e, "prec");
    return p ? p[0] - '0' : 5;
}

static veille_str vs(const char *s) { return (veille_str){s, strlen(s)}; }

static uint32_t mask_of(const char *cls)
{
    if (!strcmp(cls, "peaceful_protest"))
        return M_PROTEST;
    if (!strcmp(cls, "protest_with_intervention"))
        return M_INTERVENE;
    if (!strcmp(cls, "violent_demonstration") || !strcmp(cls, "mob_violence"))
        return M_RIOT;
    if (!strcmp(cls, "excessive_force_protesters"))
        return M_FORCE;
    if (!strcmp(cls, "armed_clash") || !strcmp(cls, "attack"))
        return M_CLASH;
    if (!strcmp(cls, "looting_property_destruction"))
        return M_DESTROY;
    return 0;
}

static int is_political(const taxon *t) { return t->event_type[0] == '\0'; }

/* "armed Fulani youth", "des Peuls armés": the people's armed men. */
static int armed_word_next_to(const xdoc *x, const xmention *m)
{
    if (!m->m)
        return 0;
    static const char *const armed[] = {"armed", "arme", "armes", "armee",
                                        "armees", NULL};
    size_t b = m->first, e = m->first + m->count;
    return (b > 0 && x_is(x, b - 1, "armed")) ||
           (e < x->d->ntok && x_in(x, e, armed));
}

/* The country of the article's outlet, when its `source` (or one of the
 * outlets it lists, "Sidwaya; Le Pays") is in outlets.txt.  Sets
 * x->country; returns -1 only when out of memory. */
static int outlet_country(xdoc *x)
{
    veille_str src = x->a->f[VEILLE_F_SOURCE];
    if (!src.len)
        return 0;
    buf fold = BUF_INIT, key = BUF_INIT;
    int rc = 0;
    size_t i = 0;
    while (i < src.len && !x->country) {
        size_t j = i;
        while (j < src.len && src.ptr[j] != ';')
            j++;
        size_t a = i, b = j;
        while (a < b && (src.ptr[a] == ' ' || src.ptr[a] == '\t'))
            a++;
        while (b > a && (src.ptr[b - 1] == ' ' || src.ptr[b - 1] == '\t'))
            b--;
        const lex_entry *o = b > a ? lex_find_outlet(x->lx, src.ptr + a, b - a,
                                                     &x->c->mem, &fold, &key)
                                   : NULL;
        if (fold.oom || key.oom)
            rc = -1;
        long ci = o ? lex_find(x->lx, LEX_COUNTRY, o->cls) : -1;
        if (ci >= 0)
            x->country = lex_entry_at(x->lx, (size_t)ci);
        i = j + 1;
    }
    buf_free(&fold);
    buf_free(&key);
    return rc;
}

/* Does mention m name a people's home, not its men ("the Dogon village",
 * "le campement peul")? */
static int names_home(const xdoc *x, const xmention *m)
{
    static const char *const home[] = {
        "village", "villages", "hamlet", "hamlets", "settlement",
        "settlements", "camp", "camps", "community", "communities",
        "quarter", "neighbourhood", "neighborhood", "hameau", "hameaux",
        "campement", "campements", "communaute", "quartier", NULL};
    size_t e = m->first + m->count;
    return (e < x->d->ntok && x_in(x, e, home)) ||
           (m->first > 0 && x_in(x, m->first - 1, home));
}

/* A people named as who fights (an entry with `armed`): its militia.
 * Not a people's place: "the Dogon village of Tiguila", "un village peul"
 * is where civilians live. */
static void armed_people(xdoc *x, xmention *m, int resisted)
{
    if (!m->m)
        return;
    /* "attacked the Dogon village; the attack was repelled": then the
     * village's men fought */
    if (!resisted && names_home(x, m))
        return;
    x_recast(x, m, lex_attr_get(x_entry(x, m->m), "armed"));
}

/* "exchanges of gunfire between the militiamen and villagers",
 * "villagers fought off the assailants": villagers who fight an armed
 * group are the village's militia (named after it later,
 * village_militia).  Not residents who clash with the police: a riot. */
static void armed_villagers(xdoc *x, xmention *m, const xmention *other)
{
    static const char *const folk[] = {"villagers", "villageois", NULL};
    if (!m->m || x_inter(x_entry(x, m->m)) != 7)
        return;
    int io = other->m ? x_inter(x_entry(x, other->m)) : 0;
    if (io < 2 || io > 4)
        return;
    for (size_t t = m->first; t < m->first + m->count; t++)
        if (x_in(x, t, folk)) {
            x_recast(x, m, "communal_militia");
            return;
        }
    /* "Bissa farmers clashed with Fula herders", "locals fought the
     * Koglweogo": a people or a trade that fights an armed group is its
     * militia, or the community's */
    const lex_entry *e = x_entry(x, m->m);
    if (lex_attr_get(e, "site") || lex_attr_get(e, "person") || names_home(x, m))
        return;
    const char *armed = lex_attr_get(e, "armed");
    x_recast(x, m, armed ? armed : "communal_militia");
}

/* A trigger class of protests and riots. */
static int is_crowd_class(const char *cls)
{
    return !strcmp(cls, "peaceful_protest") ||
           !strcmp(cls, "protest_with_intervention") ||
           !strcmp(cls, "excessive_force_protesters") ||
           !strcmp(cls, "violent_demonstration");
}

/* Does the sentence tell of a protest (a peaceful_protest trigger)? */
static int has_protest(const xdoc *x, const sentence *s)
{
    for (size_t t = s->first; t < s->first + s->count; t++) {
        const lex_match *m = x_at(x, t, LEX_TRIGGER);
        if (m && !strcmp(x_entry(x, m)->cls, "peaceful_protest"))
            return 1;
    }
    return 0;
}

/* Is token t in what a protest is about ("protested over the police
 * shooting of their driver", "une marche contre les tueries", "following
 * clashes in Kidal")? */
static int in_cause(const xdoc *x, const sentence *s, size_t t)
{
    static const char *const cause[] = {
        "over", "against", "after", "following", "about", "inquiry",
        "investigation", "investigations", "justice", "remembrance", "memory", "anniversary", "denounce", "denouncing",
        "denounced", "condemn", "condemning", "condemned", "demanding",
        "demand", "demanded", "decry", "decrying", "support", "supporting",
        "contre", "apres", "suite", "denoncer", "denoncant", "denonce",
        "condamner", "condamnant", "reclamer", "reclamant", "exiger",
        "exigeant", "memoire", "hommage", "soutien", "enquete", NULL};
    for (size_t j = t; j-- > s->first && j + 5 > t;) {
        if (x->d->toks[j].kind == TOK_PUNCT && !x_is(x, j, "'"))
            return 0;
        if (x_in(x, j, cause))
            return 1;
    }
    return 0;
}

/* Is the violence of trigger m aimed at a crowd ("opened fire on
 * peaceful protesters", "shot dead two demonstrators", "ont tiré sur
 * des manifestants pacifiques")?  Its object, past a few words that
 * only describe it, is a protest's people. */
static int aimed_at_crowd(const xdoc *x, const sentence *s, const lex_match *m)
{
    static const char *const filler[] = {
        "on", "at", "upon", "into", "the", "a", "group", "of", "peaceful",
        "unarmed", "young", "student", "opposition", "anti-government",
        "hundreds", "dozens", "thousands", "several", "some", "many", "sur",
        "les", "des", "la", "une", "groupe", "de", "d'", "pacifiques",
        "jeunes", "centaines", "dizaines", "milliers", "plusieurs", NULL};
    static const char *const crowd[] = {
        "protesters", "protestors", "demonstrators", "marchers", "crowd",
        "crowds", "protester", "demonstrator", "manifestants", "manifestant",
        "manifestantes", "marcheurs", "foule", NULL};
    /* "opened fire on residents protesting the occupation": people
     * named by what they were doing */
    static const char *const people[] = {
        "residents", "villagers", "youths", "youth", "people", "women",
        "students", "civilians", "supporters", "habitants", "villageois",
        "femmes", "etudiants", "civils", "partisans", "eleves", NULL};
    static const char *const protesting[] = {
        "protesting", "demonstrating", "marching", "rallying", "manifestant",
        "manifestaient", "protestaient", NULL};
    static const char *const who[] = {"who", "were", "qui", NULL};
    size_t end = s->first + s->count;
    for (size_t t = m->first + m->count, k = 0; t < end && k < 5; t++, k++) {
        if (x_in(x, t, crowd))
            return 1;
        if (x_in(x, t, people)) {
            size_t v = t + 1;
            while (v < end && v < t + 3 && x_in(x, v, who))
                v++;
            return v < end && x_in(x, v, protesting);
        }
        size_t after;
        if (x->d->toks[t].kind == TOK_NUMBER || x_number(x, t, end, &after) >= 0)
            continue;
        if (!x_in(x, t, filler))
            return 0;
    }
    return 0;
}

/* Is trigger m a noun ("des accusations", "la menace de chaos"), not a
 * verb with its subject ("le ministre accuse")? */
static int nominal(const xdoc *x, const lex_match *m)
{
    static const char *const det_fr[] = {"le", "la", "les", "l'", "un", "une",
                                         "des", "de", "d'", "du", "ses", "leurs",
                                         NULL};
    static const char *const det_en[] = {"the", "a", "an", "of", "its",
                                         "their", NULL};
    return m->first > 0 &&
           x_in(x, m->first - 1, x->lang == LANG_EN ? det_en : det_fr);
}

/* Is the arrest that trigger m names one made there ("police arrested
 * seventeen people", "21 were arrested"), not what a crowd wants undone
 * ("to demand the release of 23 people arrested", "protested the arrest
 * of their leader", "relatives of detainees")? */
static int arrest_done(const xdoc *x, const sentence *s, const lex_match *m)
{
    static const char *const undo[] = {
        "release", "freedom", "protest", "protested", "protesting",
        "protests", "demand", "demanded", "demanding", "reaction",
        "response", "against", "over", "denounce", "denounced", "relatives",
        "families", "family", "liberation", "libere", "liberer", "reclamer",
        "reclamant", "exiger", "exigeant", "contre", "suite", "proches",
        "familles", "arrestation", NULL};
    if (nominal(x, m))
        return 0;
    for (size_t j = m->first; j-- > s->first && j + 12 > m->first;)
        if (x_in(x, j, undo))
            return 0;
    static const char *const past[] = {"arrested", "detained", "apprehended",
                                       "arrete", "arretes", "arretee",
                                       "arretees", "interpelle", "interpelles",
                                       "interpellees", NULL};
    return x_in(x, m->first, past);
}

/* Is the bomb that trigger m names a thing held, not one that went off:
 * "seized arms, ammunition, IEDs", "an individual in possession of IEDs",
 * "explosives were discovered", "saisi des engins explosifs"?  The word
 * that holds it comes before it in its clause, with no other event word
 * between, or a passive of it follows. */
static int held(const xdoc *x, const sentence *s, const lex_match *m)
{
    static const char *const hold[] = {
        "seized", "seizing", "seizure", "recovered", "recovering",
        "discovered", "discovering", "uncovered", "found", "possession",
        "equipped", "confiscated", "cache",
        "caches", "containing", "stockpile", "saisi", "saisis", "saisie",
        "saisies", "recupere", "recuperes", "recuperation", "decouvert",
        "decouverts", "decouverte", "decouvertes", "equipe",
        "equipes", "contenant", NULL};
    static const char *const be[] = {"was", "were", "been", "ete", NULL};
    for (size_t j = m->first; j-- > s->first && j + 9 > m->first;) {
        if (x_is(x, j, ".") || x_is(x, j, ";") || x_is(x, j, ":"))
            break;
        if (x_in(x, j, hold))
            return 1;
        if (x_at(x, j, LEX_TRIGGER) || x_at(x, j, LEX_CASUALTY))
            break;
    }
    size_t end = s->first + s->count;
    for (size_t j = m->first + m->count; j + 1 < end && j < m->first + m->count + 4; j++)
        if (x_in(x, j, be) && x_in(x, j + 1, hold))
            return 1;
    return 0;
}

/* Is trigger m the crime people are held for ("arrested for involvement
 * in the abduction", "suspected of kidnapping", "soupçonnés d'avoir
 * enlevé"), not an act the sentence reports? */
static int charged_with(const xdoc *x, const sentence *s, const lex_match *m)
{
    static const char *const charge[] = {
        "accused", "suspected", "responsible", "involvement", "involved",
        "charged", "connection", "role", "complicity", "accuses", "accuse",
        "accusee", "soupconnes", "soupconne", "soupconnee", "soupconnees",
        "impliques", "implique", "implication", "responsables", "complicite",
        "inculpes", "inculpe", NULL};
    static const char *const prep[] = {"of", "in", "for", "with", "de", "d'",
                                       "dans", "du", "des", "a", NULL};
    for (size_t j = m->first; j-- > s->first + 1 && j + 2 >= m->first;) {
        if (x->d->toks[j].kind == TOK_PUNCT)
            break;
        if (x_in(x, j, prep) && x_in(x, j - 1, charge))
            return 1;
    }
    return 0;
}

/* Is the incident that trigger m names told as having happened?  Not when
 * it is an aim ("déterminées à reprendre le contrôle", "vowed to attack"),
 * a denial of it ("n'ont eu aucune chance de riposter", "no attack was
 * reported") or a guess about what comes ("une offensive pourrait être
 * lancée").  Only words in the trigger's own clause count. */
static int factual(const xdoc *x, const sentence *s, const lex_match *m)
{
    static const char *const aim[] = {
        "determination", "determine", "determines", "determinee",
        "determinees", "vise", "visent", "visant", "viser", "volonte",
        "veut", "veulent", "vouloir", "prevoit", "prevoient", "envisage",
        "envisagent", "promis", "promet", "promettent", "menace", "menacent",
        "determined", "vowed", "vows", "vow", "aims", "aim", "plans",
        "planning", "intends", "intend", "intended", "threatened",
        "threatens", "threat", "wants", "want", "seeks", "seek", "sought",
        "chance", "chances", NULL};
    static const char *const threat[] = {
        "menace", "menacent", "threatened", "threatens", "threat", NULL};
    static const char *const neg[] = {
        "aucun", "aucune", "no", "jamais", "never", "pas", "not", "nor",
        "ni", "without", "sans", NULL};
    static const char *const guess[] = {
        "pourrait", "pourraient", "could", "might", "would", "devrait",
        "devraient", NULL};
    /* "le risque accru d'attentats", "could attack", "to prevent
     * attacks": an event that may come, not one that happened */
    static const char *const unreal[] = {
        "risque", "risques", "risk", "risks", "pourrait", "pourraient",
        "could", "would", "might", "prevenir", "prevent", "preventing",
        "eviter", "avoid", "craint", "crainte", "craintes", "fears", "feared",
        "prevision", "anticipation", "eventuel", "eventuels", "eventuelle",
        "eventuelles", "potential", "curb", "stem", "quell", "endiguer",
        "juguler", "enrayer", NULL};
    for (size_t j = m->first; j-- > s->first && j + 5 > m->first;)
        if (x_in(x, j, unreal))
            return 0;
    /* "Ce n'est pas la première fois que des chefs sont tués", "It is
     * not the first time that…": what has happened before, in general */
    static const char *const first[] = {"premiere", "first", NULL};
    static const char *const fois[] = {"fois", "time", NULL};
    for (size_t j = s->first; j + 1 < m->first && j < s->first + 8; j++)
        if (x_in(x, j, first) && x_in(x, j + 1, fois)) {
            for (size_t k = s->first; k < j; k++)
                if (x_in(x, k, neg))
                    return 0;
            break;
        }
    /* "la détermination des autorités maliennes à reprendre" */
    static const char *const to[] = {"to", "de", "d'", NULL};
    for (size_t j = m->first; j-- > s->first && j + 6 > m->first;) {
        if (x->d->toks[j].kind == TOK_PUNCT)
            break;
        /* "threatened to attack", not "threatened a herder and seized" */
        if (x_in(x, j, aim) && (x_in(x, j, threat) ? x_in(x, j + 1, to) : 1))
            return 0;
        if (j + 2 >= m->first && x_in(x, j, neg))
            return 0;
    }
    size_t end = s->first + s->count;
    for (size_t j = m->first + m->count; j < end && j < m->first + m->count + 3;
         j++) {
        if (x->d->toks[j].kind == TOK_PUNCT)
            break;
        if (x_in(x, j, guess))
            return 0;
    }
    return 1;
}

/* Is a casualty word denied: "no one was hurt", "nobody was killed",
 * "personne n'a été blessé", "sans faire de blessés"? */
static int no_toll(const xdoc *x, const sentence *s, const lex_match *m)
{
    static const char *const no[] = {"no", "nobody", "none", "noone", "aucun",
                                     "aucune", "sans", "without", NULL};
    static const char *const ne[] = {"n'", "ne", NULL};
    /* only such words between: not "no details on fighting" */
    static const char *const between[] = {"one", "was", "were", "has", "have",
                                          "been", "a", "ete", "n'", "ne", "faire",
                                          "fait", "de", "d'", NULL};
    for (size_t j = m->first, k = 0; j > s->first && k < 4; k++) {
        j--;
        /* "personne n'a été blessé", not "une personne a été tuée" */
        if (x_in(x, j, no) || (x_is(x, j, "personne") && x_in(x, j + 1, ne)))
            return 1;
        if (!x_in(x, j, between))
            return 0;
    }
    return 0;
}

/* Does a taking ("captured", "seized", "capturé") act on ground: a place
 * the gazetteer knows ("captured Ghazni"), or a town, a base, a camp
 * ("seized the Yarmouk military complex")?  Then it is a taking of
 * territory (who took it decides which kind, in refine). */
static int takes_ground(const xdoc *x, const sentence *s, const lex_match *m)
{
    const lex_entry *e = x_entry(x, m);
    if (strcmp(e->id, "detained") && strcmp(e->id, "seized_goods") &&
        strcmp(e->id, "capture"))
        return 0;
    static const char *const ground[] = {
        "town", "city", "village", "villages", "base", "camp", "district",
        "outpost", "garrison", "barracks", "complex", "airport", "port",
        "headquarters", "stronghold", "ville", "localite", "localites",
        "garnison", "caserne", "aeroport", "chef-lieu", NULL};
    static const char *const dets[] = {"the", "a", "an", "la", "le", "l'",
                                       "les", "de", "du", "control", NULL};
    size_t j = m->first + m->count, end = s->first + s->count;
    while (j < end && x_in(x, j, dets))
        j++;
    for (size_t k = 0; k < x->nplaces; k++)
        if (x->places[k].first == j && x->places[k].has && x->places[k].prec == 1)
            return 1;
    /* "the Yarmouk military industrial complex": names and such words
     * before the noun, nothing else ("seized a motorbike in the village") */
    static const char *const mods[] = {
        "military", "industrial", "army", "main", "strategic", "border",
        "rebel", "key", "nearby", "militaire", "strategique", "principale",
        "principal", NULL};
    for (size_t k = j; k < end && k < j + 4; k++) {
        const lex_match *am = x_at(x, k, LEX_ACTOR);
        if (am) /* "the army's camp", "a military base" */
            return lex_attr_get(x_entry(x, am), "site") != NULL;
        if (x->d->toks[k].kind != TOK_WORD)
            return 0;
        if (x_in(x, k, ground))
            return 1;
        if (!x_in(x, k, mods) && !(x->d->toks[k].flags & TOKF_CAP))
            return 0;
    }
    return 0;
}

/* Is the trigger in a relative clause in the pluperfect: "militants who
 * (previously) had executed an informer", "des hommes qui avaient enlevé"? */
static int done_before(const xdoc *x, const sentence *s, const lex_match *m)
{
    static const char *const had[] = {"had", "avaient", "avait", NULL};
    static const char *const rel[] = {"who", "which", "that", "qui", NULL};
    int aux = 0;
    for (size_t j = m->first, k = 0; j > s->first && k < 4; k++) {
        j--;
        if (x->d->toks[j].kind == TOK_PUNCT)
            return 0;
        if (x_in(x, j, had))
            aux = 1;
        else if (x_in(x, j, rel)) {
            /* background to what was done to them ("pursued gunmen who had
             * abducted…"); said of who acts ("contesté par le CSP, qui
             * avait pris le contrôle de Léré"), it tells the event */
            static const char *const by[] = {"par", "by", NULL};
            static const char *const skip[] = {",", "le", "la", "les", "l'",
                                               "the", NULL};
            size_t a = j;
            while (a > s->first && (x_in(x, a - 1, skip) || x_at(x, a - 1, LEX_ACTOR)))
                a--;
            return aux && !(a > s->first && x_in(x, a - 1, by));
        }
    }
    return 0;
}

/* Does a taking of ground act on people: "liberated sixteen prisoners",
 * "freed the hostages"?  Then no ground was taken. */
static int frees_people(const xdoc *x, const sentence *s, const lex_match *m)
{
    const char *cls = x_entry(x, m)->cls;
    if (strcmp(cls, "gov_regains_territory") && strcmp(cls, "nsa_overtakes_territory"))
        return 0;
    static const char *const det[] = {"the", "a", "an", "some", "several", "les",
                                      "des", "un", "une", "plusieurs", NULL};
    size_t end = s->first + s->count;
    for (size_t j = m->first + m->count; j < end && j < m->first + m->count + 3; j++) {
        const lex_match *am = x_at(x, j, LEX_ACTOR);
        if (am)
            return x_inter(x_entry(x, am)) == 7;
        if (!(x->d->toks[j].kind == TOK_NUMBER || x_at(x, j, LEX_NUMBER) ||
              x_in(x, j, det)))
            return 0;
    }
    return 0;
}

/* Does a verb that ends before token o act on nothing: o ends sentence
 * s, or is a pause or a place's preposition ("25 Islamists killed.",
 * "were killed in Gao", "Customs officer kidnapped near Gao")? */
static int acts_on_nothing(const xdoc *x, const sentence *s, size_t o)
{
    static const char *const pause_en[] = {
        "in", "near", "at", "on", "during", "when", "after", "by",
        "while", NULL};
    static const char *const pause_fr[] = {
        "dans", "a", "pres", "lors", "par", "en", "au", "aux", NULL};
    return o >= s->first + s->count || x->d->toks[o].kind == TOK_PUNCT ||
           x_in(x, o, x->lang == LANG_EN ? pause_en : pause_fr);
}

/* The sentence's first attack or fight word before trigger `before`
 * (prec 3 or more, said as a fact); with `plain`, not a killing word
 * ("executed", "shot dead").  Reads the sentence's own matches, not the
 * article's (a huge article stays linear). */
static const lex_match *attack_before(const xdoc *x, const sentence *s,
                                      const lex_match *before, int plain)
{
    size_t i0 = (size_t)(before - x->m);
    while (i0 > 0 && x->m[i0 - 1].first >= s->first)
        i0--;
    for (size_t i = i0; i < x->nm && x->m[i].first < before->first; i++) {
        const lex_match *m = &x->m[i];
        if (m->kind != LEX_TRIGGER)
            continue;
        const lex_entry *e = x_entry(x, m);
        int p = entry_prec(e);
        if ((strcmp(e->cls, "attack") && strcmp(e->cls, "armed_clash")) || p < 3 ||
            (plain && !strcmp(e->cls, "attack") && p > 3) || !factual(x, s, m))
            continue;
        return m;
    }
    return NULL;
}

/* The attack or fight word before the sentence's trigger, when the side
 * it hits is armed: then it names the incident (frame f takes its class
 * and roles). */
static void attack_on_armed(xdoc *x, size_t si, frame *f)
{
    const sentence *s = &x->d->sents[si];
    const lex_match *m = attack_before(x, s, f->tm, 1);
    if (!m)
        return;
    const lex_entry *e = x_entry(x, m);
    xmention b1, b2;
    x_roles(x, si, m, &b1, &b2);
    int in2 = b2.m ? x_inter_at(x, x_entry(x, b2.m)) : 0;
    if (!x_armed_inter(in2) ||
        (b1.m && x_entry(x, b1.m) == x_entry(x, b2.m)))
        return;
    /* the side hit is the attack's own object, not a word of the next
     * clause ("raided the village, the assailants fired…") */
    if (b2.first > m->first) {
        size_t e2 = m->first + m->count;
        if (b2.first > e2 + 6)
            return;
        for (size_t j = e2; j < b2.first; j++)
            if (x->d->toks[j].kind == TOK_PUNCT)
                return;
    }
    const taxon *tx = taxonomy_find(e->cls);
    if (!tx)
        return;
    f->a1 = b1;
    f->a2 = b2;
    f->trig = e;
    f->tx = tx;
    f->tm = m;
    f->prec = entry_prec(e);
}

/* "a police officer (assumed off-duty)", "un gendarme, en permission": a
 * state force's man off duty is a civilian (ACLED), his force associated. */
static void off_duty(xdoc *x, xmention *m)
{
    static const char *const off[] = {"off-duty", "permission", "conge",
                                      "retraite", "retraites", NULL};
    /* "a retired National Guard", "un ancien gendarme" */
    static const char *const before[] = {"retired", "former", "ex", "off-duty",
                                         "ancien", "anciens", "ancienne", NULL};
    if (!m->m || x_inter(x_entry(x, m->m)) != 1)
        return;
    size_t end = m->first + m->count;
    const char *force = lex_attr_get(x_entry(x, m->m), "name");
    /* a former president is no soldier off duty */
    int was = m->first > 0 && x_in(x, m->first - 1, before) && force &&
              (!strncmp(force, "Military", 8) || !strncmp(force, "Police", 6));
    for (size_t j = end; j < end + 4 && j < x->d->ntok; j++) {
        if (was || x_in(x, j, off)) {
            x_recast(x, m, force && strstr(force, "Police") ? "civ_off_duty_police"
                                                            : "civ_off_duty");
            return;
        }
        if (x_is(x, j, ".") || x_is(x, j, ";"))
            return;
    }
}

/* A protest or a riot (event class tx). */
static int crowd_event(const taxon *tx)
{
    return !strcmp(tx->event_type, "Protests") || !strcmp(tx->event_type, "Riots");
}

static int read_frame(xdoc *x, size_t si, frame *f)
{
    const sentence *s = &x->d->sents[si];
    const lex_match *best = NULL;
    int best_prec = -1, best_took = 0, best_ground = 0, not_conflict = 0;
    int protest = has_protest(x, s);
    uint32_t mask = 0;
    for (size_t t = s->first; t < s->first + s->count; t++) {
        if (x->first[t] < 0)
            continue;
        /* what a protest is about is no other event */
        int cause = protest && in_cause(x, s, t);
        for (size_t i = (size_t)x->first[t]; i < x->nm && x->m[i].first == t; i++) {
            if (cause && (x->m[i].kind == LEX_CASUALTY ||
                          (x->m[i].kind == LEX_TRIGGER &&
                           !is_crowd_class(x_entry(x, &x->m[i])->cls))))
                continue;
            int toll = x->m[i].kind == LEX_CASUALTY && !no_toll(x, s, &x->m[i]);
            if (toll && !strcmp(x_entry(x, &x->m[i])->cls, "killed"))
                mask |= M_KILL;
            if (toll && !strcmp(x_entry(x, &x->m[i])->cls, "wounded"))
                mask |= M_WOUND;
            if (x->m[i].kind != LEX_TRIGGER)
                continue;
            const lex_entry *e = x_entry(x, &x->m[i]);
            if (!strcmp(e->cls, "not_conflict")) {
                int np = entry_prec(e);
                not_conflict = np > not_conflict ? np : not_conflict;
                continue;
            }
            /* "intransitive=1": "teachers demonstrated", not "the army
             * demonstrated its strength" */
            size_t after = x->m[i].first + x->m[i].count;
            static const char *const objects[] = {
                "its", "their", "the", "that", "his", "her", "a", "an",
                "how", "what", NULL};
            if (lex_attr_get(e, "intransitive") && after < s->first + s->count &&
                x_in(x, after, objects))
                continue;
            if (!factual(x, s, &x->m[i]) || frees_people(x, s, &x->m[i]) ||
                no_toll(x, s, &x->m[i]))
                continue;
            int p = entry_prec(e);
            /* "arrested for involvement in the abduction": the charge
             * yields to any other act of the sentence */
            if (charged_with(x, s, &x->m[i]))
                p = 0;
            /* "pursued gunmen who had abducted a civilian": what the
             * others had done before is background to this act */
            if (done_before(x, s, &x->m[i]))
                p = 1;
            /* "Movement of forces: …", "Agreement: …": a heading that
             * opens the report names the kind, whatever words follow
             * ("heading=0": a word too vague for it, "Strikes:" opens a
             * labour strike as well as an air raid) */
            const char *hd = lex_attr_get(e, "heading");
            if (x_heading(x, s, &x->m[i]) && !(hd && !strcmp(hd, "0")))
                p = 10;
            /* "captured Ghazni", "seized the military base": ground taken */
            int ground = takes_ground(x, s, &x->m[i]);
            if (ground)
                p = 7;
            /* a bomb seized or found is a weapon taken, not an explosion */
            int took = !strcmp(e->cls, "remote_explosive") && held(x, s, &x->m[i]);
            if (took) {
                mask |= M_DISRUPT;
                p = 3;
            }
            /* Only firm words change a class: "to protest recent attacks"
             * is no clash; "set fire", "burned" are firm enough for a
             * crowd that destroys. */
            uint32_t mk = mask_of(e->cls);
            /* the force's shots at a protest make it no riot */
            if ((mk & M_CLASH) && aimed_at_crowd(x, s, &x->m[i]))
                mk = M_FORCE;
            if (p >= 5 || !(mk & M_CLASH))
                mask |= mk;
            if (!strcmp(e->cls, "disrupted_weapons_use"))
                mask |= M_DISRUPT;
            if (!strcmp(e->cls, "sexual_violence"))
                mask |= M_SEXUAL;
            if (!strcmp(e->cls, "arrests") && arrest_done(x, s, &x->m[i]))
                mask |= M_ARREST;
            if (lex_attr_get(e, "harm"))
                mask |= M_HARM;
            if (lex_attr_get(e, "unopposed") || lex_attr_get(e, "withdrawal"))
                mask |= M_UNOPPOSED;
            /* "protesters stormed the mayor's office", "soldiers fired
             * shots in the air": what makes a crowd's protest violent */
            if (lex_attr_get(e, "crowd"))
                mask |= M_RIOT | (!strcmp(e->cls, "violent_demonstration") ? M_AIRSHOT : 0);
            if (lex_attr_get(e, "ground"))
                mask |= M_GROUND;
            if (p > best_prec) {
                best = &x->m[i];
                best_prec = p;
                best_took = took;
                best_ground = ground;
            }
        }
    }
    if (!best)
        return 0;
    /* "Floods killed 12 people", "un accident de la route a fait cinq
     * morts": a disaster, an accident or a disease, not a conflict event —
     * unless a sharper conflict word is there ("attacked the islands…
     * civilians died of bullet wounds and drowning"); a sports report
     * (prec 6) outweighs the words below 6 ("their attack dominated") */
    if (!strcmp(x_entry(x, best)->cls, "not_conflict") ||
        (not_conflict && (best_prec <= 2 || best_prec < not_conflict)))
        return 0;
    memset(f, 0, sizeof *f);
    f->trig = x_entry(x, best);
    f->tx = taxonomy_find(best_took     ? "disrupted_weapons_use"
                          : best_ground ? "nsa_overtakes_territory"
                                        : f->trig->cls);
    if (!f->tx)
        return 0;
    f->tm = best;
    f->prec = best_prec;
    f->sent = (uint32_t)si;
    f->mask = mask;
    f->has_date = x_date(x, s->first, s->first + s->count, &f->date);
    f->fatal = x_fatalities(x, si, crowd_event(f->tx), &f->fat_first, &f->fat_count);
    f->last_fatal = f->fatal;
    /* "Defusal: French troops defused…", "Looting: gunmen…": a label
     * names the kind; who did what is read from the word after it */
    const lex_match *verb = best;
    if (x_heading(x, s, best))
        for (size_t i = (size_t)(best - x->m) + 1;
             i < x->nm && verb == best && x->m[i].first < s->first + s->count; i++)
            if (x->m[i].kind == LEX_TRIGGER && x->m[i].first > best->first &&
                strcmp(x_entry(x, &x->m[i])->cls, "not_conflict"))
                verb = &x->m[i];
    /* "attacked a Dan Na Ambassagou position, killed three people and
     * seized livestock": a looting that hurts is coded as the attack it
     * was part of (refine), and whom that attack hit is the target */
    if (verb == best && !strcmp(f->trig->cls, "looting_property_destruction") &&
        (mask & (M_KILL | M_WOUND | M_HARM))) {
        const lex_match *m = attack_before(x, s, best, 0);
        if (m)
            verb = m;
    }
    x_roles(x, si, verb, &f->a1, &f->a2);
    /* "attacked a gendarmerie post and ransacked it", "the outpost was
     * attacked and a dozen soldiers kidnapped": an attack on armed men
     * is a fight, whatever was taken after it (ACLED's armed clash) */
    if (verb == best && (!strcmp(f->trig->cls, "looting_property_destruction") ||
                         !strcmp(f->trig->cls, "abduction") ||
                         !strcmp(f->trig->cls, "arrests")))
        attack_on_armed(x, si, f);
    /* "militants opened fire against gendarmes, the gendarmes fired back
     * and killed one": the sharper word names the fight, but who started
     * it is the subject of the first attack word (ACLED's actor1) */
    if (verb == best && (!strcmp(f->trig->cls, "armed_clash") ||
                         !strcmp(f->trig->cls, "attack"))) {
        const lex_match *m = attack_before(x, s, best, 0);
        if (m) {
            xmention b1, b2;
            x_roles(x, si, m, &b1, &b2);
            if (b1.m && b1.first < m->first && b1.m != f->a1.m) {
                /* "…attacked the village, village self-defense fought
                 * back": who fought back is the side hit */
                xmention back = f->a1;
                f->a1 = b1;
                if (b2.m && x_inter(x_entry(x, b2.m)) == 7 && back.m &&
                    !x_unidentified(x_entry(x, back.m)))
                    f->a2 = back;
                else if (b2.m)
                    f->a2 = b2;
            }
        }
    }
    /* ACLED names mutinous soldiers "Mutiny of <their force>" and keeps
     * their force's inter code (1); they fight as a non-state side */
    static const char *const mutiny[] = {
        "mutiny", "mutinied", "mutineers", "mutinous", "mutinies",
        "mutinying", "mutinerie", "mutineries", "mutins", "mutine", "mutines",
        "mutinent", NULL};
    for (size_t t = s->first; t < s->first + s->count && !f->mutiny; t++)
        f->mutiny = x_in(x, t, mutiny);
    /* "Fulani attacked the village", "clashed with Bambara hunters": a
     * people that fights is its militia */
    int fights = !strcmp(f->trig->cls, "armed_clash");
    /* "clashed with a group of men": men who fight back are armed;
     * "assaulted an individual": a person */
    int mutual = fights && lex_attr_get(f->trig, "mutual");
    if (armed_word_next_to(x, &f->a2) ||
        (fights && f->a2.m &&
         (mutual || !lex_attr_get(x_entry(x, f->a2.m), "person"))))
        armed_people(x, &f->a2, fights && lex_attr_get(f->trig, "resist"));
    if (mutual || (fights && lex_attr_get(f->trig, "resist"))) {
        armed_villagers(x, &f->a1, &f->a2);
        armed_villagers(x, &f->a2, &f->a1);
    }
    /* "exchanged fire with people aboard a pick-up": who shoots back is
     * armed, whatever plain word names them */
    if (lex_attr_get(f->trig, "gunfire") && f->a2.m && f->a1.m &&
        x_inter(x_entry(x, f->a2.m)) == 7 && x_inter(x_entry(x, f->a1.m)) != 7 &&
        !lex_attr_get(x_entry(x, f->a2.m), "armed"))
        x_recast(x, &f->a2, "unidentified_armed");
    if (f->a1.m) {
        size_t e1 = f->a1.first + f->a1.count;
        for (size_t j = e1; j < s->first + s->count && j < e1 + 5; j++) {
            const lex_match *cm = x_at(x, j, LEX_CASUALTY);
            if (cm && !strcmp(x_entry(x, cm)->cls, "killed")) {
                /* "X killed one civilian", "X ont tué cinq civils": the
                 * verb has an object, X is the killer; "X were killed in",
                 * "X ont péri dans": X died */
                size_t o = cm->first + cm->count;
                static const char *const obj_en[] = {
                    "the", "a", "an", "his", "their", "several", "dozens",
                    "scores", "at", "nearly", "about", "some", "around",
                    "approximately", "roughly", "almost", "over", "more",
                    "up", "many", "numerous", NULL};
                /* not "a": "tués à Djibo" */
                static const char *const obj_fr[] = {
                    "un", "une", "des", "les", "le", "la", "l'", "leur",
                    "leurs", "plusieurs", "au", "environ", "pres", NULL};
                int active = o < s->first + s->count &&
                             (x->d->toks[o].kind == TOK_NUMBER ||
                              x_at(x, o, LEX_NUMBER) || x_at(x, o, LEX_ACTOR) ||
                              x_in(x, o, x->lang == LANG_EN ? obj_en : obj_fr));
                if (!active)
                    f->a1_victim = 1;
                /* "25 Islamists killed.", "…were killed in Gao": nothing
                 * after the verb but a pause or a place; an armed group
                 * named so died (not "killed former separatist leader") */
                f->a1_died = !active && acts_on_nothing(x, s, o);
                break;
            }
            /* "an old man - were killed": the dash closes an apposition */
            if (x->d->toks[j].kind == TOK_PUNCT && !x_is(x, j, "-"))
                break;
        }
    }
    /* "Customs officer kidnapped, killed", "two soldiers abducted near
     * Gao": a taking right after the actor, acting on nothing */
    if (f->a1.m && !f->a1_victim && best->first == f->a1.first + f->a1.count &&
        (!strcmp(f->trig->cls, "abduction") || !strcmp(f->trig->cls, "arrests"))) {
        if (acts_on_nothing(x, s, best->first + best->count))
            f->a1_victim = f->a1_died = 1;
    }
    /* a people, or people, who fight (not who died) are armed men */
    if (!f->a1_victim)
        armed_people(x, &f->a1, 0);
    off_duty(x, &f->a2);
    long day = f->has_date ? f->date.day : x->pub;
    x_stands_for(x, &f->a1, day);
    x_stands_for(x, &f->a2, day);
    f->place = x_place_in(x, si, best->first);
    static const char *const aside[] = {"ailleurs", "elsewhere", "separately",
                                        "separate", "meanwhile", NULL};
    for (size_t t = s->first; t < s->first + s->count && t < s->first + 4; t++)
        f->aside |= x_in(x, t, aside);
    x_claim(x, si, &f->claim);
    return 1;
}

/* Does the frame name only crowds, civilians and state forces (no armed
 * group)?  Then violence next to a protest is the protest turning into a
 * riot, not another incident. */
static int crowd_only(const xdoc *x, const frame *f)
{
    const xmention *ms[2] = {&f->a1, &f->a2};
    for (int i = 0; i < 2; i++) {
        if (!ms[i]->m)
            continue;
        int in = x_inter(x_entry(x, ms[i]->m));
        if (in >= 2 && in <= 4)
            return 0;
    }
    return 1;
}

/* Does the frame name protesters or rioters? */
static int has_crowd(const xdoc *x, const frame *f)
{
    const xmention *ms[2] = {&f->a1, &f->a2};
    for (int i = 0; i < 2; i++) {
        int in = ms[i]->m ? x_inter(x_entry(x, ms[i]->m)) : 0;
        if (in == 5 || in == 6)
            return 1;
    }
    return 0;
}

/* Does the frame's sentence speak of a crowd ("angry residents", "a
 * mob", "youths", "la foule", "des jeunes en colère")? */
static int crowd_word(const xdoc *x, const frame *f)
{
    static const char *const crowd[] = {
        "angry", "crowd", "crowds", "mob", "mobs", "rampage", "rampaged",
        "rampaging", "youth", "youths", "youngsters", "residents",
        "students", "pupils", "foule", "foules", "colere", "jeunes",
        "habitants", "eleves", "etudiants", "emeutiers", NULL};
    const sentence *s = &x->d->sents[f->sent];
    for (size_t t = s->first; t < s->first + s->count; t++)
        if (x_in(x, t, crowd))
            return 1;
    return 0;
}

/* Are villagers the ones who act ("villagers beat two suspected thieves
 * to death", "des villageois ont lynché")? */
static int villagers_act(const xdoc *x, const frame *f)
{
    static const char *const v[] = {"villagers", "villageois", NULL};
    if (!f->a1.m || f->a1_victim)
        return 0;
    for (size_t t = f->a1.first; t < f->a1.first + f->a1.count; t++)
        if (x_in(x, t, v))
            return 1;
    return 0;
}

/* Is a crowd, named by no actor, the subject of the frame's trigger ("a
 * crowd set upon two men", "une foule a lynché")? */
static int crowd_subject(const xdoc *x, const frame *f)
{
    static const char *const crowd[] = {"crowd", "crowds", "mob", "mobs",
                                        "foule", "foules", NULL};
    const sentence *s = &x->d->sents[f->sent];
    if (!f->tm)
        return 0;
    for (size_t t = s->first; t < f->tm->first; t++)
        if (x_in(x, t, crowd))
            return 1;
    return 0;
}

static int is_crowd_event(const taxon *t)
{
    return !strcmp(t->event_type, "Protests") || !strcmp(t->event_type, "Riots");
}

/* The count the report's coder states ("Unknown fatalities coded as
 * 10"): the incident's toll from now on, whatever else is counted. */
static void set_coded(frame *f, long n, uint32_t first, uint32_t count)
{
    f->fatal = f->last_fatal = n;
    f->fatal_coded = 1;
    f->fat_first = first;
    f->fat_count = count;
}

/* Can frame f be part of incident g (both read from one article)? */
static int same_incident(const xdoc *x, const frame *g, const frame *f)
{
    uint32_t fm = f->mask | mask_of(f->tx->code);
    if (is_crowd_event(g->tx) &&
        (fm & (M_CLASH | M_DESTROY | M_RIOT | M_INTERVENE | M_FORCE)) &&
        crowd_only(x, f) && (!f->has_date || !g->has_date ||
                             f->date.day == g->date.day))
        return 1;
    if (is_political(g->tx) != is_political(f->tx))
        return 0;
    /* "Par ailleurs, jeudi, un poste militaire à Mahou a été attaqué" */
    if (f->aside && f->place && f->place != g->place)
        return 0;
    if (is_political(g->tx))
        return g->tx == f->tx;
    /* A sentence dated outside the incident's days tells of another one
     * ("Le 3 janvier, les FAMa avaient capturé…"). */
    if (f->prec >= 3 && g->has_date && f->has_date && f->date.prec == 1 &&
        g->date.prec == 1) {
        long gend = g->date.end != NO_DATE ? g->date.end : g->date.day;
        if (f->date.day < g->date.day - 1 || f->date.day > gend + 1)
            return 0;
    }
    /* A vague follow-up ("l'attaque n'a pas été revendiquée mercredi")
     * belongs to the incident before it unless it brings its own toll. */
    if (f->prec <= 3 && f->fatal <= 0)
        return 1;
    /* "Clashes broke out… One rebel was killed, one wounded and one
     * arrested": arrests told beside the dead and wounded are the
     * fight's outcome, not an arrest of their own */
    if (!strcmp(f->tx->code, "arrests") && (f->mask & (M_KILL | M_WOUND)) &&
        !is_crowd_event(g->tx) && strcmp(g->tx->code, "arrests") != 0 &&
        (!f->has_date || !g->has_date || f->date.day == g->date.day))
        return 1;
    /* "…abducted a councilor. They brought him back two days later and
     * beheaded him": the captors killing their captive is the abduction
     * ending, one incident (ACLED's attack), unless others did it */
    if (!strcmp(g->tx->code, "abduction") && !strcmp(f->tx->code, "attack") &&
        (!f->a1.m || (g->a1.m && x_entry(x, f->a1.m) == x_entry(x, g->a1.m)) ||
         x_unidentified(x_entry(x, f->a1.m))))
        return 1;
    /* "A suicide bomber killed six… The attacker detonated explosives
     * hidden under her clothing": a bare blast word after a blast of a
     * known kind tells of that blast. */
    int blast = f->prec <= 4 && !strcmp(f->tx->code, "remote_explosive") &&
                !strcmp(g->tx->event_type, "Explosions/Remote violence");
    /* Two specific triggers of different sub-types are two incidents (an
     * air strike, then an IED); a vague one joins whatever it follows. */
    int vague = f->prec <= 3 || g->prec <= 3 || blast;
    if (g->tx != f->tx && !vague)
        return 0;
    if (g->has_date && f->has_date) {
        long gend = g->date.end != NO_DATE ? g->date.end : g->date.day;
        if (f->date.day < g->date.day - 0 || f->date.day > gend)
            return 0;
    }
    return 1;
}

/* Tolls of different sentences add up ("three soldiers were killed.
 * Fourteen militants were killed."), but a sentence that repeats the
 * same figure does not count twice, and the coder's stated figure
 * stands. */
static void merge_toll(frame *g, const frame *f)
{
    if (g->fatal_coded) {
        /* the coder's figure stands */
    } else if (f->fatal_coded) {
        set_coded(g, f->fatal, f->fat_first, f->fat_count);
    } else if (f->fatal > 0 && f->fatal != g->fatal && f->fatal != g->last_fatal) {
        if (g->fatal <= 0) {
            g->fatal = f->fatal;
            g->fat_first = f->fat_first;
            g->fat_count = f->fat_count;
        } else if (g->fatal > LONG_MAX - f->fatal) {
            g->fatal = LONG_MAX; /* absurd figures: saturate, not overflow */
        } else {
            g->fatal += f->fatal;
        }
        g->last_fatal = f->fatal;
    } else if (g->fatal < 0 && f->fatal == 0) {
        g->fatal = 0;
    }
}

/* Adds sentence si's toll, when it gives one, to incident g. */
static void add_toll(xdoc *x, frame *g, size_t si)
{
    frame t = {0};
    t.fatal = x_fatalities(x, si, crowd_event(g->tx), &t.fat_first, &t.fat_count);
    if (t.fatal <= 0)
        return;
    merge_toll(g, &t);
}

static void join(const xdoc *x, frame *g, const frame *f)
{
    /* "…killing the driver. Police fought off the attackers": forces
     * who repel the attack were its target too (ACLED's armed clash),
     * whoever else they killed */
    if (f->trig && lex_attr_get(f->trig, "resist") && f->a1.m && g->a1.m &&
        (!g->a2.m || x_inter(x_entry(x, g->a2.m)) == 7)) {
        int in = x_inter(x_entry(x, f->a1.m));
        if ((in == 1 || in == 3 || in == 4 || in == 8) &&
            x_entry(x, f->a1.m) != x_entry(x, g->a1.m))
            g->a2 = f->a1;
    }
    if (f->prec > g->prec) {
        g->tx = f->tx;
        g->trig = f->trig;
        g->tm = f->tm;
        g->prec = f->prec;
        /* the sharper word names the event; who did it stays what the
         * incident's first sentence said, unless it said nothing */
        if (f->a1.m && !g->a1.m)
            g->a1 = f->a1;
        if (f->a2.m && !g->a2.m && f->a2.m != g->a1.m)
            g->a2 = f->a2;
    } else if (f->prec > 1 || is_crowd_event(g->tx)) {
        /* (not from "police intervened" after an attack: who stepped in
         * is no side of it) */
        if (!g->a1.m)
            g->a1 = f->a1;
        if (!g->a2.m && f->a2.m != g->a1.m)
            g->a2 = f->a2;
    }
    /* "…attacked the village. Village self-defense repelled the attack":
     * the target was armed after all */
    if (g->a2.m && f->a1.m && f->a1.m != g->a1.m &&
        x_inter(x_entry(x, g->a2.m)) == 7) {
        int in = x_inter(x_entry(x, f->a1.m));
        if (in == 4 &&
            (!g->a1.m || x_entry(x, f->a1.m) != x_entry(x, g->a1.m)))
            g->a2 = f->a1;
    }
    if ((!g->place || g->place->prec == 3) && f->place &&
        (!g->place || f->place->prec < 3))
        g->place = f->place;
    if (!g->has_date && f->has_date) {
        g->date = f->date;
        g->has_date = 1;
    }
    merge_toll(g, f);
    static const char *const order[] = {"stated", "claimed", "hedged", "denied"};
    int rg = 0, rf = 0;
    for (int i = 0; i < 4; i++) {
        if (!strcmp(g->claim.certainty, order[i]))
            rg = i;
        if (!strcmp(f->claim.certainty, order[i]))
            rf = i;
    }
    if (rf > rg) {
        g->claim.certainty = f->claim.certainty;
        g->claim.cert_first = f->claim.cert_first;
        g->claim.cert_count = f->claim.cert_count;
    }
    if (!g->claim.who_count && f->claim.who_count) {
        g->claim.claimant = f->claim.claimant;
        g->claim.who_first = f->claim.who_first;
        g->claim.who_count = f->claim.who_count;
    }
    g->mask |= f->mask;
}

/* Is the frame's second actor, named after its first, the agent of a
 * passive ("quinze civils … dans des attaques commises par des
 * terroristes", "civilians killed by gunmen")? */
static int by_agent(const xdoc *x, const frame *f)
{
    static const char *const by[] = {"par", "by", NULL};
    static const char *const target[] = {"on", "against", "contre", "sur",
                                         "at", "in", "dans", NULL};
    if (!f->a2.m || !f->a1.m || f->a1.first >= f->a2.first)
        return 0;
    /* "an attack by assailants on an army post": soldiers were hit */
    const sentence *s = &x->d->sents[x->d->toks[f->a2.first].sent];
    for (size_t j = f->a2.first + f->a2.count; j < s->first + s->count; j++) {
        const lex_match *am = x_at(x, j, LEX_ACTOR);
        if (am && x_inter(x_entry(x, am)) == 1)
            return 0;
    }
    /* "par une « vingtaine d'individus armés »": a count and quotes may
     * come between */
    for (size_t j = f->a2.first; j-- > f->a1.first && j + 6 > f->a2.first;) {
        if (x_in(x, j, by))
            return 1;
        if (x_is(x, j, ",") || x_is(x, j, ".") || x_in(x, j, target))
            break;
    }
    return 0;
}

/* Does mention m name several people: "four volunteer fighters", "MOC
 * soldiers", "des militaires" (not "a gendarme", "the commander")? */
static int several(const xdoc *x, const xmention *m)
{
    if (!m->m)
        return 0;
    for (size_t j = m->first, k = 0; j > 0 && k < 2; k++) {
        j--;
        size_t end;
        long n = x_number(x, j, m->first + m->count, &end);
        if (n >= 0)
            return n > 1;
    }
    const token *last = &x->d->toks[m->first + m->count - 1];
    const char *w = tok_fold(x->d, last);
    size_t n = last->flen;
    return n > 3 && (w[n - 1] == 's' || !memcmp(w + n - 3, "men", 3));
}

/* Is actor2 the only armed actor its sentence names?  "9 civilians killed
 * in Boko Haram attack" names no armed target; "soldiers and civilians
 * killed in an attack by gunmen on an army post" does. */
static int lone_armed(const xdoc *x, const frame *f)
{
    const sentence *s = &x->d->sents[x->d->toks[f->a2.first].sent];
    for (size_t j = s->first; j < s->first + s->count; j++) {
        const lex_match *am = x_at(x, j, LEX_ACTOR);
        if (!am || x_entry(x, am) == x_entry(x, f->a2.m))
            continue;
        if (x_armed_inter(x_inter(x_entry(x, am))))
            return 0;
    }
    return 1;
}

/* Is the fight one between unarmed people: "students from two unions
 * clashed", "residents clashed with a police officer", "clashes between
 * political opponents after a contested election"?  No armed group and
 * no weapon is named, and a side is a crowd of civilians — or nobody is
 * named and the fight is over a dispute. */
static int crowd_fight(const xdoc *x, const frame *f, int i1, int i2)
{
    /* intercommunal violence is fought by communal militias */
    if (!lex_attr_get(f->trig, "mutual") || lex_attr_get(f->trig, "communal"))
        return 0;
    const xmention *ms[2] = {&f->a1, &f->a2};
    int crowd = 0;
    for (int i = 0; i < 2; i++) {
        if (!ms[i]->m)
            continue;
        const lex_entry *e = x_entry(x, ms[i]->m);
        int in = i ? i2 : i1;
        if (in == 5 || in == 6 || (in == 7 && !lex_attr_get(e, "armed") &&
                                   !lex_attr_get(e, "site")))
            crowd = 1;
        else if (in != 1)
            return 0;
    }
    const sentence *s = &x->d->sents[f->sent];
    static const char *const armed[] = {
        "armed", "gunmen", "gunman", "guns", "gun", "firearms", "rifles",
        "weapons", "militia", "militias", "militiamen", "fighters", "hunters",
        "arme", "armes", "armee", "armees", "fusils", "milice", "milices",
        "miliciens", "combattants", "chasseurs", "assaillants", "assailants",
        "attackers", "machete", "machetes", "machettes", "machette", "knives",
        "couteaux", "bows", "arrows", "arcs", "fleches",
        /* villages and communities fight as communal militias (ACLED) */
        "villages", "communities", "community", "communautes", "communaute",
        "farmers", "herders", "herdsmen", "pastoralists", "agriculteurs",
        "cultivateurs", "eleveurs", "bergers", "sunni", "shiite", "sunnites",
        "chiites", NULL};
    static const char *const dispute[] = {
        "over", "dispute", "disputes", "disputed", "election", "elections",
        "electoral", "chieftaincy", "succession", "rival", "rivalry",
        "litige", "differend", "conflit", "chefferie", "electorale",
        "rivaux", "rivales", NULL};
    int why = 0;
    for (size_t t = s->first; t < s->first + s->count; t++) {
        const lex_match *am = x_at(x, t, LEX_ACTOR);
        int in = am ? x_inter(x_entry(x, am)) : 0;
        if (x_in(x, t, armed) || (in >= 2 && in <= 4) || in == 8)
            return 0;
        why |= x_in(x, t, dispute);
    }
    return crowd || (!f->a1.m && !f->a2.m && why);
}

/* Does the frame's own sentence say someone was killed (not a later
 * sentence on what the protest was about)? */
static int kill_in_sentence(const xdoc *x, const frame *f)
{
    const sentence *s = &x->d->sents[x->d->toks[f->tm->first].sent];
    for (size_t t = s->first; t < s->first + s->count; t++) {
        const lex_match *m = x_at(x, t, LEX_CASUALTY);
        if (m && !strcmp(x_entry(x, m)->cls, "killed") && !in_cause(x, s, t))
            return 1;
    }
    return 0;
}

/* The army or the police, not a government or a ministry. */
static int armed_state(const lex_entry *e)
{
    const char *n = lex_attr_get(e, "name");
    return x_inter(e) == 1 && n && (!strncmp(n, "Military Forces", 15) ||
                                    !strncmp(n, "Police Forces", 13));
}

/* A state force in the frame's sentence ("security forces", "soldiers",
 * "police"): it becomes actor1, and the crowd actor1 was becomes actor2.
 * Returns 0 (and changes nothing) when the sentence names none. */
static int force_kills(const xdoc *x, frame *f)
{
    const sentence *s = &x->d->sents[x->d->toks[f->tm->first].sent];
    size_t end = s->first + s->count;
    for (size_t i = x_first_match(x, s->first, end);
         i < x->nm && x->m[i].first < end; i++) {
        const lex_match *m = &x->m[i];
        if (m->kind != LEX_ACTOR || !armed_state(x_entry(x, m)))
            continue;
        if (!f->a2.m)
            f->a2 = f->a1;
        memset(&f->a1, 0, sizeof f->a1);
        f->a1.m = m;
        f->a1.first = (uint32_t)m->first;
        f->a1.count = (uint32_t)m->count;
        return 1;
    }
    return 0;
}

/* ACLED's class from the trigger's and the actors'. */
static const taxon *refine(const xdoc *x, frame *f)
{
    /* the verbs that take people as well as goods ("stripped a man of his
     * motorbike" takes the motorbike) */
    static const char *const seized_words[] = {"seized", "seizing", "grabbed", NULL};
    const char *c = f->tx->code;
    /* "Arrests: 20 women were arrested by Ansar Dine fighters": the
     * coder's own label stands, whoever acted */
    if (f->prec == 10)
        return f->tx;
    int i1 = f->a1.m ? x_inter(x_entry(x, f->a1.m)) : 0;
    int i2 = f->a2.m ? x_inter(x_entry(x, f->a2.m)) : 0;
    if (f->mutiny && i1 == 1 && !strcmp(f->tx->event_type, "Battles"))
        i1 = 2; /* mutineers who fight or take ground; rioting ones riot */
    if ((!strcmp(c, "attack") || !strcmp(c, "looting_property_destruction")) &&
        i1 == 7 && i2 != 7 && i2 &&
        (by_agent(x, f) || (f->a1_victim && lone_armed(x, f)))) {
        int t = i1; /* "la mort de quinze civils dans des attaques
                     * commises par des terroristes", "9 civilians killed
                     * in Boko Haram attack": victims named first */
        i1 = i2, i2 = t;
    }
    if (f->a1_victim && (i1 == 1 || i1 == 8 || (f->a1_died && i1 >= 2 && i1 <= 4)) &&
        !i2) {
        i2 = i1; /* soldiers killed: the target is armed */
        i1 = 0;
    }
    int armed2 = x_armed_inter(i2);
    int state1 = i1 == 1 || i1 == 8;
    int nonstate1 = i1 >= 2 && i1 <= 4;
    const char *to = NULL;
    int killed = f->fatal > 0 || (f->mask & M_KILL);
    if ((!strcmp(c, "attack") || !strcmp(c, "armed_clash")) &&
        (f->mask & M_FORCE) && (state1 || !i1))
        /* "police shot dead two demonstrators": the force a protest met */
        to = "excessive_force_protesters";
    else if ((!strcmp(c, "attack") ||
              (!strcmp(c, "abduction") && !state1 && several(x, &f->a2))) &&
             armed2)
        /* ACLED's violence against civilians has civilians as its target:
         * "abducted two Dozo militiamen", "took 23 soldiers hostage" are
         * fights between armed men (one commander seized at a market is
         * coded either way) */
        to = "armed_clash";
    else if (!strcmp(c, "attack") &&
             (((i1 == 7 && !f->a1_victim) || i1 == 5) ||
              (!i1 && crowd_subject(x, f))) &&
             (!i2 || i2 == 7) &&
             (crowd_word(x, f) || villagers_act(x, f)))
        /* "angry villagers beat a suspected thief to death": a crowd's
         * violence, ACLED's mob violence */
        to = "mob_violence";
    else if (!strcmp(c, "armed_clash") && !(f->mask & M_PROTEST) &&
             crowd_fight(x, f, i1, i2))
        to = "mob_violence";
    else if ((!strcmp(c, "abduction") || !strcmp(c, "arrests")) && !state1 &&
             (killed || (!strcmp(c, "abduction") &&
                         (f->mask & M_WOUND))))
        /* abducted and killed, or wounded in the same raid: ACLED's
         * attack */
        to = armed2 ? "armed_clash" : "attack";
    else if (!strcmp(c, "armed_clash") && i2 == 7 && i1 != 7 &&
             !lex_attr_get(f->trig, "communal"))
        to = "attack"; /* "farmers and herders clash": communal, below */
    else if (!strcmp(c, "looting_property_destruction") &&
             !strcmp(f->trig->id, "seized_goods") && f->a2.m && f->tm &&
             x_in(x, f->tm->first, seized_words) &&
             (i2 == 7 || i2 == 1 || i2 == 8) &&
             f->a2.first >= f->tm->first + f->tm->count &&
             f->a2.first <= f->tm->first + f->tm->count + 2)
        /* "gunmen seized a Chinese engineer": people seized are taken,
         * not goods */
        to = state1 ? "arrests" : "abduction";
    else if (!strcmp(c, "abduction") && (f->mask & M_SEXUAL) && !killed)
        /* "abducted and raped three women": the rape is what ACLED codes */
        to = "sexual_violence";
    else if (!strcmp(c, "abduction") && state1 && !lex_attr_get(f->trig, "forced"))
        to = "arrests";
    else if (!strcmp(c, "arrests") && nonstate1)
        to = "abduction";
    else if (!strcmp(c, "nonviolent_territory_transfer") && state1 &&
             lex_attr_get(f->trig, "withdrawal"))
        /* the army leaves its own base and nobody is said to take it:
         * ACLED's change to the group's activity */
        to = "change_to_group";
    else if ((!strcmp(c, "gov_regains_territory") || !strcmp(c, "nsa_overtakes_territory")) &&
             (f->mask & M_UNOPPOSED) && !(f->mask & (M_CLASH | M_WOUND)) && !killed)
        /* "took control of Sokolo after the army withdrew", "seized
         * Kidal; they met no resistance": ground taken with no fight */
        to = "nonviolent_territory_transfer";
    else if (!strcmp(c, "gov_regains_territory") && nonstate1)
        to = "nsa_overtakes_territory";
    else if (!strcmp(c, "nsa_overtakes_territory") && state1)
        to = "gov_regains_territory";
    else if (!strcmp(c, "looting_property_destruction") &&
             (killed || (f->mask & (M_WOUND | M_HARM))))
        /* looted and killed or wounded someone: an attack; "attacked the
         * village and burned sheds", no one hurt, stays looting (ACLED) */
        to = armed2 ? "armed_clash" : "attack";
    else if (!strcmp(c, "looting_property_destruction") &&
             (i1 == 5 || i1 == 6 || i1 == 7 || !i1 || (i1 == 1 && f->mutiny)) &&
             (f->mutiny || crowd_word(x, f)))
        /* "angry residents ransacked the electoral office", "mutinying
         * soldiers looted shops": a crowd's damage is a riot (ACLED's
         * violent demonstration), not an armed group's looting */
        to = "violent_demonstration";
    else if (!strcmp(c, "arrests") && killed && state1 && (armed2 || !i2))
        to = "armed_clash"; /* an operation: militants killed, others caught */
    else if (!strcmp(c, "arrests") && state1 && i2 == 7 &&
             (killed || (f->mask & (M_WOUND | M_HARM))))
        /* "arrested twenty civilians, who were beaten", "arrested and
         * severely wounded two herders": ACLED's attack on civilians */
        to = "attack";
    else if ((!strcmp(c, "air_drone_strike") || !strcmp(c, "remote_explosive")) &&
             f->prec <= 5 && (f->mask & M_DISRUPT) && !killed)
        to = "disrupted_weapons_use"; /* "un drone intercepté", "IED defused" */
    else if (!strcmp(c, "suicide_bomb") && (f->mask & M_DISRUPT))
        /* "shot the bomber before she could detonate her vest": the
         * bombing was stopped */
        to = "disrupted_weapons_use";
    else if ((!strcmp(c, "remote_explosive") || !strcmp(c, "suicide_bomb")) &&
             (f->mask & M_CLASH) && (armed2 || (state1 && !i2))) {
        /* an ambush opened by an IED, then gunfire; "an army convoy hit
         * by a complex attack": the forces named alone were the target */
        if (!armed2) {
            f->a2 = f->a1;
            memset(&f->a1, 0, sizeof f->a1);
        }
        to = "armed_clash";
    }
    else if (!strcmp(c, "disrupted_weapons_use") && f->prec < 9 &&
             (killed || (f->mask & M_GROUND)) && (state1 || armed2))
        /* "dismantled a camp, seized arms and killed four militants",
         * "thwarted an attack and neutralized ten": a fight */
        to = "armed_clash";
    else if (!strcmp(c, "air_drone_strike") && (f->mask & M_GROUND) && armed2)
        /* "airstrikes followed by a ground operation": one battle */
        to = "armed_clash";
    else if ((!strcmp(c, "peaceful_protest") ||
              !strcmp(c, "protest_with_intervention")) &&
             (f->mask & (M_RIOT | M_CLASH | M_DESTROY)))
        to = "violent_demonstration";
    else if (!strcmp(c, "excessive_force_protesters") &&
             (f->mask & (M_RIOT | M_DESTROY)))
        /* a crowd that riots stays a riot when the police then fire on it
         * ("protesters threw stones; police fired live rounds"); the
         * force's own shots are no riot */
        to = "violent_demonstration";
    else if (!strcmp(c, "peaceful_protest") && (f->mask & M_FORCE))
        to = "excessive_force_protesters";
    else if ((!strcmp(c, "peaceful_protest") || !strcmp(c, "protest_with_intervention")) &&
             (f->mask & M_KILL) && kill_in_sentence(x, f) &&
             ((i1 == 1 && armed_state(x_entry(x, f->a1.m))) ||
              ((i1 == 5 || !i1) && force_kills(x, f))))
        /* "security forces killed three protesters", "protesters were
         * killed by soldiers": the force is actor1, the crowd actor2 */
        to = "excessive_force_protesters";
    else if (!strcmp(c, "peaceful_protest") && (f->mask & (M_INTERVENE | M_ARREST)))
        /* "security forces intervened and arrested ninety people" */
        to = "protest_with_intervention";
    return to ? taxonomy_find(to) : f->tx;
}

/* A number as text, without printf (it is on every event). */
/* Writes u in decimal at out (room for 20 bytes); returns its length. */
static size_t put_digits(char *out, unsigned long long u)
{
    char rev[20];
    size_t n = 0, k = 0;
    do {
        rev[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    while (n)
        out[k++] = rev[--n];
    return k;
}

static void put_num(xdoc *x, veille_str *v, long n)
{
    char tmp[24];
    size_t k = 0;
    if (n < 0)
        tmp[k++] = '-';
    k += put_digits(tmp + k, n < 0 ? 0ULL - (unsigned long long)n
                                   : (unsigned long long)n);
    char *s = arena_strndup(&x->c->mem, tmp, k);
    if (s)
        *v = (veille_str){s, k};
}

static void put_date(xdoc *x, veille_str *v, long day)
{
    long y;
    int m, d;
    civil_from_days(day, &y, &m, &d);
    if (y < 0 || y > 9999)
        return;
    /* YYYY-MM-DD by hand: this runs for every event */
    char tmp[10] = {(char)('0' + y / 1000), (char)('0' + y / 100 % 10),
                    (char)('0' + y / 10 % 10), (char)('0' + y % 10), '-',
                    (char)('0' + m / 10), (char)('0' + m % 10), '-',
                    (char)('0' + d / 10), (char)('0' + d % 10)};
    char *s = arena_strndup(&x->c->mem, tmp, sizeof tmp);
    if (s)
        *v = (veille_str){s, sizeof tmp};
}

static void add_ev(veille_event *e, int field, const xdoc *x, size_t first,
                   size_t count)
{
    if (!count)
        return;
    uint32_t off, len;
    x_span(x, first, count, &off, &len);
    e->ev[e->nev++] = (evidence){(uint8_t)field, off, len};
}

static veille_str words(const xdoc *x, size_t first, size_t count)
{
    uint32_t off, len;
    x_span(x, first, count, &off, &len);
    return (veille_str){x->d->text + off, len};
}

/* d with five decimals ("-3.00417"), as printf's %.5f writes it for
 * coordinates, without printf on the hot path. */
static void put_float(xdoc *x, veille_str *v, double d)
{
    if (!(d > -1e9 && d < 1e9))
        return;
    int neg = d < 0;
    unsigned long long q = (unsigned long long)((neg ? -d : d) * 1e5 + 0.5);
    char tmp[32];
    size_t k = 0;
    unsigned long long fp = q % 100000;
    if (neg && q)
        tmp[k++] = '-';
    k += put_digits(tmp + k, q / 100000);
    tmp[k++] = '.';
    for (unsigned long long div = 10000; div; div /= 10)
        tmp[k++] = (char)('0' + fp / div % 10);
    char *s = arena_strndup(&x->c->mem, tmp, k);
    if (s)
        *v = (veille_str){s, k};
}

/* "French and Malian troops": when the state force of mention m (entry
 * e, "Malian troops") follows "COUNTRY and", the same force of that first
 * country ("military_fr" for "military_ml"), else NULL. */
static const lex_entry *joint_force(const xdoc *x, const xmention *m, const lex_entry *e)
{
    const char *us = strrchr(e->id, '_');
    if (m->first < 2 || !us || strlen(us) != 3 || !lex_attr_get(e, "country"))
        return NULL;
    /* "and", "&", "or", "and/or" */
    size_t j = m->first - 1;
    if (x_is(x, j, "or") && j >= 3 && x_is(x, j - 1, "/") && x_is(x, j - 2, "and"))
        j -= 2;
    else if (!x_is(x, j, "and") && !x_is(x, j, "&") && !x_is(x, j, "or"))
        return NULL;
    const lex_match *cm = NULL;
    for (size_t k = j; k-- > 0 && k + 4 > j && !cm;)
        cm = x_at(x, k, LEX_COUNTRY);
    if (!cm || cm->first + cm->count != j)
        return NULL;
    const lex_entry *c = x_entry(x, cm);
    char id[64];
    size_t n = (size_t)(us - e->id);
    if (n + 4 > sizeof id)
        return NULL;
    memcpy(id, e->id, n);
    snprintf(id + n, sizeof id - n, "_%s", c->id);
    long i = lex_find(x->lx, LEX_ACTOR, id);
    return i >= 0 && lex_entry_at(x->lx, (size_t)i) != e ? lex_entry_at(x->lx, (size_t)i) : NULL;
}

/* Does event e (its type already set) happen where its armed groups are?
 * Marches against them, and talks and deals with them, happen in the
 * capital. */
static int in_the_field(const veille_event *e)
{
    const veille_str *t = &e->v[EF_EVENT_TYPE], *s = &e->v[EF_SUB_EVENT_TYPE];
    return !(t->ptr && (!strcmp(t->ptr, "Protests") || !strcmp(t->ptr, "Riots"))) &&
           !(s->ptr && !strcmp(s->ptr, "Agreement"));
}

/* Where: the place named in the incident's sentences, else the article's
 * first place, else the focus country's capital (geo_precision 3). */
/* Returns the dictionary entry of the place's country when it should name
 * the event's actors (see the end), else NULL. */
static const lex_entry *put_place(xdoc *x, const frame *f, veille_event *e)
{
    const xplace *pl = f->place ? f->place : x_place_first(x);
    gaz_place cp;
    const gaz_place *p = NULL;
    int prec = 3;
    int stronghold = 0;
    char fcc[3];
    x_country_cc(x->country, fcc);
    if (pl) {
        p = pl->p;
        prec = pl->prec;
        add_ev(e, EF_LOCATION, x, pl->first, pl->count);
    } else if (in_the_field(e) &&
               ((f->a1.m && x_stronghold(x, x_entry(x, f->a1.m), fcc[0] ? fcc : NULL, &cp)) ||
                (f->a2.m && x_stronghold(x, x_entry(x, f->a2.m), fcc[0] ? fcc : NULL, &cp)))) {
        /* "MNJ rebels abducted five civilians": no place named, the
         * group's stronghold, as a region (geo_precision 3) */
        p = &cp;
        stronghold = 1;
    } else if (x->country && x->c->ctx->gaz && gaz_country(x->c->ctx->gaz, fcc, &cp)) {
        p = &cp;
    }
    if (!p)
        return NULL;
    if (p == &cp) {
        /* only the country is known: ACLED codes the event at the
         * capital, geo_precision 3 (or at the group's stronghold) */
        const char *cn = stronghold ? NULL : lex_attr_get(x->country, "name");
        e->v[EF_LOCATION] = vs(p->name);
        e->v[EF_ADMIN1] = vs(p->admin1);
        e->v[EF_ADMIN2] = vs(p->admin2);
        e->v[EF_ADMIN3] = vs(p->admin3);
        e->v[EF_COUNTRY] = vs(cn ? cn : p->country);
    } else {
        /* The place as the source spells it ("Niafounke", "Tombouctou"),
         * as ACLED writes it; the gazetteer's own name when the text
         * shouts it (KIDAL) or when a region stands for its seat. */
        veille_str said = pl->part_len ? (veille_str){x->d->text + pl->part_off, pl->part_len}
                                       : words(x, pl->first, pl->count);
        int lower = 0;
        for (size_t i = 0; i < said.len; i++)
            if (said.ptr[i] >= 'a' && said.ptr[i] <= 'z')
                lower = 1;
        e->v[EF_LOCATION] = (prec < 3 && lower) || pl->named ? said : vs(p->name);
        e->v[EF_ADMIN1] = vs(p->admin1);
        e->v[EF_ADMIN2] = vs(p->admin2);
        e->v[EF_ADMIN3] = vs(p->admin3);
        e->v[EF_COUNTRY] = vs(p->country);
    }
    if (p->iso_numeric)
        put_num(x, &e->v[EF_ISO], p->iso_numeric);
    char low[3] = {(char)(p->cc[0] | 32), (char)(p->cc[1] | 32), 0};
    long ci = p->cc[0] ? lex_find(x->lx, LEX_COUNTRY, low) : -1;
    if (ci >= 0) {
        const char *rg = lex_attr_get(lex_entry_at(x->lx, (size_t)ci), "region");
        if (rg)
            e->v[EF_REGION] = vs(rg);
    }
    put_float(x, &e->v[EF_LATITUDE], p->lat);
    put_float(x, &e->v[EF_LONGITUDE], p->lon);
    put_num(x, &e->v[EF_GEO_PRECISION], prec);
    put_num(x, &e->v[EF_GEONAMEID], (long)p->geonameid);
    if (ci < 0)
        return NULL;
    /* The place's country names the actors when the place is sure enough
     * to overrule the article's focus: no focus, a city (Gaza), a country
     * the text names itself, or another place in the same country.  A village that the gazetteer only
     * knows abroad (Boni, Germany) must not turn Malian soldiers
     * German. */
    const lex_entry *pc = lex_entry_at(x->lx, (size_t)ci);
    if (!x->country || pc == x->country || p->population >= 100000)
        return pc;
    for (size_t i = 0; i < x->nm; i++)
        if (x->m[i].kind == LEX_COUNTRY && x_entry(x, &x->m[i]) == pc)
            return pc;
    /* or another place of the article in the same country ("Bankilaré,
     * dans la région de Tillabéri") */
    for (size_t i = 0; i < x->nplaces; i++) {
        const gaz_place *q = x->places[i].p;
        if (q && q->geonameid != p->geonameid && !strcmp(q->cc, p->cc))
            return pc;
    }
    return NULL;
}

/* An actor's ACLED name without its era: how claimants are written. */
static veille_str no_era(xdoc *x, const lex_entry *e)
{
    veille_str n = x_actor_name(x, e, NO_DATE);
    const char *tpl = lex_attr_get(e, "name");
    if (tpl && strstr(tpl, "({era})")) {
        const char *p = n.ptr + n.len;
        while (p > n.ptr && p[-1] != '(')
            p--;
        if (p > n.ptr + 1 && p[-2] == ' ' && strchr(p, ')'))
            n.len = (size_t)(p - 2 - n.ptr);
    }
    return n;
}

/* Writes an actor: its ACLED name ("A and/or B" for an alternative),
 * inter code, the source's words and their evidence (m: the mention, or
 * NULL for an actor ACLED's conventions add). */
static void put_actor(xdoc *x, veille_event *e, int name_f, int text_f,
                      int inter_f, int ev_f, const lex_entry *en,
                      const xmention *m, long day)
{
    veille_str name = x_actor_name(x, en, day);
    if (m && m->alt && x_entry(x, m->m) == en) {
        veille_str b = x_actor_name(x, x_entry(x, m->alt), day);
        /* "ISWAP or Boko Haram" after 2016, when "Boko Haram" alone is
         * already "ISWAP and/or JAS": one name holds the other */
        char *s = NULL;
        if (memmem(b.ptr, b.len, name.ptr, name.len))
            name = b;
        else if (!memmem(name.ptr, name.len, b.ptr, b.len))
            s = arena_alloc(&x->c->mem, name.len + b.len + 9);
        if (s) {
            /* ACLED writes a pair one way whatever the source's order:
             * "JNIM… and/or Islamic State…", "Islamic State… and/or
             * Ansaroul Islam", the later name in the alphabet first */
            veille_str hi = name, lo = b;
            size_t n = hi.len < lo.len ? hi.len : lo.len;
            int c = memcmp(hi.ptr, lo.ptr, n);
            if (c < 0 || (c == 0 && hi.len < lo.len))
                hi = b, lo = name;
            memcpy(s, hi.ptr, hi.len);
            memcpy(s + hi.len, " and/or ", 8);
            memcpy(s + hi.len + 8, lo.ptr, lo.len);
            name = (veille_str){s, hi.len + 8 + lo.len};
        }
    }
    e->v[name_f] = name;
    put_num(x, &e->v[inter_f], x_inter_at(x, en));
    if (m) {
        e->v[text_f] = words(x, m->first, m->count);
        add_ev(e, ev_f, x, m->first, m->count);
    }
}

/* ACLED names a village's own fighters after it: "attacked the village
 * of Bi, village self-defense repelled the attack" is fought by the "Bi
 * Communal Militia (Mali)"; "the Dogon village of Yoro" by the "Dogon
 * Ethnic Militia (Mali)".  For a communal militia mention m that the text
 * ties to a village ("village self-defense", "villagers", "local
 * militiamen"), when the event is at a village named in the text; else
 * the name already written stays. */
static void village_militia(xdoc *x, const frame *f, veille_event *e, int name_f,
                            const xmention *m)
{
    static const char *const local[] = {
        "village", "villagers", "villages", "local", "locals", "villageois",
        "villageoise", "villageoises", "locale", "locales", NULL};
    const xplace *pl = f->place;
    if (!m || !m->m || !pl || (pl->prec == 3 && !pl->named) || !e->v[EF_LOCATION].len ||
        !e->v[EF_COUNTRY].len)
        return;
    int tied = 0;
    for (size_t t = m->first > 0 ? m->first - 1 : 0; t < m->first + m->count && !tied; t++)
        tied = x_in(x, t, local);
    if (!tied)
        return;
    /* "the Dogon village of Yoro": the people's militia */
    static const char *const home[] = {"village", "villages", "hamlet", NULL};
    const lex_entry *people = NULL;
    size_t p0 = pl->first;
    const lex_match *pm = p0 >= 3 && x_is(x, p0 - 1, "of") && x_in(x, p0 - 2, home)
                              ? x_ending(x, p0 - 3, LEX_ACTOR) : NULL;
    const char *armed = pm ? lex_attr_get(x_entry(x, pm), "armed") : NULL;
    long pn = armed ? lex_find(x->lx, LEX_ACTOR, armed) : -1;
    if (pn >= 0 && x_inter(lex_entry_at(x->lx, (size_t)pn)) == 4)
        people = lex_entry_at(x->lx, (size_t)pn);
    if (people) {
        e->v[name_f] = x_actor_name(x, people, NO_DATE);
        return;
    }
    veille_str loc = e->v[EF_LOCATION], cn = e->v[EF_COUNTRY];
    static const char mid[] = " Communal Militia (";
    size_t n = loc.len + sizeof mid - 1 + cn.len + 1;
    char *s = arena_alloc(&x->c->mem, n);
    if (!s)
        return;
    memcpy(s, loc.ptr, loc.len);
    memcpy(s + loc.len, mid, sizeof mid - 1);
    memcpy(s + loc.len + sizeof mid - 1, cn.ptr, cn.len);
    s[n - 1] = ')';
    e->v[name_f] = (veille_str){s, n};
}

/* A named armed group (rebels, jihadists, militias: inter 2 to 4) in the
 * incident's sentence, the next two, then the sentences before: the one
 * the report holds responsible.  Not `avoid` (the target). */
static const lex_entry *named_group(xdoc *x, const frame *f,
                                    const lex_entry *avoid, int state,
                                    const xmention **mention)
{
    const textdoc *d = x->d;
    size_t order[2][2] = {{f->sent, f->sent + 3}, {0, f->sent}};
    for (int pass = 0; pass < 2; pass++) {
        for (size_t si = order[pass][0]; si < order[pass][1] && si < d->nsent; si++) {
            const sentence *s = &d->sents[si];
            /* "No group has claimed it, but Boko Haram…": no one named */
            static const char *const neg[] = {"no", "not", "n'", "pas",
                                              "aucun", "aucune", "never",
                                              "jamais", "nor", "ni", NULL};
            for (size_t t = s->first; t < s->first + s->count; t++) {
                if (x_in(x, t, neg))
                    break;
                const lex_match *m = x_at(x, t, LEX_ACTOR);
                if (!m)
                    continue;
                const lex_entry *e = x_entry(x, m);
                int in = x_inter(e);
                int fits = state ? in == 1 || in == 8 : in >= 2 && in <= 4;
                if (!fits || e == avoid || x_unidentified(e) ||
                    !lex_attr_get(e, "name"))
                    continue;
                const char *n = lex_attr_get(e, "name");
                if (strstr(n, "{country}") && !lex_attr_get(e, "country") &&
                    strstr(n, "Unidentified"))
                    continue;
                xmention *found = arena_alloc(&x->c->mem, sizeof *found);
                if (!found)
                    return NULL;
                *found = (xmention){m, NULL, m->first, m->count};
                *mention = found;
                return e;
            }
        }
    }
    return NULL;
}

/* The associated actor a kind of person brings ("teachers": Teachers
 * (Mali)), into field f when it is still empty. */
static void put_kind_assoc(xdoc *x, veille_event *e, int f, const lex_entry *a, long day)
{
    veille_str k = x_kind_assoc(x, a, day);
    if (k.ptr && !e->v[f].len)
        e->v[f] = k;
}

/* Is mention m named as an agent, "by" or "par" a word or two before it
 * ("planted by JNIM", "claimed by presumed ISGS")? */
static int named_by(const xdoc *x, const xmention *m)
{
    if (!m)
        return 0;
    for (size_t k = m->first; k-- > 0 && k + 3 > m->first;)
        if (x_is(x, k, "by") || x_is(x, k, "par"))
            return 1;
    return 0;
}

static int fill_event(xdoc *x, frame *f, veille_event *e, size_t n,
                      const veille_str *src, const xdate *fallback)
{
    veille_coder *c = x->c;
    const veille_ctx *ctx = c->ctx;
    for (int k = 0; k < EF_COUNT; k++)
        e->v[k] = (veille_str){"", 0};
    e->ev = arena_alloc(&c->mem, 16 * sizeof *e->ev);
    if (!e->ev)
        return -1;
    const veille_str *id = &x->a->f[VEILLE_F_ID];
    e->v[EF_ARTICLE_ID] = *id;
    char *eid = arena_alloc(&c->mem, id->len + 24);
    if (!eid)
        return -1;
    memcpy(eid, id->ptr, id->len);
    size_t k = id->len;
    eid[k++] = '-';
    k += put_digits(eid + k, n);
    e->v[EF_EVENT_ID_CNTY] = (veille_str){eid, k};

    /* when */
    long day = NO_DATE, end = NO_DATE;
    int prec = 0;
    if (f->has_date) {
        day = f->date.day, end = f->date.end, prec = f->date.prec;
        add_ev(e, EF_EVENT_DATE, x, f->date.first, f->date.count);
    } else if (fallback) {
        day = fallback->day, end = fallback->end, prec = fallback->prec;
        add_ev(e, EF_EVENT_DATE, x, fallback->first, fallback->count);
    } else if (x->pub_month) {
        /* published "2022-10": some day that month, dated as ACLED dates
         * a month-precise event, on the 15th */
        long y;
        int mo, dd;
        civil_from_days(x->pub, &y, &mo, &dd);
        day = days_from_civil(y, mo, 15), prec = 3;
    } else if (x->pub != NO_DATE) {
        /* No date in the text: news runs a day behind the events it
         * reports, so the day before publication, at the precision of a
         * week, since the day is a guess. */
        day = x->pub - 1, prec = 2;
    }
    if (day != NO_DATE) {
        long y;
        int mo, dd;
        civil_from_days(day, &y, &mo, &dd);
        put_date(x, &e->v[EF_EVENT_DATE], day);
        put_num(x, &e->v[EF_YEAR], y);
        put_num(x, &e->v[EF_TIME_PRECISION], prec);
        if (end != NO_DATE)
            put_date(x, &e->v[EF_DATE_END], end);
    }

    /* what */
    const taxon *tx = refine(x, f);
    /* VEILLE_TRACE=1: the frame behind each event, on stderr (for whoever
     * tunes the rules) */
    static int trace = -1;
    if (trace < 0)
        trace = getenv("VEILLE_TRACE") != NULL;
    if (trace)
        fprintf(stderr, "veille: trace: trigger=%s class=%s prec=%d a1=%s@%u a2=%s@%u victim=%d died=%d mask=%x -> %s\n",
                f->trig->id, f->trig->cls, f->prec, f->a1.m ? x_entry(x, f->a1.m)->id : "-",
                f->a1.first, f->a2.m ? x_entry(x, f->a2.m)->id : "-", f->a2.first,
                f->a1_victim, f->a1_died, f->mask, tx->code);
    e->v[EF_DISORDER_TYPE] = vs(tx->disorder_type);
    e->v[EF_EVENT_TYPE] = vs(tx->event_type);
    e->v[EF_SUB_EVENT_TYPE] = vs(tx->sub_event_type);
    e->v[EF_PLOVER] = vs(tx->plover);
    const char *cameo = lex_attr_get(f->trig, "cameo");
    e->v[EF_CAMEO] = vs(cameo ? cameo : tx->cameo);
    add_ev(e, EF_SUB_EVENT_TYPE, x, f->tm->first, f->tm->count);

    /* where, first: civilians and other actors without a country of their
     * own belong to the country the event happens in ("Israeli airstrikes
     * in Gaza" kill Civilians (Palestine)) */
    const lex_entry *place_country = put_place(x, f, e);
    const lex_entry *focus_saved = x->country;
    if (place_country)
        x->country = place_country;

    /* who */
    const lex_entry *a1 = f->a1.m ? x_entry(x, f->a1.m) : NULL;
    const lex_entry *a2 = f->a2.m ? x_entry(x, f->a2.m) : NULL;
    const xmention *m1 = f->a1.m ? &f->a1 : NULL, *m2 = f->a2.m ? &f->a2 : NULL;
    const lex_entry *assoc1 = NULL;
    const char *et = tx->event_type;
    int violent = !strcmp(et, "Battles") || !strcmp(et, "Explosions/Remote violence") ||
                  !strcmp(et, "Violence against civilians");
    /* Who was hit is not who hit: civilians named first, soldiers who
     * died ("des soldats ont péri dans l'attaque"), a patrol that hit a
     * mine are victims, with an unnamed attacker. */
    if (violent && a1) {
        int in1 = x_inter_at(x, a1);
        int remote = !strcmp(tx->code, "remote_explosive") ||
                     !strcmp(tx->code, "suicide_bomb");
        /* "25 Islamists killed", "soldiers were killed": whoever died,
         * with no killer named, was the target */
        int victim = in1 == 7 || (f->a1_victim && (in1 == 1 || in1 == 8)) ||
                     (f->a1_died && in1 >= 2 && in1 <= 4) ||
                     (remote && (in1 == 1 || in1 == 8 || in1 == 7 || f->a1_victim));
        int in2 = a2 ? x_inter_at(x, a2) : 0;
        if (victim) {
            /* "two soldiers were killed by an IED… planted by JNIM": an
             * armed side other than the dead's is who hit them */
            int other_side = (in1 == 7 && in2 != 7) ||
                             ((in1 == 1 || in1 == 8) && in2 >= 2 && in2 <= 4 &&
                              (f->a1_victim || (!strcmp(tx->code, "remote_explosive") &&
                                                named_by(x, m2))));
            if (a2 && other_side) {
                const lex_entry *t = a1; /* "civils tués par des soldats" */
                const xmention *tm = m1;
                a1 = a2, m1 = m2;
                a2 = t, m2 = tm;
            } else if (!a2 || (remote && in1 != 7 && (in2 == 1 || in2 == 8))) {
                /* "an army vehicle was struck by an IED, two soldiers
                 * were killed": forces on both sides are one target */
                a2 = a1, m2 = m1;
                a1 = NULL, m1 = NULL;
            }
        }
    }
    if (!strcmp(et, "Protests") || !strcmp(et, "Riots")) {
        int want = !strcmp(et, "Protests") ? 6 : 5;
        const lex_entry *crowd = want == 6 ? ctx->act_protesters : ctx->act_rioters;
        /* a mob is rioters, whoever its people are ("students clashed":
         * rioters, students associated); an armed group lynching is
         * itself */
        if (!strcmp(tx->code, "mob_violence") && a1 && x_inter(a1) != 7)
            crowd = a1;
        /* "students of two schools clashed": rioters on both sides */
        if (!strcmp(tx->code, "mob_violence") && (!a2 || x_inter(a2) == 7) &&
            !strcmp(f->trig->cls, "armed_clash"))
            a2 = ctx->act_rioters, m2 = NULL;
        if (crowd && (!a1 || x_inter(a1) != want) && crowd != a1) {
            /* soldiers who protest, or fire in the air over their pay,
             * are the crowd: rioters, with their force associated */
            int own = a1 && x_inter(a1) == 1 && m1 && f->tm &&
                      !(f->mask & M_INTERVENE) && m1->first < f->tm->first &&
                      ((f->mask & M_AIRSHOT) ||
                       (m1->first + m1->count + 6 > f->tm->first &&
                        !strcmp(f->trig->cls, "peaceful_protest")));
            if (a1 && (x_inter(a1) == 7 || own))
                assoc1 = a1; /* students, traders… marching */
            if (a1 && !own && a1 != crowd && !a2 && x_inter(a1) != 7 &&
                x_inter(a1) != 5 && x_inter(a1) != 6)
                a2 = a1, m2 = m1; /* the police named first */
            a1 = crowd;
            m1 = NULL;
        }
        int intervene = !strcmp(tx->code, "protest_with_intervention") ||
                        !strcmp(tx->code, "excessive_force_protesters");
        if (intervene) {
            /* the force that intervened: a state actor named, else police */
            const lex_entry *st = NULL;
            const xmention *sm = NULL;
            if (f->a1.m && x_inter_at(x, x_entry(x, f->a1.m)) == 1)
                st = x_entry(x, f->a1.m), sm = &f->a1;
            else if (f->a2.m && x_inter_at(x, x_entry(x, f->a2.m)) == 1)
                st = x_entry(x, f->a2.m), sm = &f->a2;
            if (a2 && x_inter_at(x, a2) == 7 && !assoc1)
                assoc1 = a2;
            a2 = st ? st : ctx->act_police;
            m2 = st ? sm : NULL;
        } else if (!strcmp(tx->code, "peaceful_protest")) {
            a2 = NULL, m2 = NULL; /* what they march about is no actor */
        } else if (!strcmp(tx->code, "mob_violence") && !a2) {
            a2 = ctx->act_civilians;
        }
    } else if (!strcmp(et, "Battles") || !strcmp(et, "Explosions/Remote violence") ||
               !strcmp(et, "Violence against civilians")) {
        if (!a1 || (x_inter(a1) == 7 && a2 && x_inter(a2) != 7)) {
            if (a1 && !a2)
                a2 = a1, m2 = m1;
            a1 = ctx->act_unidentified;
            m1 = NULL;
        }
        if (!a2 && !strcmp(et, "Violence against civilians"))
            a2 = ctx->act_civilians;
    } else if (!strcmp(tx->code, "arrests") && !a1) {
        a1 = ctx->act_police;
    } else if (!strcmp(tx->code, "looting_property_destruction") && a1 && !a2 &&
               x_inter_at(x, a1) >= 2 && x_inter_at(x, a1) <= 4) {
        a2 = ctx->act_civilians;
    }
    /* "Unidentified" while the report names the group elsewhere: "the
     * assailants" after "presumed JNIM militants attacked…", "MUJAO
     * claimed responsibility", "the device was planted by ISGS" */
    if (a1 && violent && x_unidentified(a1)) {
        const xmention *nm = NULL;
        /* who flies: an air strike is a state's unless a group is named
         * as its author */
        int air = !strcmp(tx->code, "air_drone_strike");
        const lex_entry *named = named_group(x, f, a2, air, &nm);
        if (named) {
            a1 = named;
            m1 = nm;
        }
    }
    /* Civilians who fight each other ("farmers and herders clashed") are
     * communal militias for ACLED, and so is any side of intercommunal
     * violence that is not named as an armed group */
    if (!strcmp(tx->code, "armed_clash") && ctx->act_communal && a1 && a2 &&
        x_inter(a1) == 7 && x_inter(a2) == 7) {
        a1 = ctx->act_communal, m1 = NULL;
        a2 = ctx->act_communal, m2 = NULL;
    } else if (!strcmp(tx->code, "armed_clash") && ctx->act_communal &&
               lex_attr_get(f->trig, "communal")) {
        if (!a1 || x_unidentified(a1) || x_inter(a1) == 5 || x_inter(a1) == 7)
            a1 = ctx->act_communal, m1 = NULL;
        if (!a2 || x_unidentified(a2) || x_inter(a2) == 5 || x_inter(a2) == 7)
            a2 = ctx->act_communal, m2 = NULL;
    }
    /* "Israeli airstrikes", "frappes françaises": a state's weapon named
     * by its demonym is that state's military; so is the sentence's other
     * word for the same weapon ("L'aviation malienne a mené des frappes
     * aériennes") */
    const lex_entry *a1_country = NULL;
    if (violent && (!a1 || x_unidentified(a1)) && ctx->act_military &&
        f->tm) {
        const lex_match *cm = NULL;
        const sentence *s = &x->d->sents[f->sent];
        size_t stop = s->first + s->count;
        for (size_t i = x_first_match(x, s->first, stop);
             i < x->nm && x->m[i].first < stop && !cm; i++) {
            const lex_match *w = &x->m[i];
            if (w != f->tm && (w->kind != LEX_TRIGGER ||
                               strcmp(x_entry(x, w)->cls, f->trig->cls)))
                continue;
            if (w->first > 0 && x_at_end(x, w->first - 1, LEX_COUNTRY))
                for (size_t j = w->first; j-- > 0 && j + 4 > w->first && !cm;)
                    cm = x_at(x, j, LEX_COUNTRY);
            size_t after = w->first + w->count;
            if (!cm && after < x->d->ntok)
                cm = x_at(x, after, LEX_COUNTRY);
        }
        if (cm) {
            a1 = ctx->act_military;
            m1 = NULL;
            a1_country = x_entry(x, cm);
        }
    }
    /* "French and Malian troops", "Malian and French troops": a foreign
     * force in the pair acts (ACLED's actor1 for a joint operation), else
     * the state named first; the other is its associate */
    if (m1 && a1 && !a1_country && !assoc1) {
        const lex_entry *first = joint_force(x, m1, a1);
        if (first && (x_inter(first) == 8 || x_inter(a1) != 8)) {
            assoc1 = a1;
            a1 = first;
            m1 = NULL;
        } else if (first) {
            assoc1 = first;
        }
    }
    /* one side named twice is one actor, but communal militias fight
     * each other, and so do two mobs */
    int both = tx && ((!strcmp(tx->code, "armed_clash") && a1 == ctx->act_communal) ||
                      (!strcmp(tx->code, "mob_violence") && a1 == ctx->act_rioters));
    if (a1 && a2 && a1 == a2 && !both)
        a2 = NULL, m2 = NULL;
    int i1 = 0, i2 = 0;
    if (a1) {
        const lex_entry *focus = x->country;
        if (a1_country)
            x->country = a1_country; /* the demonym's, for this name only */
        put_actor(x, e, EF_ACTOR1, EF_ACTOR1_TEXT, EF_INTER1, EF_ACTOR1, a1, m1, day);
        i1 = x_inter_at(x, a1);
        x->country = focus;
        if (f->mutiny && i1 == 1 && !strcmp(et, "Battles")) {
            veille_str own = e->v[EF_ACTOR1];
            char *m = arena_alloc(&c->mem, own.len + 10);
            if (m) {
                memcpy(m, "Mutiny of ", 10);
                memcpy(m + 10, own.ptr, own.len);
                e->v[EF_ACTOR1] = (veille_str){m, own.len + 10};
                if (a2 == NULL && m1) { /* they rose against their own */
                    a2 = a1;
                    m2 = NULL;
                }
            }
        }
    }
    const char *own = !assoc1 && a1 ? x_actor_assoc(x, a1, day) : NULL;
    if (assoc1 && x_inter(assoc1) == 7)
        /* "students marched": Protesters, with Students (Mali); plain
         * residents bring no associate */
        put_kind_assoc(x, e, EF_ASSOC_ACTOR_1, assoc1, day);
    else if (assoc1)
        e->v[EF_ASSOC_ACTOR_1] = x_actor_name(x, assoc1, day);
    else if (own)
        e->v[EF_ASSOC_ACTOR_1] = vs(own);
    else if (a1)
        put_kind_assoc(x, e, EF_ASSOC_ACTOR_1, a1, day);
    if (a2) {
        put_actor(x, e, EF_ACTOR2, EF_ACTOR2_TEXT, EF_INTER2, EF_ACTOR2, a2, m2, day);
        const char *own2 = x_actor_assoc(x, a2, day);
        if (own2)
            e->v[EF_ASSOC_ACTOR_2] = vs(own2);
        else
            put_kind_assoc(x, e, EF_ASSOC_ACTOR_2, a2, day);
        i2 = x_inter_at(x, a2);
        if (a2 == ctx->act_communal && a1 != a2)
            village_militia(x, f, e, EF_ACTOR2, m2);
    }
    if (i1 || i2) {
        int lo = i1 && i2 ? (i1 < i2 ? i1 : i2) : (i1 ? i1 : i2);
        int hi = i1 && i2 ? (i1 < i2 ? i2 : i1) : 0;
        put_num(x, &e->v[EF_INTERACTION], lo * 10 + hi);
    }
    if (i2 == 7 && (!strcmp(et, "Violence against civilians") ||
                    !strcmp(et, "Explosions/Remote violence")))
        e->v[EF_CIVILIAN_TARGETING] = vs("Civilian targeting");

    x->country = focus_saved;

    /* how many: the event's share when the report splits its toll */
    if (f->fatal >= 0) {
        const xplace *pl = f->place ? f->place : x_place_first(x);
        put_num(x, &e->v[EF_FATALITIES],
                x_split_toll(x, f->fatal, f->fat_first, pl ? pl->first : 0,
                             pl ? pl->count : 0));
        add_ev(e, EF_FATALITIES, x, f->fat_first, f->fat_count);
    } else if (!is_political(tx)) {
        e->v[EF_FATALITIES] = vs("0");
    }

    /* who says so, how sure */
    const char *cert = f->claim.certainty;
    if (f->claim.claimant) {
        const lex_entry *ce = x_entry(x, f->claim.claimant);
        e->v[EF_CLAIMANT] = no_era(x, ce);
        veille_str cn = x_actor_name(x, ce, day);
        veille_str n1 = e->v[EF_ACTOR1], n2 = e->v[EF_ACTOR2];
        int same1 = n1.len == cn.len && !memcmp(n1.ptr, cn.ptr, cn.len);
        int same2 = n2.len == cn.len && !memcmp(n2.ptr, cn.ptr, cn.len);
        int party = (same1 || same2) && x_inter(ce) != 7 &&
                    x_inter(ce) != 6 && x_inter(ce) != 0;
        if (party && !strcmp(cert, "stated"))
            cert = "claimed";
    } else if (f->claim.who_count) {
        e->v[EF_CLAIMANT] = words(x, f->claim.who_first, f->claim.who_count);
    }
    if (f->claim.who_count)
        add_ev(e, EF_CLAIMANT, x, f->claim.who_first, f->claim.who_count);
    e->v[EF_CERTAINTY] = vs(cert);
    add_ev(e, EF_CERTAINTY, x, f->claim.cert_first, f->claim.cert_count);
    e->v[EF_SOURCE] = x->a->f[VEILLE_F_SOURCE];
    e->v[EF_LANG] = vs(x->lang == LANG_EN ? "en" : "fr");
    if (x->country && !e->v[EF_COUNTRY].len) {
        const char *cn = lex_attr_get(x->country, "name");
        e->v[EF_COUNTRY] = vs(cn ? cn : "");
        e->v[EF_ISO] = vs(x->country->cls);
    }
    if (!e->v[EF_REGION].len && x->country) {
        const char *rg = lex_attr_get(x->country, "region");
        if (rg)
            e->v[EF_REGION] = vs(rg);
    }
    e->text = x->d->text;
    const sentence *st = &x->d->sents[f->sent];
    e->sent_off = st->off;
    e->sent_len = st->len;
    e->first_sent = f->sent;
    e->sources = src;
    e->nsources = 1;
    return x_notes(x, e);
}

int extract_events(veille_coder *c, const veille_article *a,
                   const lex_match *m, size_t nm, int lang)
{
    xdoc x;
    if (xdoc_init(&x, c, a, m, nm, lang, c->opts))
        return VEILLE_ENOMEM;
    const textdoc *d = &c->doc;

    /* 1. every date expression, so that "le 7" is not a count of seven.
     * An article without a publication date is dated by its latest full
     * date ("le 30 octobre 2023"), and read again against it. */
    for (int pass = 0; pass < 2; pass++) {
        long latest = NO_DATE;
        for (size_t si = 0; si < d->nsent; si++) {
            const sentence *s = &d->sents[si];
            size_t t = s->first, end = s->first + s->count;
            xdate dt;
            while (t < end && x_date(&x, t, end, &dt)) {
                t = dt.first + dt.count;
                long last = dt.end != NO_DATE ? dt.end : dt.day;
                if (last > latest)
                    latest = last;
            }
        }
        if (latest == NO_DATE || pass == 1)
            break;
        x.anchor = latest;
        if (x.pub == NO_DATE) {
            x.pub = latest;
            x.pub_derived = 1;
        } else if (!x.pub_month) {
            break;
        }
    }
    x_focus_country(&x);
    /* A text that names no country: the outlet's own (outlets.txt), which
     * also places a village no gazetteer has ("the village of Wour") */
    if (!x.country && outlet_country(&x))
        return VEILLE_ENOMEM;
    if (x_places(&x))
        return VEILLE_ENOMEM;
    /* The article's first date: for incidents that give none. */
    xdate first_date;
    int has_first = 0;
    for (size_t si = 0; si < d->nsent && !has_first; si++)
        has_first = x_date(&x, d->sents[si].first,
                           d->sents[si].first + d->sents[si].count, &first_date);

    /* 2–3. frames into incidents */
    frame *inc = arena_alloc(&c->mem, (d->nsent + 1) * sizeof *inc);
    if (!inc)
        return VEILLE_ENOMEM;
    size_t ni = 0;
    for (size_t si = 0; si < d->nsent; si++) {
        frame f;
        uint32_t cf, cn;
        long coded = x_coded_fatalities(&x, si, &cf, &cn);
        if (!read_frame(&x, si, &f)) {
            /* "Unknown fatalities coded as 10." after the incident */
            if (coded >= 0 && ni > 0 && !inc[ni - 1].fatal_coded)
                set_coded(&inc[ni - 1], coded, cf, cn);
            /* "…two soldiers were wounded by an IED. One of them
             * succumbed to his wounds.": a toll with no event word of
             * its own is the incident's before it */
            else if (coded < 0 && ni > 0 && !is_political(inc[ni - 1].tx))
                add_toll(&x, &inc[ni - 1], si);
            continue;
        }
        if (coded >= 0)
            set_coded(&f, coded, cf, cn);
        /* the incidents just before: an article tells one incident in
         * consecutive sentences (and this keeps a huge article linear) */
        size_t stop = ni > 8 ? ni - 8 : 0;
        frame *into = NULL;
        for (size_t k = ni; k-- > stop && !into;)
            if (same_incident(&x, &inc[k], &f))
                into = &inc[k];
        if (into)
            join(&x, into, &f);
        else
            inc[ni++] = f;
    }

    /* 4. records */
    c->events = arena_zalloc(&c->mem, (ni ? ni : 1) * sizeof *c->events);
    veille_str *src = arena_alloc(&c->mem, sizeof *src);
    if (!c->events || !src)
        return VEILLE_ENOMEM;
    *src = a->f[VEILLE_F_ID];
    size_t ne = 0;
    /* ACLED events first, then political ones, each in text order. */
    for (int pass = 0; pass < 2; pass++)
        for (size_t k = 0; k < ni; k++) {
            frame *f = &inc[k];
            if (is_political(f->tx) != pass)
                continue;
            /* "des accusations d'ingérence", "la menace de chaos": beside
             * the article's incidents, a political event is what someone
             * named said or did on a given day */
            if (pass == 1 && ne > 0 && !f->a1.m && !f->has_date &&
                nominal(&x, f->tm))
                continue;
            /* "the army intervened", "blocked the road to Kidal": a force
             * stepping in with no crowd told of is no protest event */
            if (f->prec <= 1 && !strcmp(f->tx->code, "protest_with_intervention") &&
                !(f->mask & (M_PROTEST | M_RIOT)) && crowd_only(&x, f) &&
                !has_crowd(&x, f))
                continue;
            veille_event *e = &c->events[ne++];
            if (fill_event(&x, f, e, ne, src, has_first ? &first_date : NULL))
                return VEILLE_ENOMEM;
        }
    c->nevents = ne;
    return VEILLE_OK;
}

/*
 * notes.c — the `notes` field: one sentence, in the article's language,
 * that says what the record says ("Le 2023-11-07, Military Forces of Mali
 * (2021-) : frappe aérienne ou de drone contre CSP-PSD à Kidal ; 5 morts.").
 * It is built from the fields, so it never says more than they do.
 */
#include <string.h>

#include "xdoc.h"

typedef struct {
    const char *acled, *fr;
} label;

/* Sub-event types in French, for French notes. */
static const label fr_labels[] = {
    {"Armed clash", "affrontement armé"},
    {"Government regains territory", "reprise de territoire par l'État"},
    {"Non-state actor overtakes territory", "prise de territoire par un acteur non étatique"},
    {"Chemical weapon", "arme chimique"},
    {"Air/drone strike", "frappe aérienne ou de drone"},
    {"Suicide bomb", "attentat-suicide"},
    {"Shelling/artillery/missile attack", "tirs d'artillerie, d'obus ou de missiles"},
    {"Remote explosive/landmine/IED", "engin explosif ou mine"},
    {"Grenade", "grenade"},
    {"Sexual violence", "violences sexuelles"},
    {"Attack", "attaque"},
    {"Abduction/forced disappearance", "enlèvement ou disparition forcée"},
    {"Peaceful protest", "manifestation pacifique"},
    {"Protest with intervention", "manifestation avec intervention"},
    {"Excessive force against protesters", "usage excessif de la force contre des manifestants"},
    {"Violent demonstration", "manifestation violente"},
    {"Mob violence", "violence de foule"},
    {"Agreement", "accord"},
    {"Arrests", "arrestations"},
    {"Change to group/activity", "changement de groupe ou d'activité"},
    {"Disrupted weapons use", "usage d'armes empêché"},
    {"Headquarters or base established", "quartier général ou base établi"},
    {"Looting/property destruction", "pillage ou destruction de biens"},
    {"Non-violent transfer of territory", "transfert non violent de territoire"},
    {"Other", "autre"},
    {NULL, NULL}};

static void put(buf *b, veille_str s) { buf_put(b, s.ptr, s.len); }

int x_notes(xdoc *x, veille_event *e)
{
    int fr = x->lang != LANG_EN;
    buf b = BUF_INIT;
    veille_str date = e->v[EF_EVENT_DATE], sub = e->v[EF_SUB_EVENT_TYPE];
    veille_str a1 = e->v[EF_ACTOR1], a2 = e->v[EF_ACTOR2];
    veille_str loc = e->v[EF_LOCATION], fat = e->v[EF_FATALITIES];
    veille_str who = e->v[EF_CLAIMANT];
    if (date.len) {
        buf_puts(&b, fr ? "Le " : "On ");
        put(&b, date);
        buf_puts(&b, fr ? ", " : ", ");
    }
    if (sub.len) {
        const char *lab = NULL;
        for (const label *l = fr_labels; fr && l->acled; l++)
            if (strlen(l->acled) == sub.len && !memcmp(l->acled, sub.ptr, sub.len))
                lab = l->fr;
        if (lab)
            buf_puts(&b, lab);
        else {
            buf_putc(&b, (char)(sub.ptr[0] | (date.len ? 32 : 0)));
            buf_put(&b, sub.ptr + 1, sub.len - 1);
        }
    } else {
        buf_puts(&b, fr ? "déclaration politique (CAMEO " : "political statement (CAMEO ");
        put(&b, e->v[EF_CAMEO]);
        buf_putc(&b, ')');
    }
    if (a1.len) {
        buf_puts(&b, fr ? " par " : " by ");
        put(&b, a1);
    }
    if (a2.len) {
        buf_puts(&b, fr ? " contre " : " against ");
        put(&b, a2);
    }
    if (loc.len) {
        buf_puts(&b, fr ? " à " : " in ");
        put(&b, loc);
    }
    if (fat.len && !(fat.len == 1 && fat.ptr[0] == '0')) {
        buf_puts(&b, fr ? " ; " : "; ");
        put(&b, fat);
        buf_puts(&b, fr ? " morts" : " killed");
    }
    if (who.len) {
        buf_puts(&b, fr ? ", selon " : ", according to ");
        put(&b, who);
    }
    buf_putc(&b, '.');
    if (b.oom) {
        buf_free(&b);
        return -1;
    }
    char *s = arena_strndup(&x->c->mem, b.ptr, b.len);
    size_t n = b.len;
    buf_free(&b);
    if (!s)
        return -1;
    e->v[EF_NOTES] = (veille_str){s, n};
    return 0;
}

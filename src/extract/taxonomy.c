/*
 * taxonomy.c — ACLED's 6 event types and 25 sub-event types (with the
 * disorder type ACLED files each under), and the political events ACLED
 * does not code, with the nearest PLOVER event and CAMEO code for each.
 * ACLED's names are kept to the letter: analysts' scripts compare them.
 */
#include <string.h>

#include "taxonomy.h"

#define PV "Political violence"
#define PVD "Political violence; Demonstrations"
#define DEM "Demonstrations"
#define SD "Strategic developments"
#define BAT "Battles"
#define ERV "Explosions/Remote violence"
#define VAC "Violence against civilians"

const taxon taxonomy[] = {
    {"armed_clash", PV, BAT, "Armed clash", "FIGHT", "190"},
    {"gov_regains_territory", PV, BAT, "Government regains territory",
     "FIGHT", "190"},
    {"nsa_overtakes_territory", PV, BAT, "Non-state actor overtakes territory",
     "FIGHT", "190"},
    {"chemical_weapon", PV, ERV, "Chemical weapon", "FIGHT", "1952"},
    {"air_drone_strike", PV, ERV, "Air/drone strike", "FIGHT", "195"},
    {"suicide_bomb", PV, ERV, "Suicide bomb", "FIGHT", "1831"},
    {"shelling_artillery_missile", PV, ERV, "Shelling/artillery/missile attack",
     "FIGHT", "194"},
    {"remote_explosive", PV, ERV, "Remote explosive/landmine/IED", "FIGHT",
     "183"},
    {"grenade", PV, ERV, "Grenade", "FIGHT", "183"},
    {"sexual_violence", PV, VAC, "Sexual violence", "ASSAULT", "1821"},
    {"attack", PV, VAC, "Attack", "ASSAULT", "180"},
    {"abduction", PV, VAC, "Abduction/forced disappearance", "ASSAULT", "181"},
    {"peaceful_protest", DEM, "Protests", "Peaceful protest", "PROTEST",
     "141"},
    {"protest_with_intervention", DEM, "Protests", "Protest with intervention",
     "PROTEST", "141"},
    {"excessive_force_protesters", PVD, "Protests",
     "Excessive force against protesters", "ASSAULT", "175"},
    {"violent_demonstration", DEM, "Riots", "Violent demonstration", "PROTEST",
     "145"},
    {"mob_violence", PV, "Riots", "Mob violence", "ASSAULT", "180"},
    {"agreement", SD, SD, "Agreement", "AGREE", "057"},
    {"arrests", SD, SD, "Arrests", "COERCE", "173"},
    {"change_to_group", SD, SD, "Change to group/activity", "CHANGE", "0"},
    {"disrupted_weapons_use", SD, SD, "Disrupted weapons use", "SEIZE", "17"},
    {"hq_established", SD, SD, "Headquarters or base established", "MOBILIZE",
     "15"},
    {"looting_property_destruction", SD, SD, "Looting/property destruction",
     "COERCE", "175"},
    {"nonviolent_territory_transfer", SD, SD,
     "Non-violent transfer of territory", "RETREAT", "087"},
    {"other", SD, SD, "Other", "CHANGE", "0"},
    /* Political events outside ACLED's taxonomy: event_type stays empty. */
    {"pol_accuse", "", "", "", "ACCUSE", "112"},
    {"pol_condemn", "", "", "", "ACCUSE", "111"},
    {"pol_threaten", "", "", "", "THREATEN", "130"},
    {"pol_demand", "", "", "", "REQUEST", "100"},
    {"pol_consult", "", "", "", "CONSULT", "040"},
    {"pol_sanction", "", "", "", "SANCTION", "163"},
    {"pol_expel", "", "", "", "REJECT", "1663"},
    /* Deaths and damage with no one behind them (floods, crashes,
     * epidemics): a sentence whose sharpest word is one of these yields
     * no event at all (extract/assemble.c). */
    {"not_conflict", "", "", "", "", ""},
    {NULL, NULL, NULL, NULL, NULL, NULL},
};

const taxon *taxonomy_find(const char *code)
{
    for (const taxon *t = taxonomy; t->code; t++)
        if (strcmp(t->code, code) == 0)
            return t;
    return NULL;
}

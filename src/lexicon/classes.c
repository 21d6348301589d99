/*
 * classes.c — what CLASS may be for each kind of dictionary entry
 * (data/README.md, "Classes").  The extract stage gives the trigger codes
 * their ACLED names; a unit test checks that the two lists agree.
 */
#include <stdlib.h>
#include <string.h>

#include "classes.h"

const char *const lex_trigger_classes[] = {
    "armed_clash", "gov_regains_territory", "nsa_overtakes_territory",
    "chemical_weapon", "air_drone_strike", "suicide_bomb",
    "shelling_artillery_missile", "remote_explosive", "grenade",
    "sexual_violence", "attack", "abduction", "peaceful_protest",
    "protest_with_intervention", "excessive_force_protesters",
    "violent_demonstration", "mob_violence", "agreement", "arrests",
    "change_to_group", "disrupted_weapons_use", "hq_established",
    "looting_property_destruction", "nonviolent_territory_transfer", "other",
    "pol_accuse", "pol_condemn", "pol_threaten", "pol_demand", "pol_consult",
    "pol_sanction", "pol_expel", "not_conflict", NULL};

static const char *const hedge_classes[] = {"hedged", "denied", "claimed",
                                            NULL};
static const char *const report_classes[] = {"report", "source", NULL};
static const char *const casualty_classes[] = {
    "killed", "wounded", "abducted", "arrested", "missing", "displaced",
    "none", NULL};
static const char *const materiel_classes[] = {
    "vehicle", "armoured", "motorbike", "weapon", "ammunition", "aircraft",
    "drone", "boat", "other", NULL};

static const char *const kind_names[] = {
    "trigger", "actor",   "hedge",   "report",   "casualty", "number",
    "month",   "weekday", "reltime", "materiel", "place",    "country",
    "outlet"};

const char *lex_kind_name(int kind)
{
    if (kind < 0 || kind >= (int)(sizeof kind_names / sizeof *kind_names))
        return "?";
    return kind_names[kind];
}

int lex_kind_from_name(const char *s)
{
    for (size_t i = 0; i < sizeof kind_names / sizeof *kind_names; i++)
        if (strcmp(s, kind_names[i]) == 0)
            return (int)i;
    return -1;
}

int lex_list_index(const char *const *list, const char *s)
{
    for (int i = 0; list[i]; i++)
        if (strcmp(list[i], s) == 0)
            return i;
    return -1;
}

static int parse_long(const char *s, long lo, long hi, long *out)
{
    char *end;
    if (!*s)
        return -1;
    long v = strtol(s, &end, 10);
    if (*end || v < lo || v > hi)
        return -1;
    *out = v;
    return 0;
}

const char *lex_check_class(int kind, const char *cls, long *num)
{
    *num = 0;
    switch (kind) {
    case LEX_TRIGGER:
        return lex_list_index(lex_trigger_classes, cls) >= 0
                   ? NULL
                   : "unknown event class (data/README.md lists them)";
    case LEX_HEDGE:
        return lex_list_index(hedge_classes, cls) >= 0
                   ? NULL
                   : "a hedge's class is hedged, denied or claimed";
    case LEX_REPORT:
        return lex_list_index(report_classes, cls) >= 0
                   ? NULL
                   : "a report's class is report or source";
    case LEX_CASUALTY:
        return lex_list_index(casualty_classes, cls) >= 0
                   ? NULL
                   : "a casualty's class is killed, wounded, abducted, "
                     "arrested, missing, displaced or none";
    case LEX_MATERIEL:
        return lex_list_index(materiel_classes, cls) >= 0
                   ? NULL
                   : "unknown materiel class (data/README.md lists them)";
    case LEX_NUMBER:
        return parse_long(cls, 0, 1000000000L, num)
                   ? "a number's class is a whole number"
                   : NULL;
    case LEX_MONTH:
        return parse_long(cls, 1, 12, num) ? "a month is 1 to 12" : NULL;
    case LEX_WEEKDAY:
        return parse_long(cls, 1, 7, num) ? "a weekday is 1 (Monday) to 7"
                                          : NULL;
    case LEX_RELTIME:
        return parse_long(cls, -31, 31, num)
                   ? "a reltime is a day offset from -31 to 31"
                   : NULL;
    case LEX_ACTOR:
        return parse_long(cls, 0, 8, num)
                   ? "an actor's class is ACLED's inter code 1 to 8, or 0"
                   : NULL;
    case LEX_PLACE:
        return NULL;
    case LEX_COUNTRY:
        return parse_long(cls, 1, 999, num)
                   ? "a country's class is its ISO 3166 numeric code"
                   : NULL;
    case LEX_OUTLET:
        return strlen(cls) == 2 && cls[0] >= 'a' && cls[0] <= 'z' &&
                       cls[1] >= 'a' && cls[1] <= 'z'
                   ? NULL
                   : "an outlet's class is its country's ISO alpha-2 code, "
                     "lower case";
    }
    return "unknown kind";
}

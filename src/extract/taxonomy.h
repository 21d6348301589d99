/*
 * taxonomy.h — event classes (the trigger dictionary's CLASS codes) and
 * their names in ACLED's taxonomy, PLOVER and CAMEO.
 */
#ifndef VEILLE_TAXONOMY_H
#define VEILLE_TAXONOMY_H

typedef struct taxon {
    const char *code;          /* the dictionaries' class code */
    const char *disorder_type; /* ACLED's, "" for a non-ACLED event */
    const char *event_type;
    const char *sub_event_type;
    const char *plover;
    const char *cameo;
} taxon;

/* The row for code, or NULL. */
const taxon *taxonomy_find(const char *code);
/* Every row, ending with a row whose code is NULL. */
extern const taxon taxonomy[];

#endif

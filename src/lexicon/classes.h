/*
 * classes.h — valid classes per dictionary kind (private to lexicon/ and
 * its tests).
 */
#ifndef VEILLE_LEXICON_CLASSES_H
#define VEILLE_LEXICON_CLASSES_H

#include "lexicon.h"

extern const char *const lex_trigger_classes[];

int lex_kind_from_name(const char *s);
int lex_list_index(const char *const *list, const char *s);
/* NULL when cls is valid for kind (and *num its value where it is a
 * number), else what is wrong. */
const char *lex_check_class(int kind, const char *cls, long *num);

#endif

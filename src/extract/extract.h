/*
 * extract.h — the assemble stage: from an article's recognized forms to
 * event records.
 */
#ifndef VEILLE_EXTRACT_H
#define VEILLE_EXTRACT_H

#include "../core/internal.h"

/* Builds c->events from the matches of c->doc.  Returns VEILLE_OK or
 * VEILLE_ENOMEM. */
int extract_events(veille_coder *c, const veille_article *a,
                   const lex_match *m, size_t nm, int lang);

#endif

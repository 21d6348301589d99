/*
 * read.h — the read stage.  The public API (veille_reader_*) is in
 * veille.h; this header only holds what the stage's files share.
 */
#ifndef VEILLE_READ_H
#define VEILLE_READ_H

#include "../core/internal.h"

/* Fills art from one JSON line: invalid UTF-8 is replaced by U+FFFD first
 * (a warning in warn), then json_parse_article reads it.  Field values
 * view the line or the arena.  Returns VEILLE_OK, or VEILLE_EPARSE with
 * the reason in err. */
int jsonl_parse_article(const char *line, size_t len, arena *mem,
                        veille_article *art, buf *err, buf *warn);

/* The JSON parser itself (json.c): a strict parser of one object whose
 * article fields are strings (id may be a number); other members are
 * validated and skipped.  line must be valid UTF-8. */
int json_parse_article(const char *line, size_t len, arena *mem,
                       veille_article *art, buf *err);

#endif

/*
 * read.h — the read stage.  The public API (veille_reader_*) is in
 * veille.h; this header only holds what the stage's files share.
 */
#ifndef VEILLE_READ_H
#define VEILLE_READ_H

#include "../core/internal.h"

/* Fills a from one JSON object (a line of a JSONL file).  line is
 * modified (invalid UTF-8 replaced in place of a copy in `a_mem`).
 * Returns VEILLE_OK, or VEILLE_EPARSE with the reason in err. */
int jsonl_parse_article(const char *line, size_t len, arena *mem,
                        void **json_root, veille_article *art, buf *err,
                        buf *warn);

#endif

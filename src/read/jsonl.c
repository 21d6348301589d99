/*
 * jsonl.c — one article from one JSON line.  Invalid UTF-8 inside the line
 * is replaced by U+FFFD before parsing and reported with its column, so
 * that one bad byte costs a character, not the article.
 */
#include <stdio.h>
#include <string.h>

#include "read.h"

typedef struct {
    buf *warn;
    long n;
} bad_state;

static void on_bad(void *user, size_t off, unsigned byte)
{
    bad_state *st = user;
    if (++st->n <= 3) {
        if (st->warn->len)
            buf_puts(st->warn, "; ");
        buf_printf(st->warn,
                   "invalid UTF-8 byte 0x%02X at column %zu replaced by "
                   "U+FFFD",
                   byte, off + 1);
    }
}

int jsonl_parse_article(const char *line, size_t len, arena *mem,
                        veille_article *art, buf *err, buf *warn)
{
    const char *clean;
    size_t clen;
    bad_state bs = {warn, 0};
    long nbad = text_clean_utf8(line, len, mem, &clean, &clen, on_bad, &bs);
    if (nbad < 0) {
        set_err(err, "out of memory");
        return VEILLE_ENOMEM;
    }
    if (nbad > 3)
        buf_printf(warn, "; %ld invalid UTF-8 bytes in all", nbad);

    return json_parse_article(clean, clen, mem, art, err);
}

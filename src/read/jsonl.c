/*
 * jsonl.c — one article from one JSON line, through jansson.  Invalid
 * UTF-8 inside the line is replaced by U+FFFD before parsing (jansson
 * would refuse the whole line) and reported; a line that is not a JSON
 * object is an error naming the column.
 */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "read.h"

static const char *const field_names[VEILLE_F_COUNT_] = {
    "id", "url", "source", "published", "lang", "title", "text"};

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
                        void **json_root, veille_article *art, buf *err,
                        buf *warn)
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

    json_error_t je;
    json_t *root = json_loadb(clean, clen, JSON_ALLOW_NUL, &je);
    if (!root) {
        set_err(err, "malformed JSON at column %d: %s", je.column, je.text);
        return VEILLE_EPARSE;
    }
    *json_root = root;
    if (!json_is_object(root)) {
        set_err(err, "expected a JSON object with the article's fields");
        return VEILLE_EPARSE;
    }
    for (int f = 0; f < VEILLE_F_COUNT_; f++) {
        json_t *v = json_object_get(root, field_names[f]);
        art->f[f] = (veille_str){"", 0};
        if (!v || json_is_null(v))
            continue;
        if (json_is_string(v)) {
            art->f[f] = (veille_str){json_string_value(v),
                                     json_string_length(v)};
        } else if (json_is_integer(v) && f == VEILLE_F_ID) {
            char tmp[32];
            int n = snprintf(tmp, sizeof tmp, "%" JSON_INTEGER_FORMAT,
                             json_integer_value(v));
            char *s = arena_strndup(mem, tmp, (size_t)n);
            if (!s) {
                set_err(err, "out of memory");
                return VEILLE_ENOMEM;
            }
            art->f[f] = (veille_str){s, (size_t)n};
        } else {
            set_err(err, "field \"%s\" must be a string", field_names[f]);
            return VEILLE_EPARSE;
        }
    }
    return VEILLE_OK;
}

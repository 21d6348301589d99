/*
 * rec_writer.c — the record writers of `veille events` (records.h): picks
 * the format's table of functions, keeps the count, and holds the helpers
 * the JSON formats share (field values, the sources array, joined outlets).
 *
 * Every writer builds one line (CSV row, JSON object, GeoJSON feature) in
 * a buffer owned by the writer and reused from record to record, then
 * writes it with one fwrite.
 */
#include <stdlib.h>
#include <string.h>

#include "rec_impl.h"

const event_field acled_columns[] = {
    EF_EVENT_ID_CNTY, EF_EVENT_DATE,     EF_YEAR,
    EF_TIME_PRECISION, EF_DISORDER_TYPE, EF_EVENT_TYPE,
    EF_SUB_EVENT_TYPE, EF_ACTOR1,        EF_ASSOC_ACTOR_1,
    EF_INTER1,         EF_ACTOR2,        EF_ASSOC_ACTOR_2,
    EF_INTER2,         EF_INTERACTION,   EF_CIVILIAN_TARGETING,
    EF_ISO,            EF_REGION,        EF_COUNTRY,
    EF_ADMIN1,         EF_ADMIN2,        EF_ADMIN3,
    EF_LOCATION,       EF_LATITUDE,      EF_LONGITUDE,
    EF_GEO_PRECISION,  EF_SOURCE,        EF_SOURCE_SCALE,
    EF_NOTES,          EF_FATALITIES,    EF_TAGS,
    EF_TIMESTAMP,
};
const size_t acled_ncolumns = sizeof acled_columns / sizeof *acled_columns;

static const rec_writer_type *const all[] = {
    &rec_writer_jsonl, &rec_writer_csv, &rec_writer_geojson};

rec_writer *rec_writer_new(const char *format, FILE *out)
{
    if (!format || !out)
        return NULL;
    for (size_t i = 0; i < sizeof all / sizeof *all; i++)
        if (strcmp(all[i]->name, format) == 0) {
            rec_writer *w = calloc(1, sizeof *w);
            if (!w)
                return NULL;
            w->type = all[i];
            w->out = out;
            w->line = (buf)BUF_INIT;
            w->scratch = (buf)BUF_INIT;
            return w;
        }
    return NULL;
}

int rec_writer_begin(rec_writer *w)
{
    if (w->begun)
        return VEILLE_OK;
    w->begun = 1;
    return w->type->begin(w);
}

int rec_writer_put(rec_writer *w, const rec_event *e)
{
    int rc = rec_writer_begin(w);
    if (rc != VEILLE_OK)
        return rc;
    rc = w->type->put(w, e);
    if (rc == VEILLE_OK)
        w->count++;
    return rc;
}

int rec_writer_end(rec_writer *w)
{
    int rc = rec_writer_begin(w);
    if (rc != VEILLE_OK || w->ended)
        return rc;
    w->ended = 1;
    rc = w->type->end(w);
    if (fflush(w->out) != 0 || ferror(w->out))
        return rc != VEILLE_OK ? rc : VEILLE_EIO;
    return rc;
}

unsigned long rec_writer_count(const rec_writer *w) { return w->count; }

void rec_writer_free(rec_writer *w)
{
    if (!w)
        return;
    buf_free(&w->line);
    buf_free(&w->scratch);
    free(w);
}

int rec_flush_line(rec_writer *w)
{
    if (w->line.oom) {
        buf_free(&w->line); /* clears oom: the next record may fit */
        return VEILLE_ENOMEM;
    }
    size_t n = w->line.len;
    int ok = n == 0 || fwrite(w->line.ptr, 1, n, w->out) == n;
    buf_clear(&w->line);
    return ok ? VEILLE_OK : VEILLE_EIO;
}

/* The store's int64 offsets (no printf: this runs per source). */
static void put_i64(buf *b, int64_t v)
{
    char tmp[24];
    int i = 24;
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    do {
        tmp[--i] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        tmp[--i] = '-';
    buf_put(b, tmp + i, (size_t)(24 - i));
}

static int digit(char c) { return c >= '0' && c <= '9'; }

int rec_json_number_ok(const char *s)
{
    if (*s == '-')
        s++;
    if (*s == '0')
        s++;
    else if (digit(*s))
        while (digit(*s))
            s++;
    else
        return 0;
    if (*s == '.') {
        s++;
        if (!digit(*s))
            return 0;
        while (digit(*s))
            s++;
    }
    if (*s == 'e' || *s == 'E') {
        s++;
        if (*s == '+' || *s == '-')
            s++;
        if (!digit(*s))
            return 0;
        while (digit(*s))
            s++;
    }
    return *s == '\0';
}

/* A number field's value: the number, null when empty, else a string. */
static void put_num(buf *b, const char *s)
{
    if (!s || !*s)
        buf_put(b, "null", 4);
    else if (rec_json_number_ok(s))
        buf_puts(b, s);
    else
        rec_json_str(b, s, strlen(s));
}

/* Length of the valid UTF-8 sequence at s[0..n), or 0 (overlong forms,
 * surrogates and code points past U+10FFFF are not valid). */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    size_t len;
    unsigned lo = 0x80, hi = 0xBF; /* allowed range of the second byte */
    if (c >= 0xC2 && c <= 0xDF)
        len = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0)
            lo = 0xA0;
        else if (c == 0xED)
            hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;
    } else
        return 0;
    if (n < len || s[1] < lo || s[1] > hi)
        return 0;
    for (size_t i = 2; i < len; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    return len;
}

void rec_json_str(buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *u = (const unsigned char *)s;
    /* Worst case: every byte becomes \ufffd (6 bytes). */
    if (buf_reserve(b, n * 6 + 2))
        return;
    char *o = b->ptr + b->len;
    *o++ = '"';
    size_t i = 0;
    while (i < n) {
        unsigned c = u[i];
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
            *o++ = (char)c;
            i++;
            continue;
        }
        if (c >= 0x80) {
            size_t k = utf8_seq(u + i, n - i);
            if (k) {
                memcpy(o, u + i, k);
                o += k;
                i += k;
            } else {
                memcpy(o, "\\ufffd", 6); /* a bad byte: U+FFFD */
                o += 6;
                i++;
            }
            continue;
        }
        *o++ = '\\';
        switch (c) {
        case '"': *o++ = '"'; break;
        case '\\': *o++ = '\\'; break;
        case '\n': *o++ = 'n'; break;
        case '\r': *o++ = 'r'; break;
        case '\t': *o++ = 't'; break;
        default:
            *o++ = 'u';
            *o++ = '0';
            *o++ = '0';
            *o++ = hex[c >> 4];
            *o++ = hex[c & 15];
        }
        i++;
    }
    *o++ = '"';
    b->len = (size_t)(o - b->ptr);
    b->ptr[b->len] = '\0';
}

static void put_str(buf *b, const char *s)
{
    rec_json_str(b, s ? s : "", s ? strlen(s) : 0);
}

void rec_put_outlets(buf *b, const rec_event *e)
{
    int any = 0;
    for (size_t i = 0; i < e->nsrc; i++) {
        const char *o = e->src[i].outlet;
        if (!o || !*o)
            continue;
        size_t j = 0;
        while (j < i && !(e->src[j].outlet && strcmp(e->src[j].outlet, o) == 0))
            j++;
        if (j < i)
            continue; /* already named */
        if (any)
            buf_put(b, "; ", 2);
        buf_puts(b, o);
        any = 1;
    }
    if (!any && e->f[EF_SOURCE])
        buf_puts(b, e->f[EF_SOURCE]);
}

void rec_json_fields(buf *b, buf *scratch, const rec_event *e)
{
    for (int f = 0; f < EF_COUNT; f++) {
        if (f)
            buf_putc(b, ',');
        buf_put(b, event_fields[f].key, event_fields[f].keylen);
        if (f == EF_SOURCE) {
            buf_clear(scratch);
            rec_put_outlets(scratch, e);
            if (scratch->oom)
                b->oom = 1;
            else
                rec_json_str(b, buf_cstr(scratch), scratch->len);
        } else if (event_fields[f].type == EFT_NUM) {
            put_num(b, e->f[f]);
        } else {
            put_str(b, e->f[f]);
        }
    }
}

void rec_json_sources(buf *b, const rec_event *e)
{
    buf_puts(b, "\"sources\":[");
    for (size_t i = 0; i < e->nsrc; i++) {
        const rec_source *s = &e->src[i];
        if (i)
            buf_putc(b, ',');
        buf_puts(b, "{\"article_id\":");
        put_str(b, s->article_id);
        buf_puts(b, ",\"outlet\":");
        put_str(b, s->outlet);
        buf_puts(b, ",\"url\":");
        put_str(b, s->url);
        buf_puts(b, ",\"published\":");
        put_str(b, s->published);
        buf_puts(b, ",\"claimant\":");
        put_str(b, s->claimant);
        buf_puts(b, ",\"certainty\":");
        put_str(b, s->certainty);
        buf_puts(b, ",\"fatalities\":");
        put_num(b, s->fatalities);
        buf_puts(b, ",\"sentence\":");
        put_str(b, s->sentence);
        buf_puts(b, ",\"start\":");
        put_i64(b, s->start);
        buf_puts(b, ",\"end\":");
        put_i64(b, s->end);
        buf_putc(b, '}');
    }
    buf_putc(b, ']');
}

/*
 * event.c — the event record's field table and its JSON form.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "event.h"

/* name, its JSON key ("name":), the key's length and the key after a
 * comma, padded (a name too long for ckey is a compile error: a string
 * too long for its array is diagnosed, and warnings are errors). */
#define F(name, type)                                                          \
    {#name, type, "\"" #name "\":", sizeof(#name) + 2, ",\"" #name "\":"}

const event_field_info event_fields[EF_COUNT] = {
    [EF_ARTICLE_ID] = F(article_id, EFT_STR),
    [EF_EVENT_ID_CNTY] = F(event_id_cnty, EFT_STR),
    [EF_EVENT_DATE] = F(event_date, EFT_STR),
    [EF_YEAR] = F(year, EFT_NUM),
    [EF_TIME_PRECISION] = F(time_precision, EFT_NUM),
    [EF_DISORDER_TYPE] = F(disorder_type, EFT_STR),
    [EF_EVENT_TYPE] = F(event_type, EFT_STR),
    [EF_SUB_EVENT_TYPE] = F(sub_event_type, EFT_STR),
    [EF_ACTOR1] = F(actor1, EFT_STR),
    [EF_ASSOC_ACTOR_1] = F(assoc_actor_1, EFT_STR),
    [EF_INTER1] = F(inter1, EFT_NUM),
    [EF_ACTOR2] = F(actor2, EFT_STR),
    [EF_ASSOC_ACTOR_2] = F(assoc_actor_2, EFT_STR),
    [EF_INTER2] = F(inter2, EFT_NUM),
    [EF_INTERACTION] = F(interaction, EFT_NUM),
    [EF_CIVILIAN_TARGETING] = F(civilian_targeting, EFT_STR),
    [EF_ISO] = F(iso, EFT_NUM),
    [EF_REGION] = F(region, EFT_STR),
    [EF_COUNTRY] = F(country, EFT_STR),
    [EF_ADMIN1] = F(admin1, EFT_STR),
    [EF_ADMIN2] = F(admin2, EFT_STR),
    [EF_ADMIN3] = F(admin3, EFT_STR),
    [EF_LOCATION] = F(location, EFT_STR),
    [EF_LATITUDE] = F(latitude, EFT_NUM),
    [EF_LONGITUDE] = F(longitude, EFT_NUM),
    [EF_GEO_PRECISION] = F(geo_precision, EFT_NUM),
    [EF_SOURCE] = F(source, EFT_STR),
    [EF_SOURCE_SCALE] = F(source_scale, EFT_STR),
    [EF_NOTES] = F(notes, EFT_STR),
    [EF_FATALITIES] = F(fatalities, EFT_NUM),
    [EF_TAGS] = F(tags, EFT_STR),
    [EF_TIMESTAMP] = F(timestamp, EFT_NUM),
    [EF_DATE_END] = F(date_end, EFT_STR),
    [EF_PLOVER] = F(plover, EFT_STR),
    [EF_CAMEO] = F(cameo, EFT_STR),
    [EF_ACTOR1_TEXT] = F(actor1_text, EFT_STR),
    [EF_ACTOR2_TEXT] = F(actor2_text, EFT_STR),
    [EF_MATERIEL] = F(materiel, EFT_STR),
    [EF_CLAIMANT] = F(claimant, EFT_STR),
    [EF_CERTAINTY] = F(certainty, EFT_STR),
    [EF_GEONAMEID] = F(geonameid, EFT_NUM),
    [EF_LANG] = F(lang, EFT_STR),
};

int event_field_find(const char *name)
{
    for (int i = 0; i < EF_COUNT; i++)
        if (strcmp(event_fields[i].name, name) == 0)
            return i;
    return -1;
}

veille_str veille_event_str(const veille_event *e, const char *field)
{
    int f = event_field_find(field);
    if (f < 0)
        return (veille_str){"", 0};
    return e->v[f];
}

long veille_event_int(const veille_event *e, const char *field)
{
    veille_str s = veille_event_str(e, field);
    char tmp[32];
    if (!s.len || s.len >= sizeof tmp)
        return 0;
    memcpy(tmp, s.ptr, s.len);
    tmp[s.len] = '\0';
    return strtol(tmp, NULL, 10);
}

veille_str veille_event_sentence(const veille_event *e, size_t *offset)
{
    if (offset)
        *offset = e->sent_off;
    return (veille_str){e->text + e->sent_off, e->sent_len};
}

int veille_event_evidence(const veille_event *e, const char *field,
                          veille_str *text, size_t *offset)
{
    int f = event_field_find(field);
    for (uint32_t i = 0; f >= 0 && i < e->nev; i++)
        if (e->ev[i].field == f) {
            if (text)
                *text = (veille_str){e->text + e->ev[i].off, e->ev[i].len};
            if (offset)
                *offset = e->ev[i].off;
            return 1;
        }
    return 0;
}

/* ---- the JSON form ---------------------------------------------------
 *
 * One event is written in two steps: json_bound() sums an upper bound of
 * its size (every string byte counted as its longest escape), the buffer
 * is grown once to it, and the put_* functions then write through a plain
 * pointer with no check of room left.  Each put_* returns the end of what
 * it wrote.  Keys are copied 24 bytes at a time (ckey), so the bound counts
 * 24 bytes for each. */

/* Room for a decimal uint32_t. */
#define U32_DIGITS 10

/* Bytes of `"name":{"text":"…","start":N,"end":N}` at most, the comma
 * before it included. */
static size_t span_bound(size_t len)
{
    return sizeof event_fields[0].ckey + JSON_ESC_MAX(len) + 2 * U32_DIGITS +
           32;
}

static size_t json_bound(const veille_event *e)
{
    size_t n = 64; /* braces, "sources", "evidence", the final NUL */
    for (int f = 0; f < EF_COUNT; f++) {
        size_t len = e->v[f].len;
        n += sizeof event_fields[f].ckey +
             (event_fields[f].type == EFT_NUM ? (len > 4 ? len : 4)
                                              : JSON_ESC_MAX(len) + 2);
    }
    for (uint32_t i = 0; i < e->nsources; i++)
        n += JSON_ESC_MAX(e->sources[i].len) + 3;
    n += span_bound(e->sent_len);
    for (uint32_t i = 0; i < e->nev; i++)
        n += span_bound(e->ev[i].len);
    return n;
}

static char *put_raw(char *o, const void *s, size_t n)
{
    memcpy(o, s, n);
    return o + n;
}

/* put_raw for the few bytes of a number ("2023", "-3.9912"): a loop
 * costs less than a call to memcpy. */
static char *put_short(char *o, const char *s, size_t n)
{
    if (n > 16)
        return put_raw(o, s, n);
    for (size_t i = 0; i < n; i++)
        o[i] = s[i];
    return o + n;
}

/* A string literal, its length known at compile time. */
#define PUT_LIT(o, lit) put_raw(o, lit, sizeof lit - 1)

/* n in decimal (no printf on the hot path): its digits counted, then
 * written from the last. */
static char *put_u32(char *o, uint32_t n)
{
    size_t len = 1;
    for (uint32_t m = n; m >= 10; m /= 10)
        len++;
    for (size_t i = len; i-- > 0; n /= 10)
        o[i] = (char)('0' + n % 10);
    return o + len;
}

/* s as a JSON string, with its quotes. */
static char *put_str(char *o, const char *s, size_t n)
{
    *o++ = '"';
    o = json_escape(o, s, n);
    *o++ = '"';
    return o;
}

/* "name":{"text":"…","start":N,"end":N}: a span of the article's text,
 * for field f (EF_COUNT: the sentence). */
static char *put_span(char *o, int f, const char *text, uint32_t off,
                      uint32_t len)
{
    if (f == EF_COUNT) {
        o = PUT_LIT(o, "\"sentence");
    } else {
        memcpy(o, event_fields[f].ckey + 1, sizeof event_fields[f].ckey - 1);
        o += event_fields[f].keylen - 2; /* "name without its ": */
    }
    o = PUT_LIT(o, "\":{\"text\":");
    o = put_str(o, text + off, len);
    o = PUT_LIT(o, ",\"start\":");
    o = put_u32(o, off);
    o = PUT_LIT(o, ",\"end\":");
    o = put_u32(o, off + len);
    *o++ = '}';
    return o;
}

/* The event's fields in table order, each after a comma; numbers as they
 * are, or null. */
static char *put_fields(char *o, const veille_event *e)
{
    for (int f = 0; f < EF_COUNT; f++) {
        const event_field_info *fi = &event_fields[f];
        memcpy(o, fi->ckey, sizeof fi->ckey);
        o += fi->keylen + 1;
        const veille_str *s = &e->v[f];
        if (fi->type == EFT_NUM)
            o = s->len ? put_short(o, s->ptr, s->len) : PUT_LIT(o, "null");
        else if (!s->len)
            o = PUT_LIT(o, "\"\"");
        else
            o = put_str(o, s->ptr, s->len);
    }
    return o;
}

int veille_event_to_json(const veille_event *e, char **out, size_t *len,
                         size_t *cap)
{
    buf b = {*out, *len, *cap, 0};
    if (buf_reserve(&b, json_bound(e)) == 0) {
        char *start = b.ptr + b.len;
        char *o = put_fields(start, e);
        *start = '{'; /* over the first field's comma */
        o = PUT_LIT(o, ",\"sources\":[");
        for (uint32_t i = 0; i < e->nsources; i++) {
            if (i)
                *o++ = ',';
            o = put_str(o, e->sources[i].ptr, e->sources[i].len);
        }
        o = PUT_LIT(o, "],\"evidence\":{");
        o = put_span(o, EF_COUNT, e->text, e->sent_off, e->sent_len);
        for (uint32_t i = 0; i < e->nev; i++) {
            *o++ = ',';
            o = put_span(o, e->ev[i].field, e->text, e->ev[i].off,
                         e->ev[i].len);
        }
        o = PUT_LIT(o, "}}");
        b.len = (size_t)(o - b.ptr);
        b.ptr[b.len] = '\0';
    }
    *out = b.ptr;
    *len = b.len;
    *cap = b.cap;
    return b.oom ? VEILLE_ENOMEM : VEILLE_OK;
}

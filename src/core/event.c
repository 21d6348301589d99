/*
 * event.c — the event record's field table and its JSON form.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "event.h"

/* name, its JSON key ("name":) and the key's length, all constant. */
#define F(name, type) {#name, type, "\"" #name "\":", sizeof(#name) + 2}

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

/* Appends n in decimal (no printf on the hot path). */
static void put_u32(buf *b, uint32_t n)
{
    char tmp[10];
    int i = 10;
    do {
        tmp[--i] = (char)('0' + n % 10);
        n /= 10;
    } while (n);
    buf_put(b, tmp + i, (size_t)(10 - i));
}

static void put_lit(buf *b, const char *s) { buf_put(b, s, strlen(s)); }

static void put_span(buf *b, const char *name, const char *text, uint32_t off,
                     uint32_t len)
{
    buf_putc(b, '"');
    put_lit(b, name);
    put_lit(b, "\":{\"text\":");
    buf_json_str(b, text + off, len);
    put_lit(b, ",\"start\":");
    put_u32(b, off);
    put_lit(b, ",\"end\":");
    put_u32(b, off + len);
    buf_putc(b, '}');
}

int veille_event_to_json(const veille_event *e, char **out, size_t *len,
                         size_t *cap)
{
    buf b = {*out, *len, *cap, 0};
    buf_putc(&b, '{');
    for (int f = 0; f < EF_COUNT; f++) {
        if (f)
            buf_putc(&b, ',');
        buf_put(&b, event_fields[f].key, event_fields[f].keylen);
        const veille_str *s = &e->v[f];
        if (event_fields[f].type == EFT_NUM) {
            if (s->len)
                buf_put(&b, s->ptr, s->len);
            else
                buf_puts(&b, "null");
        } else {
            buf_json_str(&b, s->ptr ? s->ptr : "", s->len);
        }
    }
    buf_puts(&b, ",\"sources\":[");
    for (uint32_t i = 0; i < e->nsources; i++) {
        if (i)
            buf_putc(&b, ',');
        buf_json_str(&b, e->sources[i].ptr, e->sources[i].len);
    }
    buf_puts(&b, "],\"evidence\":{");
    put_span(&b, "sentence", e->text, e->sent_off, e->sent_len);
    for (uint32_t i = 0; i < e->nev; i++) {
        buf_putc(&b, ',');
        put_span(&b, event_fields[e->ev[i].field].name, e->text, e->ev[i].off,
                 e->ev[i].len);
    }
    buf_puts(&b, "}}");
    *out = b.ptr;
    *len = b.len;
    *cap = b.cap;
    return b.oom ? VEILLE_ENOMEM : VEILLE_OK;
}

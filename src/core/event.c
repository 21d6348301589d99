/*
 * event.c — the event record's field table and its JSON form.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "event.h"

const event_field_info event_fields[EF_COUNT] = {
    [EF_ARTICLE_ID] = {"article_id", EFT_STR},
    [EF_EVENT_ID_CNTY] = {"event_id_cnty", EFT_STR},
    [EF_EVENT_DATE] = {"event_date", EFT_STR},
    [EF_YEAR] = {"year", EFT_NUM},
    [EF_TIME_PRECISION] = {"time_precision", EFT_NUM},
    [EF_DISORDER_TYPE] = {"disorder_type", EFT_STR},
    [EF_EVENT_TYPE] = {"event_type", EFT_STR},
    [EF_SUB_EVENT_TYPE] = {"sub_event_type", EFT_STR},
    [EF_ACTOR1] = {"actor1", EFT_STR},
    [EF_ASSOC_ACTOR_1] = {"assoc_actor_1", EFT_STR},
    [EF_INTER1] = {"inter1", EFT_NUM},
    [EF_ACTOR2] = {"actor2", EFT_STR},
    [EF_ASSOC_ACTOR_2] = {"assoc_actor_2", EFT_STR},
    [EF_INTER2] = {"inter2", EFT_NUM},
    [EF_INTERACTION] = {"interaction", EFT_NUM},
    [EF_CIVILIAN_TARGETING] = {"civilian_targeting", EFT_STR},
    [EF_ISO] = {"iso", EFT_NUM},
    [EF_REGION] = {"region", EFT_STR},
    [EF_COUNTRY] = {"country", EFT_STR},
    [EF_ADMIN1] = {"admin1", EFT_STR},
    [EF_ADMIN2] = {"admin2", EFT_STR},
    [EF_ADMIN3] = {"admin3", EFT_STR},
    [EF_LOCATION] = {"location", EFT_STR},
    [EF_LATITUDE] = {"latitude", EFT_NUM},
    [EF_LONGITUDE] = {"longitude", EFT_NUM},
    [EF_GEO_PRECISION] = {"geo_precision", EFT_NUM},
    [EF_SOURCE] = {"source", EFT_STR},
    [EF_SOURCE_SCALE] = {"source_scale", EFT_STR},
    [EF_NOTES] = {"notes", EFT_STR},
    [EF_FATALITIES] = {"fatalities", EFT_NUM},
    [EF_TAGS] = {"tags", EFT_STR},
    [EF_TIMESTAMP] = {"timestamp", EFT_NUM},
    [EF_DATE_END] = {"date_end", EFT_STR},
    [EF_PLOVER] = {"plover", EFT_STR},
    [EF_CAMEO] = {"cameo", EFT_STR},
    [EF_ACTOR1_TEXT] = {"actor1_text", EFT_STR},
    [EF_ACTOR2_TEXT] = {"actor2_text", EFT_STR},
    [EF_MATERIEL] = {"materiel", EFT_STR},
    [EF_CLAIMANT] = {"claimant", EFT_STR},
    [EF_CERTAINTY] = {"certainty", EFT_STR},
    [EF_GEONAMEID] = {"geonameid", EFT_NUM},
    [EF_LANG] = {"lang", EFT_STR},
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

static void put_span(buf *b, const char *name, const char *text, uint32_t off,
                     uint32_t len)
{
    buf_printf(b, "\"%s\":{\"text\":", name);
    buf_json_str(b, text + off, len);
    buf_printf(b, ",\"start\":%u,\"end\":%u}", off, off + len);
}

int veille_event_to_json(const veille_event *e, char **out, size_t *len,
                         size_t *cap)
{
    buf b = {*out, *len, *cap, 0};
    buf_putc(&b, '{');
    for (int f = 0; f < EF_COUNT; f++) {
        if (f)
            buf_putc(&b, ',');
        buf_putc(&b, '"');
        buf_puts(&b, event_fields[f].name);
        buf_puts(&b, "\":");
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

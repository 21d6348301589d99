/*
 * table.c — events as a table for people: one block per event with its
 * type, actors, place, date, certainty and the sentence it comes from.
 */
#include "export.h"

static int table_begin(writer *w)
{
    (void)w;
    return 0;
}

static void field(writer *w, const veille_event *e, const char *label,
                  const char *name)
{
    veille_str s = veille_event_str(e, name);
    if (s.len)
        fprintf(w->out, "  %-10s %.*s\n", label, (int)s.len, s.ptr);
}

static int table_event(writer *w, const veille_event *e)
{
    veille_str id = veille_event_str(e, "event_id_cnty");
    veille_str type = veille_event_str(e, "event_type");
    veille_str sub = veille_event_str(e, "sub_event_type");
    if (type.len)
        fprintf(w->out, "%.*s  %.*s / %.*s\n", (int)id.len, id.ptr,
                (int)type.len, type.ptr, (int)sub.len, sub.ptr);
    else {
        veille_str pl = veille_event_str(e, "plover");
        veille_str ca = veille_event_str(e, "cameo");
        fprintf(w->out, "%.*s  (not an ACLED event) PLOVER %.*s, CAMEO %.*s\n",
                (int)id.len, id.ptr, (int)pl.len, pl.ptr, (int)ca.len, ca.ptr);
    }
    field(w, e, "date", "event_date");
    field(w, e, "actor1", "actor1");
    field(w, e, "actor2", "actor2");
    field(w, e, "location", "location");
    field(w, e, "fatalities", "fatalities");
    field(w, e, "claimant", "claimant");
    field(w, e, "certainty", "certainty");
    veille_str trig;
    if (veille_event_evidence(e, "sub_event_type", &trig, NULL))
        fprintf(w->out, "  %-10s %.*s\n", "trigger", (int)trig.len, trig.ptr);
    veille_str sent = veille_event_sentence(e, NULL);
    fprintf(w->out, "  %-10s ", "evidence");
    /* One line: the sentence's own line breaks become spaces. */
    for (size_t i = 0; i < sent.len; i++)
        fputc(sent.ptr[i] == '\n' || sent.ptr[i] == '\r' ? ' ' : sent.ptr[i],
              w->out);
    fputc('\n', w->out);
    fputc('\n', w->out);
    w->count++;
    return ferror(w->out) ? -1 : 0;
}

static int table_end(writer *w)
{
    fprintf(w->out, "%lu event%s\n", w->count, w->count == 1 ? "" : "s");
    return fflush(w->out) ? -1 : 0;
}

const writer_type writer_table = {"table", table_begin, table_event,
                                  table_end};

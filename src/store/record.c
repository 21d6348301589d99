/*
 * record.c — owned event records (see record.h).
 */
#include <stdlib.h>
#include <string.h>

#include "record.h"
#include "../core/internal.h"

static char *dup_n(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (!p)
        return NULL;
    if (n)
        memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

static char *dup0(const char *s) { return dup_n(s ? s : "", s ? strlen(s) : 0); }

int rec_init(rec_event *r)
{
    memset(r, 0, sizeof *r);
    for (int f = 0; f < EF_COUNT; f++)
        if (!(r->f[f] = dup_n("", 0))) {
            rec_free(r);
            return VEILLE_ENOMEM;
        }
    return VEILLE_OK;
}

void rec_source_free(rec_source *s)
{
    free(s->article_id);
    free(s->outlet);
    free(s->url);
    free(s->published);
    free(s->claimant);
    free(s->certainty);
    free(s->fatalities);
    free(s->sentence);
    memset(s, 0, sizeof *s);
}

void rec_free(rec_event *r)
{
    for (int f = 0; f < EF_COUNT; f++)
        free(r->f[f]);
    for (size_t i = 0; i < r->nsrc; i++)
        rec_source_free(&r->src[i]);
    free(r->src);
    memset(r, 0, sizeof *r);
}

int rec_set(rec_event *r, event_field f, const char *s, size_t len)
{
    char *p = dup_n(s ? s : "", s ? len : 0);
    if (!p)
        return VEILLE_ENOMEM;
    free(r->f[f]);
    r->f[f] = p;
    return VEILLE_OK;
}

int rec_set_str(rec_event *r, event_field f, const char *s)
{
    return rec_set(r, f, s, s ? strlen(s) : 0);
}

long rec_long(const rec_event *r, event_field f)
{
    return r->f[f] ? strtol(r->f[f], NULL, 10) : 0;
}

double rec_double(const rec_event *r, event_field f, double if_empty)
{
    const char *s = r->f[f];
    if (!s || !*s)
        return if_empty;
    char *end;
    double d = strtod(s, &end);
    return end == s ? if_empty : d;
}

int rec_add_source(rec_event *r, const rec_source *s)
{
    if (r->nsrc == r->capsrc) {
        size_t cap = r->capsrc ? r->capsrc * 2 : 2;
        rec_source *p = realloc(r->src, cap * sizeof *p);
        if (!p)
            return VEILLE_ENOMEM;
        r->src = p;
        r->capsrc = cap;
    }
    rec_source *d = &r->src[r->nsrc];
    memset(d, 0, sizeof *d);
    d->article_id = dup0(s->article_id);
    d->outlet = dup0(s->outlet);
    d->url = dup0(s->url);
    d->published = dup0(s->published);
    d->claimant = dup0(s->claimant);
    d->certainty = dup0(s->certainty);
    d->fatalities = dup0(s->fatalities);
    d->sentence = dup0(s->sentence);
    d->start = s->start;
    d->end = s->end;
    if (!d->article_id || !d->outlet || !d->url || !d->published ||
        !d->claimant || !d->certainty || !d->fatalities || !d->sentence) {
        rec_source_free(d);
        return VEILLE_ENOMEM;
    }
    r->nsrc++;
    return VEILLE_OK;
}

/* A view as a NUL-terminated copy (freed by the caller). */
static char *view_dup(veille_str s) { return dup_n(s.ptr ? s.ptr : "", s.ptr ? s.len : 0); }

int rec_from_event(rec_event *r, const veille_event *e,
                   const veille_article *a)
{
    int rc = rec_init(r);
    for (int f = 0; rc == VEILLE_OK && f < EF_COUNT; f++)
        rc = rec_set(r, (event_field)f, e->v[f].ptr, e->v[f].len);
    if (rc != VEILLE_OK) {
        rec_free(r);
        return rc;
    }
    rec_source s = {0};
    s.article_id = r->f[EF_ARTICLE_ID];
    s.outlet = r->f[EF_SOURCE];
    s.claimant = r->f[EF_CLAIMANT];
    s.certainty = r->f[EF_CERTAINTY];
    s.fatalities = r->f[EF_FATALITIES];
    char *url = a ? view_dup(veille_article_get(a, VEILLE_F_URL)) : NULL;
    char *pub = a ? view_dup(veille_article_get(a, VEILLE_F_PUBLISHED)) : NULL;
    if (pub && strlen(pub) > 10)
        pub[10] = '\0'; /* YYYY-MM-DD of a full timestamp */
    char *sent = dup_n(e->text ? e->text + e->sent_off : "",
                       e->text ? e->sent_len : 0);
    s.url = url;
    s.published = pub;
    s.sentence = sent;
    s.start = e->sent_off;
    s.end = (int64_t)e->sent_off + e->sent_len;
    rc = sent ? rec_add_source(r, &s) : VEILLE_ENOMEM;
    free(url);
    free(pub);
    free(sent);
    if (rc != VEILLE_OK)
        rec_free(r);
    return rc;
}

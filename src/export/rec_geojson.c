/*
 * rec_geojson.c — stored events as one GeoJSON FeatureCollection (RFC
 * 7946), for GIS tools and web maps.  Each event is a Feature: a Point at
 * [longitude, latitude] (geometry null when the event has no usable
 * coordinates), its store id as the Feature's id, and as properties every
 * field as in the JSONL output (numbers as numbers, null when unknown)
 * with "sources", the array of the articles that report it.
 *
 * One feature per line, so that the file diffs and greps well.
 */
#include <stdlib.h>
#include <string.h>

#include "rec_impl.h"

static int geojson_begin(rec_writer *w)
{
    buf_puts(&w->line, "{\"type\":\"FeatureCollection\",\"features\":[");
    return rec_flush_line(w);
}

/* Is s a JSON number within [-lim, lim]? */
static int coord_ok(const char *s, double lim)
{
    if (!s || !*s || !rec_json_number_ok(s))
        return 0;
    double d = strtod(s, NULL);
    return d >= -lim && d <= lim;
}

static int geojson_put(rec_writer *w, const rec_event *e)
{
    buf *b = &w->line;
    buf_puts(b, w->count ? ",\n{\"type\":\"Feature\"" : "\n{\"type\":\"Feature\"");
    if (e->id > 0) {
        char n[32];
        int k = snprintf(n, sizeof n, ",\"id\":%lld", (long long)e->id);
        buf_put(b, n, (size_t)k);
    }
    const char *lat = e->f[EF_LATITUDE], *lon = e->f[EF_LONGITUDE];
    if (coord_ok(lat, 90) && coord_ok(lon, 180)) {
        buf_puts(b, ",\"geometry\":{\"type\":\"Point\",\"coordinates\":[");
        buf_puts(b, lon);
        buf_putc(b, ',');
        buf_puts(b, lat);
        buf_puts(b, "]}");
    } else
        buf_puts(b, ",\"geometry\":null");
    buf_puts(b, ",\"properties\":{");
    rec_json_fields(b, &w->scratch, e);
    buf_putc(b, ',');
    rec_json_sources(b, e);
    buf_put(b, "}}", 2);
    return rec_flush_line(w);
}

static int geojson_end(rec_writer *w)
{
    buf_puts(&w->line, w->count ? "\n]}\n" : "]}\n");
    return rec_flush_line(w);
}

const rec_writer_type rec_writer_geojson = {"geojson", geojson_begin,
                                            geojson_put, geojson_end};

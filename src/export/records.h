/*
 * records.h — writers for stored events (rec_event): ACLED CSV, GeoJSON and
 * JSONL, the formats of `veille events`.
 *
 * Each writer appends to a FILE; begin/end write what comes before the
 * first and after the last record (CSV header, GeoJSON's FeatureCollection).
 * They return VEILLE_OK or VEILLE_EIO / VEILLE_ENOMEM.
 */
#ifndef VEILLE_EXPORT_RECORDS_H
#define VEILLE_EXPORT_RECORDS_H

#include <stdio.h>

#include "../store/record.h"

typedef struct rec_writer rec_writer;

/* "jsonl", "csv" or "geojson"; NULL for an unknown name. */
rec_writer *rec_writer_new(const char *format, FILE *out);
int rec_writer_begin(rec_writer *w);
int rec_writer_put(rec_writer *w, const rec_event *e);
int rec_writer_end(rec_writer *w);
unsigned long rec_writer_count(const rec_writer *w);
void rec_writer_free(rec_writer *w);

/* ACLED's columns, in ACLED's order: the first columns of the CSV. */
extern const event_field acled_columns[];
extern const size_t acled_ncolumns;

#endif

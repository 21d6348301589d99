/*
 * export.h — writers: a small table of functions per output format, so
 * that the command that produces events does not know which one it holds.
 */
#ifndef VEILLE_EXPORT_H
#define VEILLE_EXPORT_H

#include <stdio.h>

#include "veille.h"

typedef struct writer writer;

typedef struct writer_type {
    const char *name;
    int (*begin)(writer *w);
    int (*event)(writer *w, const veille_event *e);
    int (*end)(writer *w);
} writer_type;

struct writer {
    const writer_type *type;
    FILE *out;
    char *line; /* reusable output buffer */
    size_t len, cap;
    unsigned long count;
};

/* The writer type called name ("jsonl", "table"), or NULL. */
const writer_type *writer_find(const char *name);
void writer_init(writer *w, const writer_type *t, FILE *out);
void writer_free(writer *w);

extern const writer_type writer_jsonl;
extern const writer_type writer_table;

#endif

/*
 * pool.c — the importer's string pool: each distinct string stored once
 * (place names repeat across files, folded keys across places), found by
 * an open-addressing hash table, named by a small integer id so that the
 * builder sorts and compares integers rather than strings.
 */
#include <stdlib.h>

#include "geoint.h"

int spool_init(spool *p)
{
    memset(p, 0, sizeof *p);
    p->nslots = 1024;
    p->slots = calloc(p->nslots, sizeof *p->slots);
    p->cap = 1024;
    p->offs = malloc(p->cap * sizeof *p->offs);
    if (!p->slots || !p->offs) {
        spool_free(p);
        return -1;
    }
    buf_put(&p->text, "", 1); /* id 0: "" at offset 0 */
    if (p->text.oom) {
        spool_free(p);
        return -1;
    }
    p->offs[0] = 0;
    p->n = 1;
    uint64_t h = hash64("", 0, HASH64_INIT);
    p->slots[h & (p->nslots - 1)] = 1;
    return 0;
}

void spool_free(spool *p)
{
    buf_free(&p->text);
    free(p->offs);
    free(p->slots);
    memset(p, 0, sizeof *p);
}

static int same(const spool *p, uint32_t id, const char *s, size_t n)
{
    const char *t = p->text.ptr + p->offs[id];
    return memcmp(t, s, n) == 0 && t[n] == '\0';
}

/* Slot of s: the one holding it, or the empty one where it would go. */
static uint32_t probe(const spool *p, const char *s, size_t n, uint64_t h)
{
    uint32_t mask = p->nslots - 1;
    uint32_t i = (uint32_t)h & mask;
    while (p->slots[i] && !same(p, p->slots[i] - 1, s, n))
        i = (i + 1) & mask;
    return i;
}

static int rehash(spool *p)
{
    if (p->nslots > UINT32_MAX / 4)
        return -1;
    uint32_t ns = p->nslots * 2;
    uint32_t *slots = calloc(ns, sizeof *slots);
    if (!slots)
        return -1;
    for (uint32_t id = 0; id < p->n; id++) {
        const char *t = p->text.ptr + p->offs[id];
        uint64_t h = hash64(t, strlen(t), HASH64_INIT);
        uint32_t i = (uint32_t)h & (ns - 1);
        while (slots[i])
            i = (i + 1) & (ns - 1);
        slots[i] = id + 1;
    }
    free(p->slots);
    p->slots = slots;
    p->nslots = ns;
    return 0;
}

uint32_t spool_find(const spool *p, const char *s, size_t n)
{
    uint32_t i = probe(p, s, n, hash64(s, n, HASH64_INIT));
    return p->slots[i] ? p->slots[i] - 1 : SPOOL_FAIL;
}

uint32_t spool_intern(spool *p, const char *s, size_t n)
{
    uint64_t h = hash64(s, n, HASH64_INIT);
    uint32_t i = probe(p, s, n, h);
    if (p->slots[i])
        return p->slots[i] - 1;
    if (p->text.len + n + 1 >= (size_t)UINT32_MAX || p->n >= UINT32_MAX - 1)
        return SPOOL_FAIL;
    if (p->n == p->cap) {
        if (p->cap > UINT32_MAX / 2)
            return SPOOL_FAIL;
        uint32_t *o = realloc(p->offs, (size_t)p->cap * 2 * sizeof *o);
        if (!o)
            return SPOOL_FAIL;
        p->offs = o;
        p->cap *= 2;
    }
    size_t off = p->text.len;
    buf_put(&p->text, s, n);
    buf_putc(&p->text, '\0');
    if (p->text.oom)
        return SPOOL_FAIL;
    uint32_t id = p->n++;
    p->offs[id] = (uint32_t)off;
    p->slots[i] = id + 1;
    /* Keep the table at most half full. */
    if ((uint64_t)p->n * 2 > p->nslots && rehash(p))
        return SPOOL_FAIL;
    return id;
}

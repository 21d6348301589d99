/*
 * arena.h — bump allocator for per-article state.
 *
 * Tokens, sentences, matches and candidate events of one article come from
 * one arena that is reset between articles: no per-token malloc, and nothing
 * to free one by one.  Reset keeps the largest block, so that a steady
 * stream of articles allocates nothing after the first few.
 */
#ifndef VEILLE_CORE_ARENA_H
#define VEILLE_CORE_ARENA_H

#include <stddef.h>

typedef struct arena_block arena_block;

typedef struct arena {
    arena_block *head; /* block being filled; older blocks follow */
    size_t block_size; /* size of a new ordinary block */
    size_t used_total; /* bytes handed out since the last reset */
} arena;

void arena_init(arena *a, size_t block_size);
/* Returns NULL when out of memory.  Memory is aligned for any type. */
void *arena_alloc(arena *a, size_t n);
void *arena_zalloc(arena *a, size_t n);
/* Copies n bytes and adds a NUL. */
char *arena_strndup(arena *a, const char *s, size_t n);
/* Grows the last allocation p (of old_n bytes) to new_n, in place when it
 * is the block's last object, otherwise by copying. */
void *arena_realloc(arena *a, void *p, size_t old_n, size_t new_n);
/* An array of *cap elements of size sz at p (the arena's, or NULL with
 * *cap 0) with room for `need`: p itself when it has it, else the array
 * grown by doubling (to `first` at least) through arena_realloc, *cap
 * updated.  NULL when out of memory, *cap unchanged.  Inline: the check
 * runs on every token. */
static inline void *arena_grow(arena *a, void *p, size_t *cap, size_t need,
                               size_t sz, size_t first)
{
    if (need <= *cap)
        return p;
    size_t nc = *cap ? *cap * 2 : first;
    while (nc < need)
        nc *= 2;
    void *np = arena_realloc(a, p, *cap * sz, nc * sz);
    if (np)
        *cap = nc;
    return np;
}
void arena_reset(arena *a);
void arena_free(arena *a);

#define ARENA_NEW(a, T, n) ((T *)arena_alloc((a), sizeof(T) * (size_t)(n)))

#endif

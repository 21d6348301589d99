/*
 * lexicon_impl.h — the lexicon's insides, shared by the loader (dict.c)
 * and the trie (trie.c).  Private to lexicon/.
 */
#ifndef VEILLE_LEXICON_IMPL_H
#define VEILLE_LEXICON_IMPL_H

#include "lexicon.h"

/* Bytes of a form's key, as dict.c builds it: the folded tokens, with
 * TRIE_SEP between two tokens and TRIE_WILD after a stem ("attaqu*"). */
#define TRIE_SEP 0x20
#define TRIE_WILD 0x01

/* The matcher is a trie over whole tokens.  Every distinct word of the
 * forms (folded bytes) has an id; a label is id * 2 for the word itself,
 * id * 2 + 1 for the word as a stem.  A node is a prefix of one or more
 * forms, in tokens; its children are found through one hash table of
 * edges keyed by (node, label).  Node 0 is the root. */

/* A word of the forms. */
typedef struct tword {
    const char *s; /* folded bytes, in lx->mem */
    uint32_t len;
    uint32_t hash;  /* text_hash(s, len) */
    uint8_t exact;  /* some form has the word itself */
    uint8_t stem;   /* some form has it as a stem */
} tword;

/* An edge; child 0 marks an empty slot (the root is nobody's child). */
typedef struct tedge {
    uint64_t key; /* parent << 32 | label */
    uint32_t child;
} tedge;

typedef struct tnode {
    uint32_t pay;  /* while building: first payload + 1 (a list, newest
                      first); frozen: index of the first in fpays[] */
    uint16_t npay;
    uint8_t langs; /* LANG_* of its payloads, to reject a node at once */
    uint8_t kids;  /* has children: a longer form goes on from here */
} tnode;

/* An entry that ends at a node. */
typedef struct tpay {
    uint32_t entry;
    uint8_t langs;
    uint32_t next; /* while building: next payload + 1 */
} tpay;

/* Bits of the filter of stem hashes (a power of two). */
#define STEM_FILTER_BITS (1u << 15)

struct lexicon {
    arena mem; /* strings and attributes */
    lex_entry *entries;
    size_t nentries, cap_entries;
    uint32_t *index; /* open-addressing table of entry indices + 1 */
    size_t index_cap;
    size_t nforms;
    /* the token trie (trie.c) */
    tword *words;
    size_t nwords, cap_words;
    struct wslot {
        uint32_t hash;  /* the word's, to skip most others unread */
        uint32_t word;  /* word index + 1, 0 = free */
    } *wslot;          /* open addressing by hash */
    size_t wslot_cap;  /* a power of two */
    tnode *tn;
    size_t ntn, cap_tn;
    tedge *edges;      /* open addressing by key */
    size_t nedges, edge_cap; /* edge_cap a power of two */
    tpay *pays;        /* while building */
    size_t npays, cap_pays;
    tpay *fpays;       /* frozen: each node's payloads together */
    uint64_t *stem_filter; /* STEM_FILTER_BITS bits: a stem's hash may be here */
    uint64_t *stem_heads;  /* the same for the first stem_min bytes of stems */
    uint32_t stem_min, stem_max; /* shortest and longest stem, in bytes */
    /* outlets: folded names (in mem) and their entries, looked up by the
     * article's `source`, never matched in text */
    struct lex_outlet {
        const char *key;
        size_t len;
        uint32_t entry;
    } *outlets;
    size_t noutlets, cap_outlets;
    /* loading */
    char **files; /* files loaded (real paths), for include-once */
    size_t nfiles, cap_files;
    int errors;
    lex_report_fn report;
    void *user;
};

int trie_insert(lexicon *lx, const uint8_t *key, size_t n, uint32_t entry,
                uint8_t langs);
int trie_freeze(lexicon *lx);

#endif

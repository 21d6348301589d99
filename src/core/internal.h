/*
 * internal.h — the insides of the public handles, shared by the stages.
 * Private: nothing here is part of the API.
 */
#ifndef VEILLE_CORE_INTERNAL_H
#define VEILLE_CORE_INTERNAL_H

#include "veille.h"

#include "../lexicon/lexicon.h"
#include "../text/text.h"
#include "arena.h"
#include "buf.h"
#include "event.h"

/* Articles larger than this are refused with VEILLE_ETOOBIG. */
#define VEILLE_MAX_ARTICLE ((size_t)256 << 20)

struct veille_ctx {
    char *dict_dir;
    char *data_dir;
    lexicon *lex;
    struct gaz *gaz; /* the gazetteer index (DATA/gazetteer.idx), or NULL */
    /* Actors ACLED writes when a text names none (NULL when the
     * dictionaries lack them): found once, by their ACLED names. */
    const lex_entry *act_unidentified, *act_civilians, *act_protesters,
        *act_rioters, *act_police, *act_communal, *act_military;
    buf err;
};

struct veille_article {
    veille_str f[VEILLE_F_COUNT_];
    char *own[VEILLE_F_COUNT_]; /* copies made by veille_article_set */
    const char *origin;         /* "file:line", or "" */
};

#define CODER_MAX_WARNINGS 16

struct veille_coder {
    const veille_ctx *ctx;
    const veille_code_options *opts; /* of the article being coded */
    arena mem;       /* per-article: reset by each veille_code() */
    buf folded;      /* folded token text of the current article */
    textdoc doc;
    veille_event *events;
    size_t nevents;
    const char *lang;
    struct geo_memo *geo_memo; /* gazetteer answers seen (places.c) */
    const char *warnings[CODER_MAX_WARNINGS];
    size_t nwarnings;     /* kept */
    size_t warnings_seen; /* including those past the limit */
    buf err;
};

/* Adds a warning about the article being coded (printf-style). */
void coder_warn(veille_coder *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Sets an error message on a buf (printf-style). */
void set_err(buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* 64-bit FNV-1a, for content ids. */
uint64_t hash64(const void *p, size_t n, uint64_t h);
#define HASH64_INIT 1469598103934665603ull

#endif

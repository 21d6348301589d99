/*
 * veille.h — the one public header of libveille.
 *
 * veille turns news reports about armed conflict into dated, geolocated,
 * sourced event records with ACLED's fields.  The pipeline runs one way:
 *
 *   read → normalize → segment → recognize → assemble → (resolve → store)
 *
 * Everything a program needs is declared here; what is not here is private.
 *
 * Ownership, once for the whole API:
 *   - every `veille_X_new`/`veille_X_open` has a `veille_X_free`, which
 *     accepts NULL;
 *   - a `veille_str` returned by the library is a view into memory owned by
 *     the object it came from, valid until that object is freed or, for
 *     articles and events, until the next call that reads or codes another
 *     article on the same reader or coder;
 *   - strings passed in are copied when the library needs to keep them.
 *
 * Errors: functions that can fail return `int`, VEILLE_OK (0) on success and
 * a negative `veille_status` otherwise; the text of the last error is kept by
 * the object the call was made on (`veille_errmsg`, `veille_reader_errmsg`,
 * `veille_coder_errmsg`).  The library never exits or aborts.
 *
 * Threads: a `veille_ctx` is read-only once loaded and may be shared by any
 * number of threads, each with its own `veille_coder`.  No global state.
 */
#ifndef VEILLE_H
#define VEILLE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define VEILLE_VERSION "0.1.0"

typedef enum veille_status {
    VEILLE_OK = 0,
    VEILLE_ENOMEM = -1,  /* out of memory */
    VEILLE_EIO = -2,     /* a file could not be opened or read */
    VEILLE_EPARSE = -3,  /* malformed input (JSON line, dictionary line…) */
    VEILLE_EINVAL = -4,  /* a bad argument */
    VEILLE_ETOOBIG = -5, /* an input beyond the configured limits */
} veille_status;

/* A non-owning view of UTF-8 bytes (not NUL-terminated). */
typedef struct veille_str {
    const char *ptr;
    size_t len;
} veille_str;

/* Human-readable name of a status code ("out of memory"…). */
const char *veille_strstatus(int status);

/* ------------------------------------------------------------------ */
/* Context: dictionaries (and later the gazetteer), loaded once.      */

typedef struct veille_ctx veille_ctx;

typedef struct veille_options {
    /* Folder holding the dictionaries (fr/, en/, …); NULL: $VEILLE_DICT,
     * else the folder chosen at build time. */
    const char *dict_dir;
    /* Folder of downloaded and compiled data (gazetteer); NULL:
     * $VEILLE_DATA, else the folder chosen at build time. */
    const char *data_dir;
} veille_options;

/* Loads the dictionaries.  On failure *out is still set (unless it is out
 * of memory) so that veille_errmsg() can say which file and line was bad;
 * the caller frees it. */
int veille_ctx_new(veille_ctx **out, const veille_options *opts);
void veille_ctx_free(veille_ctx *ctx);
const char *veille_errmsg(const veille_ctx *ctx);
/* Folders actually used (after environment and defaults). */
const char *veille_ctx_dict_dir(const veille_ctx *ctx);
const char *veille_ctx_data_dir(const veille_ctx *ctx);
/* Number of dictionary entries and surface forms loaded. */
size_t veille_ctx_entry_count(const veille_ctx *ctx);
size_t veille_ctx_form_count(const veille_ctx *ctx);

/* Checks every dictionary file under dir without keeping it.  Each problem
 * is passed to report (file, line, message); returns the number of
 * problems, or a negative status if the folder cannot be read. */
typedef void (*veille_report_fn)(void *user, const char *file, long line,
                                 const char *msg);
int veille_dict_check(const char *dir, veille_report_fn report, void *user);

/* ------------------------------------------------------------------ */
/* Articles and readers.                                              */

typedef struct veille_article veille_article;

typedef enum veille_field {
    VEILLE_F_ID,
    VEILLE_F_URL,
    VEILLE_F_SOURCE,
    VEILLE_F_PUBLISHED,
    VEILLE_F_LANG,
    VEILLE_F_TITLE,
    VEILLE_F_TEXT,
    VEILLE_F_COUNT_
} veille_field;

/* An article built by the caller (for a program that has its own input).
 * Fields are copied. */
int veille_article_new(veille_article **out);
int veille_article_set(veille_article *a, veille_field f, const char *s,
                       size_t len);
void veille_article_free(veille_article *a);
veille_str veille_article_get(const veille_article *a, veille_field f);
/* Where the article came from, for messages: "file.jsonl:12". */
const char *veille_article_origin(const veille_article *a);

typedef enum veille_format {
    VEILLE_FMT_AUTO,  /* by file name (.jsonl/.json), else by content */
    VEILLE_FMT_JSONL, /* one JSON object per line */
    VEILLE_FMT_TEXT,  /* the whole file is one article; id = file name */
} veille_format;

typedef struct veille_reader veille_reader;

/* path NULL or "-" reads standard input. */
int veille_reader_open(veille_reader **out, const char *path,
                       veille_format fmt);
void veille_reader_free(veille_reader *r);
/* Reads the next article into *out (owned by the reader, valid until the
 * next call).  Returns 1 when an article was read, 0 at the end, and a
 * negative status when an article had to be skipped (a malformed JSON
 * line, say): veille_reader_errmsg() names file and line, and the next
 * call goes on with the next article.  VEILLE_EIO is final. */
int veille_reader_next(veille_reader *r, const veille_article **out);
const char *veille_reader_errmsg(const veille_reader *r);
/* Warnings about the last article read (bytes replaced, …), or NULL. */
const char *veille_reader_warning(const veille_reader *r);

/* ------------------------------------------------------------------ */
/* Coding: an article in, events out.                                 */

typedef struct veille_coder veille_coder;
typedef struct veille_event veille_event;

typedef struct veille_code_options {
    const char *lang;      /* "fr"/"en": overrides the article's; NULL */
    const char *published; /* YYYY-MM-DD used when the article has none */
} veille_code_options;

int veille_coder_new(veille_coder **out, const veille_ctx *ctx);
void veille_coder_free(veille_coder *c);
const char *veille_coder_errmsg(const veille_coder *c);

/* Codes one article.  The events (and warnings) live in the coder until
 * the next call.  Returns VEILLE_OK, or an error for an article that
 * cannot be coded at all (VEILLE_ETOOBIG past the size limit). */
int veille_code(veille_coder *c, const veille_article *a,
                const veille_code_options *opts);
size_t veille_event_count(const veille_coder *c);
const veille_event *veille_event_at(const veille_coder *c, size_t i);
/* Language the coder used for the last article ("fr" or "en"). */
const char *veille_coded_lang(const veille_coder *c);
/* Warnings about the last article: invalid UTF-8 replaced, …  i from 0. */
size_t veille_warning_count(const veille_coder *c);
const char *veille_warning_at(const veille_coder *c, size_t i);

/* Appends one event as a single JSON object (no newline) to a buffer that
 * the caller owns and frees with free().  *buf may be NULL. */
int veille_event_to_json(const veille_event *e, char **buf, size_t *len,
                         size_t *cap);

/* Field access for programs that do not want JSON. */
veille_str veille_event_str(const veille_event *e, const char *field);
long veille_event_int(const veille_event *e, const char *field);
/* The sentence the event was read from, and its byte offset in the
 * article's (normalized) text. */
veille_str veille_event_sentence(const veille_event *e, size_t *offset);
/* Evidence of one field: the span of text it was read from.  Returns 0
 * when the field has no evidence. */
int veille_event_evidence(const veille_event *e, const char *field,
                          veille_str *text, size_t *offset);

#ifdef __cplusplus
}
#endif
#endif /* VEILLE_H */

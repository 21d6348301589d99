/*
 * dict.c — the dictionary loader: reads the text format of data/README.md,
 * reports every malformed line with file and line, merges lines that share
 * an id, and feeds each surface form, tokenized and folded exactly like
 * article text, to the trie.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "classes.h"
#include "lexicon_impl.h"

#define MAX_INCLUDE_DEPTH 16

static void problem(lexicon *lx, const char *file, long line,
                    const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    lx->errors++;
    if (lx->report)
        lx->report(lx->user, file, line, msg);
}

/* ---- entries ---- */

static uint64_t hash_key(int kind, const char *id)
{
    uint64_t h = 1469598103934665603ull ^ (uint64_t)kind;
    for (const unsigned char *p = (const unsigned char *)id; *p; p++)
        h = (h ^ *p) * 1099511628211ull;
    return h;
}

static int index_grow(lexicon *lx)
{
    size_t ncap = lx->index_cap ? lx->index_cap * 2 : 1024;
    uint32_t *ni = calloc(ncap, sizeof *ni);
    if (!ni)
        return -1;
    for (size_t e = 0; e < lx->nentries; e++) {
        size_t h = hash_key(lx->entries[e].kind, lx->entries[e].id) & (ncap - 1);
        while (ni[h])
            h = (h + 1) & (ncap - 1);
        ni[h] = (uint32_t)e + 1;
    }
    free(lx->index);
    lx->index = ni;
    lx->index_cap = ncap;
    return 0;
}

/* Index of the entry (kind, id), or -1. */
long lex_find(const lexicon *lx, int kind, const char *id)
{
    if (!lx->index_cap)
        return -1;
    size_t h = hash_key(kind, id) & (lx->index_cap - 1);
    while (lx->index[h]) {
        const lex_entry *e = &lx->entries[lx->index[h] - 1];
        if (e->kind == kind && strcmp(e->id, id) == 0)
            return (long)lx->index[h] - 1;
        h = (h + 1) & (lx->index_cap - 1);
    }
    return -1;
}

static long add_entry(lexicon *lx, const lex_entry *proto)
{
    if ((lx->nentries + 1) * 2 > lx->index_cap && index_grow(lx))
        return -1;
    if (lx->nentries == lx->cap_entries) {
        size_t nc = lx->cap_entries ? lx->cap_entries * 2 : 256;
        lex_entry *ne = realloc(lx->entries, nc * sizeof *ne);
        if (!ne)
            return -1;
        lx->entries = ne;
        lx->cap_entries = nc;
    }
    size_t e = lx->nentries++;
    lx->entries[e] = *proto;
    size_t h = hash_key(proto->kind, proto->id) & (lx->index_cap - 1);
    while (lx->index[h])
        h = (h + 1) & (lx->index_cap - 1);
    lx->index[h] = (uint32_t)e + 1;
    return (long)e;
}

/* ---- small parsing helpers ---- */

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        s[--n] = '\0';
    return s;
}

/* Cuts the comment off (a '#' outside double quotes). */
static void strip_comment(char *s)
{
    int q = 0;
    for (; *s; s++) {
        if (*s == '"')
            q = !q;
        else if (*s == '#' && !q) {
            *s = '\0';
            return;
        }
    }
}

static int valid_id(const char *s)
{
    if (!*s)
        return 0;
    for (; *s; s++)
        if (!(islower((unsigned char)*s) || isdigit((unsigned char)*s) ||
              *s == '_' || *s == '-' || *s == '.'))
            return 0;
    return 1;
}

/* Next whitespace-separated word of *p (a "quoted value" after '=' stays
 * one word, quotes removed); NULL at the end; "" with *err on a bad
 * quote. */
static char *next_word(char **p, const char **err)
{
    char *s = *p;
    while (*s == ' ' || *s == '\t')
        s++;
    if (!*s)
        return NULL;
    char *w = s, *o = s;
    while (*s && *s != ' ' && *s != '\t') {
        if (*s == '"') {
            s++;
            while (*s && *s != '"')
                *o++ = *s++;
            if (*s != '"') {
                *err = "a quoted value has no closing quote";
                *o = '\0';
                *p = s;
                return w;
            }
            s++;
            continue;
        }
        *o++ = *s++;
    }
    if (*s)
        s++;
    *o = '\0';
    *p = s;
    return w;
}

/* ---- forms ---- */

/* Builds the trie key of a form: its tokens folded, TRIE_SEP between
 * them, TRIE_WILD after a word followed by '*'.  Returns NULL (and sets
 * *err) when the form is malformed. */
static int form_key(const char *form, arena *a, buf *fold, buf *key,
                    const char **err)
{
    textdoc d;
    size_t n = strlen(form);
    if (text_tokenize(&d, form, n, a, fold))
        return -1;
    buf_clear(key);
    if (d.ntok == 0) {
        *err = "empty form";
        return 1;
    }
    for (size_t i = 0; i < d.ntok; i++) {
        const token *t = &d.toks[i];
        if (t->len == 1 && form[t->off] == '*') {
            const token *p = i ? &d.toks[i - 1] : NULL;
            if (!p || p->off + p->len != t->off || p->kind == TOK_PUNCT) {
                *err = "'*' must end a word";
                return 1;
            }
            if (p->flen < 3) {
                *err = "a stem before '*' needs at least three letters";
                return 1;
            }
            if (i + 1 < d.ntok && d.toks[i + 1].off == t->off + 1) {
                *err = "'*' must end a word";
                return 1;
            }
            unsigned char w = TRIE_WILD;
            buf_put(key, &w, 1);
            continue;
        }
        if (i > 0)
            buf_putc(key, (char)TRIE_SEP);
        buf_put(key, tok_fold(&d, t), t->flen);
    }
    return key->oom ? -1 : 0;
}

/* ---- outlets ---- */

static int add_outlet(lexicon *lx, const char *key, size_t len, uint32_t e)
{
    if (lx->noutlets == lx->cap_outlets) {
        size_t nc = lx->cap_outlets ? lx->cap_outlets * 2 : 64;
        struct lex_outlet *o = realloc(lx->outlets, nc * sizeof *o);
        if (!o)
            return -1;
        lx->outlets = o;
        lx->cap_outlets = nc;
    }
    char *k = arena_alloc(&lx->mem, len ? len : 1);
    if (!k)
        return -1;
    memcpy(k, key, len);
    lx->outlets[lx->noutlets++] = (struct lex_outlet){k, len, e};
    return 0;
}

const lex_entry *lex_find_outlet(const lexicon *lx, const char *s, size_t n,
                                 arena *a, buf *fold, buf *key)
{
    if (!lx->noutlets || !n || n > 200)
        return NULL;
    char tmp[201];
    memcpy(tmp, s, n);
    tmp[n] = '\0';
    const char *err = NULL;
    if (form_key(tmp, a, fold, key, &err))
        return NULL;
    for (size_t i = 0; i < lx->noutlets; i++)
        if (lx->outlets[i].len == key->len &&
            memcmp(lx->outlets[i].key, key->ptr, key->len) == 0)
            return &lx->entries[lx->outlets[i].entry];
    return NULL;
}

/* ---- lines ---- */

typedef struct loadstate {
    int kind; /* current @kind, -1 before the first */
    arena scratch;
    buf fold, key;
} loadstate;

static int load_file(lexicon *lx, loadstate *st, const char *path, int depth,
                     const char *from, long from_line);

static int add_attr(lexicon *lx, lex_entry *e, const char *k, const char *v)
{
    lex_attr *na = arena_alloc(&lx->mem, (e->nattr + 1u) * sizeof *na);
    if (!na)
        return -1;
    if (e->nattr)
        memcpy(na, e->attrs, e->nattr * sizeof *na);
    na[e->nattr].key = arena_strndup(&lx->mem, k, strlen(k));
    na[e->nattr].value = arena_strndup(&lx->mem, v, strlen(v));
    if (!na[e->nattr].key || !na[e->nattr].value)
        return -1;
    e->attrs = na;
    e->nattr++;
    return 0;
}

static int parse_entry(lexicon *lx, loadstate *st, const char *file,
                       long line, char *s)
{
    if (st->kind < 0) {
        problem(lx, file, line, "an entry before any @kind line");
        return 0;
    }
    /* The colon that ends the head (outside quotes). */
    char *colon = NULL;
    int q = 0;
    for (char *p = s; *p; p++) {
        if (*p == '"')
            q = !q;
        else if (*p == ':' && !q) {
            colon = p;
            break;
        }
    }
    if (!colon) {
        problem(lx, file, line,
                q ? "a quoted value has no closing quote"
                  : "no ':' between the entry (ID CLASS LANG) and its forms");
        return 0;
    }
    *colon = '\0';
    char *head = s, *forms = colon + 1;
    const char *err = NULL;
    char *id = next_word(&head, &err);
    char *cls = next_word(&head, &err);
    char *lang = next_word(&head, &err);
    if (!id || !cls || !lang) {
        problem(lx, file, line, "expected ID CLASS LANG before ':'");
        return 0;
    }
    if (!valid_id(id)) {
        problem(lx, file, line,
                "bad id '%s': lower-case letters, digits, _ - . only", id);
        return 0;
    }
    uint8_t langs;
    if (strcmp(lang, "fr") == 0)
        langs = LANG_FR;
    else if (strcmp(lang, "en") == 0)
        langs = LANG_EN;
    else if (strcmp(lang, "*") == 0)
        langs = LANG_ANY;
    else {
        problem(lx, file, line, "bad language '%s': fr, en or *", lang);
        return 0;
    }
    long num;
    const char *cerr = lex_check_class(st->kind, cls, &num);
    if (cerr) {
        problem(lx, file, line, "class '%s' of %s %s: %s", cls,
                lex_kind_name(st->kind), id, cerr);
        return 0;
    }
    long e = lex_find(lx, st->kind, id);
    if (e >= 0) {
        lex_entry *en = &lx->entries[e];
        if (strcmp(en->cls, cls) != 0) {
            problem(lx, file, line,
                    "%s %s has class '%s' here but '%s' at %s:%ld",
                    lex_kind_name(st->kind), id, cls, en->cls, en->file,
                    en->line);
            return 0;
        }
        en->langs |= langs;
    } else {
        lex_entry proto = {0};
        proto.id = arena_strndup(&lx->mem, id, strlen(id));
        proto.cls = arena_strndup(&lx->mem, cls, strlen(cls));
        proto.num = num;
        proto.kind = (uint8_t)st->kind;
        proto.langs = langs;
        proto.file = file;
        proto.line = line;
        if (!proto.id || !proto.cls || (e = add_entry(lx, &proto)) < 0)
            return -1;
    }
    /* Attributes. */
    char *w;
    while ((w = next_word(&head, &err)) != NULL) {
        if (err) {
            problem(lx, file, line, "%s", err);
            return 0;
        }
        char *eq = strchr(w, '=');
        if (!eq || eq == w) {
            problem(lx, file, line, "'%s' is not key=value", w);
            return 0;
        }
        *eq = '\0';
        const char *v = eq + 1;
        if (strcmp(w, "prec") == 0 &&
            !(v[0] >= '1' && v[0] <= '9' && v[1] == '\0')) {
            problem(lx, file, line, "prec must be 1 to 9, not '%s'", v);
            return 0;
        }
        lex_entry *en = &lx->entries[e];
        const char *old = lex_attr_get(en, w);
        if (old && strcmp(old, v) != 0) {
            problem(lx, file, line, "%s %s: %s=%s here but %s=%s before",
                    lex_kind_name(st->kind), id, w, v, w, old);
            return 0;
        }
        if (!old && add_attr(lx, en, w, v))
            return -1;
    }
    if (err) {
        problem(lx, file, line, "%s", err);
        return 0;
    }
    /* Forms. */
    int nforms = 0; /* forms written, good or bad */
    char *f = forms;
    for (;;) {
        char *semi = strchr(f, ';');
        if (semi)
            *semi = '\0';
        char *form = trim(f);
        if (*form) {
            nforms++;
            const char *ferr = NULL;
            arena_reset(&st->scratch);
            int r = form_key(form, &st->scratch, &st->fold, &st->key, &ferr);
            if (r < 0)
                return -1;
            if (r > 0) {
                problem(lx, file, line, "form '%s': %s", form, ferr);
            } else if (st->kind == LEX_OUTLET) {
                if (add_outlet(lx, st->key.ptr, st->key.len, (uint32_t)e))
                    return -1;
                lx->nforms++;
            } else {
                if (trie_insert(lx, (const uint8_t *)st->key.ptr, st->key.len,
                                (uint32_t)e, langs))
                    return -1;
                lx->nforms++;
            }
        } else if (semi) {
            problem(lx, file, line, "an empty form between two ';'");
        }
        if (!semi)
            break;
        f = semi + 1;
    }
    if (!nforms)
        problem(lx, file, line, "%s %s has no form after ':'",
                lex_kind_name(st->kind), id);
    return 0;
}

static int parse_directive(lexicon *lx, loadstate *st, const char *file,
                           long line, char *s, int depth)
{
    char *rest = s + 1;
    const char *err = NULL;
    char *name = next_word(&rest, &err);
    char *arg = next_word(&rest, &err);
    if (!name || !arg || next_word(&rest, &err)) {
        problem(lx, file, line, "expected '@kind NAME' or '@include PATH'");
        return 0;
    }
    if (strcmp(name, "kind") == 0) {
        int k = lex_kind_from_name(arg);
        if (k < 0)
            problem(lx, file, line,
                    "unknown kind '%s' (data/README.md lists them)", arg);
        else
            st->kind = k;
        return 0;
    }
    if (strcmp(name, "include") == 0) {
        char path[PATH_MAX];
        const char *slash = strrchr(file, '/');
        if (arg[0] == '/' || !slash)
            snprintf(path, sizeof path, "%s", arg);
        else
            snprintf(path, sizeof path, "%.*s/%s", (int)(slash - file), file,
                     arg);
        int saved = st->kind;
        int r = load_file(lx, st, path, depth + 1, file, line);
        st->kind = saved; /* an included file's @kind stays in it */
        return r;
    }
    problem(lx, file, line, "unknown directive '@%s'", name);
    return 0;
}

/* Has this file been loaded already?  Records it if not. */
static int seen_file(lexicon *lx, const char *path, int *seen)
{
    char real[PATH_MAX];
    const char *key = realpath(path, real) ? real : path;
    for (size_t i = 0; i < lx->nfiles; i++)
        if (strcmp(lx->files[i], key) == 0) {
            *seen = 1;
            return 0;
        }
    *seen = 0;
    if (lx->nfiles == lx->cap_files) {
        size_t nc = lx->cap_files ? lx->cap_files * 2 : 16;
        char **nf = realloc(lx->files, nc * sizeof *nf);
        if (!nf)
            return -1;
        lx->files = nf;
        lx->cap_files = nc;
    }
    lx->files[lx->nfiles] = strdup(key);
    if (!lx->files[lx->nfiles])
        return -1;
    lx->nfiles++;
    return 0;
}

static int load_file(lexicon *lx, loadstate *st, const char *path, int depth,
                     const char *from, long from_line)
{
    if (depth > MAX_INCLUDE_DEPTH) {
        problem(lx, from, from_line, "includes nested too deeply");
        return 0;
    }
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        if (from)
            problem(lx, from, from_line, "cannot include %s: %s", path,
                    strerror(errno));
        else
            problem(lx, path, 0, "cannot open: %s", strerror(errno));
        return 0;
    }
    int seen;
    if (seen_file(lx, path, &seen)) {
        fclose(fp);
        return -1;
    }
    if (seen) {
        fclose(fp);
        return 0;
    }
    /* Entries keep a pointer to their file name: give it a lasting copy. */
    const char *fname = arena_strndup(&lx->mem, path, strlen(path));
    if (!fname) {
        fclose(fp);
        return -1;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    long lineno = 0;
    int rc = 0;
    while ((n = getline(&line, &cap, fp)) >= 0) {
        lineno++;
        if (memchr(line, '\0', (size_t)n)) {
            problem(lx, fname, lineno, "a NUL byte: not a text file");
            continue;
        }
        const char *clean;
        size_t clen;
        arena_reset(&st->scratch);
        if (text_clean_utf8(line, (size_t)n, &st->scratch, &clean, &clen,
                            NULL, NULL) != 0) {
            problem(lx, fname, lineno, "invalid UTF-8");
            continue;
        }
        if (n && line[n - 1] == '\n')
            line[n - 1] = '\0';
        if (lineno == 1 && memcmp(line, "\xEF\xBB\xBF", 3) == 0)
            memmove(line, line + 3, strlen(line + 3) + 1);
        strip_comment(line);
        char *s = trim(line);
        if (!*s)
            continue;
        rc = s[0] == '@' ? parse_directive(lx, st, fname, lineno, s, depth)
                         : parse_entry(lx, st, fname, lineno, s);
        if (rc < 0)
            break;
    }
    if (rc == 0 && ferror(fp))
        problem(lx, fname, lineno, "read error: %s", strerror(errno));
    free(line);
    fclose(fp);
    return rc;
}

static lexicon *load(const char *path, lex_report_fn report, void *user)
{
    lexicon *lx = calloc(1, sizeof *lx);
    if (!lx) {
        if (report)
            report(user, path, 0, "out of memory");
        return NULL;
    }
    arena_init(&lx->mem, 64 * 1024);
    lx->report = report;
    lx->user = user;
    loadstate st = {.kind = -1, .fold = BUF_INIT, .key = BUF_INIT};
    arena_init(&st.scratch, 4096);
    int rc = load_file(lx, &st, path, 0, NULL, 0);
    arena_free(&st.scratch);
    buf_free(&st.fold);
    buf_free(&st.key);
    if (rc == 0 && trie_freeze(lx))
        rc = -1;
    if (rc < 0)
        problem(lx, path, 0, "out of memory");
    if (lx->errors) {
        lex_free(lx);
        return NULL;
    }
    return lx;
}

lexicon *lex_load_file(const char *path, lex_report_fn report, void *user)
{
    return load(path, report, user);
}

lexicon *lex_load(const char *dir, lex_report_fn report, void *user)
{
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/index.txt", dir);
    return load(path, report, user);
}

void lex_free(lexicon *lx)
{
    if (!lx)
        return;
    arena_free(&lx->mem);
    free(lx->entries);
    free(lx->index);
    free(lx->words);
    free(lx->wslot);
    free(lx->tn);
    free(lx->edges);
    free(lx->pays);
    free(lx->fpays);
    free(lx->stem_filter);
    free(lx->stem_heads);
    free(lx->outlets);
    for (size_t i = 0; i < lx->nfiles; i++)
        free(lx->files[i]);
    free(lx->files);
    free(lx);
}

size_t lex_entry_count(const lexicon *lx) { return lx->nentries; }
size_t lex_form_count(const lexicon *lx) { return lx->nforms; }
const lex_entry *lex_entry_at(const lexicon *lx, size_t i)
{
    return &lx->entries[i];
}

const char *lex_attr_get(const lex_entry *e, const char *key)
{
    for (size_t i = 0; i < e->nattr; i++)
        if (strcmp(e->attrs[i].key, key) == 0)
            return e->attrs[i].value;
    return NULL;
}

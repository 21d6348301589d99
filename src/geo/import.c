/*
 * import.c — gaz_import: reads GeoNames files line by line into the
 * builder (places, their folded names, admin code names, countries), then
 * hands over to build.c and write.c.
 *
 * A malformed line is reported with its file and line and skipped.  A file
 * that cannot be read, or whose first lines are none of them GeoNames
 * lines (a zip file, say), is reported once; only the first fails the
 * import.  Memory: the rows are not kept, only what the index needs, with
 * each distinct string stored once.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "geoint.h"

/* Lines read without a single good one before a file is given up. */
#define GIVE_UP_AFTER 100

int garr_grow(void **v, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return 0;
    size_t nc = *cap ? *cap * 2 : 256;
    if (nc > SIZE_MAX / size)
        return -1;
    void *p = realloc(*v, nc * size);
    if (!p)
        return -1;
    *v = p;
    *cap = nc;
    return 0;
}

void breport(builder *b, const char *file, long line, const char *fmt, ...)
{
    if (!b->o->report)
        return;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    b->o->report(b->o->user, file, line, msg);
}

static int valid_utf8(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        if (u[i] < 0x80) {
            i++;
            continue;
        }
        int32_t cp;
        int k = utf8_decode(u + i, n - i, &cp);
        if (!k)
            return 0;
        i += (size_t)k;
    }
    return 1;
}

/* ---- main tables ---- */

static int push_key(builder *b, uint32_t place, const char *k, size_t n)
{
    uint32_t id = spool_intern(&b->pool, k, n);
    bname *nm = id == SPOOL_FAIL ? NULL : GARR_PUSH(b->names);
    if (!nm)
        return -1;
    nm->key = id;
    nm->place = place;
    return 0;
}

/* Folds s and adds it as a name of place, with its variants (geo.h):
 * a word-initial prenasal three ways ("nguigmi", "n'guigmi", "n guigmi");
 * inner hyphens as spaces; Tamasheq "-n-" joined to the word before it
 * ("i-n-tillit" → "in-tillit", "in tillit"), or run into it
 * ("intillit") or, for "i-n-", cut to its prenasal ("ntillit",
 * "n'tillit"); "n'"/"m'" at the start of a
 * word as the elision the tokenizer makes of it before a small letter
 * ("N'Goutjina" is one token, "N'goutjina" two: "n' goutjina").
 * Alternate names must hold a Latin letter once folded.  0, or -1 out of
 * memory. */
static int add_key(builder *b, uint32_t place, const char *s, size_t n,
                   int alternate)
{
    buf_clear(&b->key);
    if (folder_fold(&b->fold, s, n, &b->key))
        return -1;
    size_t kn = b->key.len;
    if (kn == 0 || kn > GAZ_MAX_KEY ||
        (alternate && !key_has_letter(b->key.ptr, kn)))
        return 0;
    /* Each transformation applied to every variant so far: at most 32.
     * A prenasal is first written joined ("n'guigmi" → "nguigmi"), then
     * the two other ways, so that the three spellings meet. */
    enum { MAXV = 32 };
    char var[MAXV][2 * GAZ_MAX_KEY];
    size_t len[MAXV], nv = 1;
    size_t joined = prenasal(b->key.ptr, kn, 0, var[0]);
    if (!joined)
        memcpy(var[0], b->key.ptr, kn);
    len[0] = joined ? joined : kn;
    for (int t = 0; t < 7; t++) {
        size_t have = nv;
        for (size_t i = 0; i < have && nv < MAXV; i++) {
            size_t m = 0;
            switch (t) {
            case 0: m = tamasheq_in(var[i], len[i], 0, var[nv]); break;
            case 1: m = tamasheq_in(var[i], len[i], 1, var[nv]); break;
            case 2: m = prenasal(var[i], len[i], '\'', var[nv]); break;
            case 3: m = prenasal(var[i], len[i], ' ', var[nv]); break;
            case 4: m = join_n(var[i], len[i], var[nv]); break;
            case 5: m = unhyphen(var[i], len[i], var[nv]) ? len[i] : 0; break;
            case 6: m = split_elision(var[i], len[i], var[nv]); break;
            }
            if (m && m <= GAZ_MAX_KEY)
                len[nv++] = m;
        }
    }
    for (size_t i = 0; i < nv; i++)
        if (push_key(b, place, var[i], len[i]))
            return -1;
    return 0;
}

/* "CC.a1", "CC.a1.a2", "CC.a1.a2.a3" as pool ids (0 when the code is
 * unknown: empty, or admin1 "00"). */
static int admin_keys(builder *b, const grow *r, uint32_t key[3])
{
    key[0] = key[1] = key[2] = 0;
    if (!r->cc[0] || !r->admin[0][0] || strcmp(r->admin[0], "00") == 0)
        return 0;
    buf_clear(&b->tmp);
    buf_puts(&b->tmp, r->cc);
    for (int k = 0; k < 3; k++) {
        if (!r->admin[k][0])
            break;
        buf_putc(&b->tmp, '.');
        buf_puts(&b->tmp, r->admin[k]);
        if (b->tmp.oom)
            return -1;
        key[k] = spool_intern(&b->pool, b->tmp.ptr, b->tmp.len);
        if (key[k] == SPOOL_FAIL)
            return -1;
    }
    return 0;
}

static int add_code(builder *b, int level, uint32_t key, uint32_t name,
                    uint32_t prio)
{
    bcode *c = GARR_PUSH(b->codes[level]);
    if (!c)
        return -1;
    memset(c, 0, sizeof *c);
    c->key = key;
    c->name = name;
    c->prio = prio;
    c->seq = (uint32_t)(b->codes[level].n - 1);
    return 0;
}

/* 0 added, 1 malformed (reported), -1 out of memory. */
static int add_main(builder *b, char **f, size_t nf, const char *file,
                    long line)
{
    grow r;
    const char *err = parse_main(f, nf, &r);
    if (err) {
        if (nf != GEONAMES_FIELDS)
            breport(b, file, line,
                    "expected %d tab-separated fields, found %zu",
                    GEONAMES_FIELDS, nf);
        else
            breport(b, file, line, "%s", err);
        return 1;
    }
    if (b->places.n >= GZ_NONE - 1) {
        breport(b, file, line, "more places than the index can hold");
        return -1;
    }
    uint32_t idx = (uint32_t)b->places.n;
    bplace *p = GARR_PUSH(b->places);
    if (!p)
        return -1;
    memset(p, 0, sizeof *p);
    p->geonameid = r.geonameid;
    p->lat = (float)r.lat;
    p->lon = (float)r.lon;
    p->pop = r.population;
    p->seq = idx;
    p->fclass = r.fclass;
    memcpy(p->fcode, r.fcode, strlen(r.fcode));
    memcpy(p->cc, r.cc, strlen(r.cc));
    p->name = spool_intern(&b->pool, r.name, strlen(r.name));
    if (p->name == SPOOL_FAIL || admin_keys(b, &r, p->akey))
        return -1;
    static const char *const adm[3] = {"ADM1", "ADM2", "ADM3"};
    for (int k = 0; k < 3; k++)
        if (p->akey[k] && strcmp(r.fcode, adm[k]) == 0 &&
            (k == 0 || p->akey[k - 1]) &&
            add_code(b, k, p->akey[k], p->name, 1))
            return -1;

    if (add_key(b, idx, r.name, strlen(r.name), 0))
        return -1;
    if (strcmp(r.asciiname, r.name) != 0 &&
        add_key(b, idx, r.asciiname, strlen(r.asciiname), 0))
        return -1;
    for (const char *a = r.altnames; *a;) {
        const char *e = strchr(a, ',');
        size_t n = e ? (size_t)(e - a) : strlen(a);
        const char *s = a;
        size_t m = n;
        while (m && *s == ' ')
            s++, m--;
        while (m && s[m - 1] == ' ')
            m--;
        if (!alt_skipped(s, m, r.name, r.asciiname) &&
            !(strlen(r.name) == m && memcmp(r.name, s, m) == 0) &&
            !(strlen(r.asciiname) == m && memcmp(r.asciiname, s, m) == 0) &&
            add_key(b, idx, s, m, 1))
            return -1;
        if (!e)
            break;
        a = e + 1;
    }
    return 0;
}

/* ---- admin codes and countries ---- */

static int add_code_row(builder *b, int level, char **f, size_t nf,
                        const char *file, long line)
{
    const char *code, *name;
    const char *err = parse_code(f, nf, level, &code, &name);
    if (err) {
        if (nf != 4)
            breport(b, file, line, "expected 4 tab-separated fields, found %zu",
                    nf);
        else
            breport(b, file, line, "%s", err);
        return 1;
    }
    uint32_t k = spool_intern(&b->pool, code, strlen(code));
    uint32_t n = spool_intern(&b->pool, name, strlen(name));
    if (k == SPOOL_FAIL || n == SPOOL_FAIL)
        return -1;
    return add_code(b, level - 1, k, n, 2);
}

static int add_country_row(builder *b, char **f, size_t nf, const char *file,
                           long line)
{
    gcountry_row r;
    const char *err = parse_country(f, nf, &r);
    if (err) {
        if (nf < 17 || nf > 19)
            breport(b, file, line,
                    "expected 19 tab-separated fields, found %zu", nf);
        else
            breport(b, file, line, "%s", err);
        return 1;
    }
    bcountry *c = GARR_PUSH(b->countries);
    if (!c)
        return -1;
    memset(c, 0, sizeof *c);
    memcpy(c->iso, r.iso, 2);
    memcpy(c->iso3, r.iso3, strlen(r.iso3));
    c->isonum = r.isonum;
    c->seq = (uint32_t)(b->countries.n - 1);
    c->name = spool_intern(&b->pool, r.name, strlen(r.name));
    c->capital = spool_intern(&b->pool, r.capital, strlen(r.capital));
    if (c->name == SPOOL_FAIL || c->capital == SPOOL_FAIL)
        return -1;
    return 0;
}

/* ---- files ---- */

/* 0 read (bad lines reported), -1 failed (reported). */
static int import_file(builder *b, const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        breport(b, path, 0, "cannot open: %s", strerror(errno));
        return -1;
    }
    struct stat st;
    int have_st = fstat(fileno(fp), &st) == 0;
    double total = have_st ? (double)st.st_size : 0;
    if (have_st && S_ISDIR(st.st_mode)) {
        fclose(fp);
        breport(b, path, 0, "is a folder, not a GeoNames file");
        return -1;
    }
    gfile_kind kind = gfile_kind_by_name(path);
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    long lineno = 0, data = 0, good = 0;
    double done = 0;
    char *f[GEONAMES_FIELDS + 1];
    int rc = 0;
    while ((len = getline(&line, &cap, fp)) > 0) {
        lineno++;
        done += (double)len;
        if (b->o->progress && (lineno & 8191) == 0)
            b->o->progress(b->o->user, path, done, total);
        size_t n = (size_t)len;
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        if (n == 0 || line[0] == '#')
            continue;
        data++;
        b->st.lines++;
        if (data > GIVE_UP_AFTER && good == 0) {
            breport(b, path, lineno,
                    "none of the first %d lines is a GeoNames line; the rest "
                    "of the file is skipped",
                    GIVE_UP_AFTER);
            b->st.lines--;
            break;
        }
        int r;
        if (memchr(line, '\0', n)) {
            breport(b, path, lineno, "a NUL byte in the line");
            r = 1;
        } else if (!valid_utf8(line, n)) {
            breport(b, path, lineno, "invalid UTF-8");
            r = 1;
        } else {
            size_t nf = split_tabs(line, f, GEONAMES_FIELDS + 1);
            size_t kept = nf < GEONAMES_FIELDS + 1 ? nf : GEONAMES_FIELDS + 1;
            if (kind == GF_UNKNOWN)
                kind = gfile_kind_by_fields(f, kept);
            switch (kind) {
            case GF_MAIN: r = add_main(b, f, nf, path, lineno); break;
            case GF_ADMIN1: r = add_code_row(b, 1, f, nf, path, lineno); break;
            case GF_ADMIN2: r = add_code_row(b, 2, f, nf, path, lineno); break;
            case GF_COUNTRY: r = add_country_row(b, f, nf, path, lineno); break;
            default:
                breport(b, path, lineno,
                        "not a line of a GeoNames file (%zu tab-separated "
                        "fields)",
                        nf);
                r = 1;
            }
        }
        if (r < 0) {
            breport(b, path, lineno, "out of memory");
            rc = -1;
            break;
        }
        if (r > 0)
            b->st.bad_lines++;
        else
            good++;
    }
    if (rc == 0 && ferror(fp)) {
        breport(b, path, lineno, "read error: %s", strerror(errno));
        rc = -1;
    }
    if (b->o->progress && rc == 0)
        b->o->progress(b->o->user, path, total, total);
    free(line);
    fclose(fp);
    return rc;
}

static void builder_free(builder *b)
{
    spool_free(&b->pool);
    free(b->places.v);
    free(b->names.v);
    for (int k = 0; k < 3; k++)
        free(b->codes[k].v);
    free(b->countries.v);
    free(b->keys);
    folder_free(&b->fold);
    buf_free(&b->tmp);
    buf_free(&b->key);
}

long gaz_import_with(const char *const *files, size_t nfiles,
                     const char *out_path, const gaz_import_opts *opts)
{
    static const gaz_import_opts none = {NULL, NULL, NULL, NULL};
    builder b;
    memset(&b, 0, sizeof b);
    b.o = opts ? opts : &none;
    folder_init(&b.fold);
    long ret = -1;
    if (spool_init(&b.pool)) {
        breport(&b, out_path, 0, "out of memory");
        goto out;
    }
    for (size_t i = 0; i < nfiles; i++)
        if (import_file(&b, files[i]))
            goto out;
    if (build_index(&b) || write_index(&b, out_path))
        goto out;
    ret = b.st.places;
out:
    if (b.o->stats)
        *b.o->stats = b.st;
    builder_free(&b);
    return ret;
}

long gaz_import(const char *const *files, size_t nfiles, const char *out_path,
                gaz_report_fn report, void *user)
{
    gaz_import_opts o = {report, NULL, user, NULL};
    return gaz_import_with(files, nfiles, out_path, &o);
}

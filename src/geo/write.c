/*
 * write.c — writes the built tables as the index file of format.h.
 *
 * The file is written to a temporary file next to the target and renamed
 * over it once complete and synced, so that a reader never maps a half
 * written index and a failed import leaves the previous one in place.
 *
 * Only the strings the index uses go into its string pool, the folded keys
 * first and in sorted order: the keys of neighbouring names are
 * neighbours in the pool too.
 */
#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "geoint.h"

typedef struct wctx {
    builder *b;
    uint32_t *remap; /* builder pool id → offset in out, GZ_NONE */
    buf out;         /* the index's string pool */
} wctx;

/* Offset in the index's pool of builder string id. */
static uint32_t ostr(wctx *w, uint32_t id)
{
    if (w->remap[id] == GZ_NONE) {
        const char *s = spool_str(&w->b->pool, id);
        w->remap[id] = (uint32_t)w->out.len;
        buf_put(&w->out, s, strlen(s) + 1);
    }
    return w->remap[id];
}

static int build_pool(wctx *w)
{
    builder *b = w->b;
    w->remap = malloc((size_t)b->pool.n * sizeof *w->remap);
    if (!w->remap)
        return -1;
    memset(w->remap, 0xFF, (size_t)b->pool.n * sizeof *w->remap);
    ostr(w, 0); /* "" at offset 0 */
    for (size_t i = 0; i < b->names.n; i++)
        ostr(w, b->names.v[i].key);
    for (size_t i = 0; i < b->places.n; i++)
        ostr(w, b->places.v[i].name);
    for (int k = 0; k < 3; k++)
        for (size_t i = 0; i < b->codes[k].n; i++) {
            ostr(w, b->codes[k].v[i].key);
            ostr(w, b->codes[k].v[i].name);
            if (k == 0)
                ostr(w, b->codes[k].v[i].fold);
        }
    for (size_t i = 0; i < b->countries.n; i++) {
        ostr(w, b->countries.v[i].name);
        ostr(w, b->countries.v[i].capital);
    }
    if (w->out.oom || w->out.len >= GZ_NONE)
        return -1;
    return 0;
}

static void put_place(wctx *w, const bplace *p, unsigned char *r)
{
    memset(r, 0, GZ_PLACE_SIZE);
    gz_put32(r, p->geonameid);
    gz_putf32(r + 4, p->lat);
    gz_putf32(r + 8, p->lon);
    gz_put32(r + 12, p->pop);
    gz_put32(r + 16, ostr(w, p->name));
    for (int k = 0; k < 3; k++)
        gz_put32(r + 20 + 4 * k, p->out_admin[k]);
    memcpy(r + 32, p->fcode, 8);
    memcpy(r + 40, p->cc, 2);
    r[42] = (unsigned char)p->fclass;
    gz_put32(r + 44, p->out_country);
}

static int write_all(wctx *w, FILE *fp)
{
    builder *b = w->b;
    uint64_t count[GZ_NSECT] = {b->places.n,    b->names.n,    w->out.len,
                                b->codes[0].n,  b->codes[1].n, b->codes[2].n,
                                b->countries.n, b->nslots};
    uint64_t off[GZ_NSECT];
    uint64_t pos = GZ_HEADER_SIZE;
    for (int s = 0; s < GZ_NSECT; s++) {
        if (count[s] > UINT32_MAX)
            return -1;
        pos = (pos + 7) & ~(uint64_t)7;
        off[s] = pos;
        pos += count[s] * gz_record_size(s);
    }
    uint64_t total = (pos + 7) & ~(uint64_t)7;

    unsigned char h[GZ_HEADER_SIZE];
    memset(h, 0, sizeof h);
    memcpy(h, GZ_MAGIC, 8);
    gz_put32(h + 8, GZ_VERSION);
    gz_put32(h + 12, GZ_BOM);
    gz_put64(h + 16, total);
    gz_put32(h + 24, GZ_NSECT);
    for (int s = 0; s < GZ_NSECT; s++) {
        gz_put64(h + 32 + 16 * s, off[s]);
        gz_put32(h + 40 + 16 * s, (uint32_t)count[s]);
        gz_put32(h + 44 + 16 * s, gz_record_size(s));
    }
    fwrite(h, 1, sizeof h, fp);
    uint64_t at = GZ_HEADER_SIZE;
    static const unsigned char zero[8];
    unsigned char r[64];
    for (int s = 0; s < GZ_NSECT; s++) {
        fwrite(zero, 1, (size_t)(off[s] - at), fp);
        switch (s) {
        case GZ_S_PLACES:
            for (size_t i = 0; i < b->places.n; i++) {
                put_place(w, &b->places.v[i], r);
                fwrite(r, 1, GZ_PLACE_SIZE, fp);
            }
            break;
        case GZ_S_NAMES:
            for (size_t i = 0; i < b->names.n; i++) {
                gz_put32(r, ostr(w, b->names.v[i].key));
                gz_put32(r + 4, b->names.v[i].place);
                fwrite(r, 1, GZ_NAME_SIZE, fp);
            }
            break;
        case GZ_S_STRINGS: fwrite(w->out.ptr, 1, w->out.len, fp); break;
        case GZ_S_ADMIN1:
            for (size_t i = 0; i < b->codes[0].n; i++) {
                const bcode *c = &b->codes[0].v[i];
                memset(r, 0, GZ_ADMIN1_SIZE);
                gz_put32(r, ostr(w, c->key));
                gz_put32(r + 4, ostr(w, c->name));
                gz_put32(r + 8, ostr(w, c->fold));
                gz_put32(r + 12, c->best);
                gz_put32(r + 16, c->nplaces);
                memcpy(r + 20, spool_str(&b->pool, c->key), 2);
                fwrite(r, 1, GZ_ADMIN1_SIZE, fp);
            }
            break;
        case GZ_S_ADMIN2:
        case GZ_S_ADMIN3: {
            int k = s == GZ_S_ADMIN2 ? 1 : 2;
            for (size_t i = 0; i < b->codes[k].n; i++) {
                gz_put32(r, ostr(w, b->codes[k].v[i].key));
                gz_put32(r + 4, ostr(w, b->codes[k].v[i].name));
                fwrite(r, 1, GZ_ADMIN_SIZE, fp);
            }
            break;
        }
        case GZ_S_COUNTRIES:
            for (size_t i = 0; i < b->countries.n; i++) {
                const bcountry *c = &b->countries.v[i];
                memset(r, 0, GZ_COUNTRY_SIZE);
                memcpy(r, c->iso, 2);
                memcpy(r + 2, c->iso3, 3);
                gz_put32(r + 8, (uint32_t)c->isonum);
                gz_put32(r + 12, ostr(w, c->name));
                gz_put32(r + 16, ostr(w, c->capital));
                gz_put32(r + 20, c->best);
                gz_put32(r + 24, c->nplaces);
                gz_put32(r + 28, c->nfeatures >= GZ_DEEP_MIN ? GZ_COUNTRY_DEEP : 0);
                fwrite(r, 1, GZ_COUNTRY_SIZE, fp);
            }
            break;
        case GZ_S_KEYS:
            for (uint32_t i = 0; i < b->nslots; i++) {
                gz_put32(r, b->keys[i].name);
                gz_put32(r + 4, b->keys[i].info);
                fwrite(r, 1, GZ_KEY_SIZE, fp);
            }
            break;
        }
        at = off[s] + count[s] * gz_record_size(s);
    }
    fwrite(zero, 1, (size_t)(total - at), fp);
    return ferror(fp) ? -1 : 0;
}

int write_index(builder *b, const char *path)
{
    wctx w = {b, NULL, BUF_INIT};
    if (build_pool(&w)) {
        breport(b, path, 0, "out of memory, or more than 4 GiB of names");
        free(w.remap);
        buf_free(&w.out);
        return -1;
    }
    size_t n = strlen(path);
    char *tmp = malloc(n + 16);
    if (!tmp) {
        free(w.remap);
        buf_free(&w.out);
        breport(b, path, 0, "out of memory");
        return -1;
    }
    memcpy(tmp, path, n);
    memcpy(tmp + n, ".tmp-XXXXXX", 12);
    int rc = -1;
    FILE *fp = NULL;
    int fd = mkstemp(tmp);
    if (fd < 0) {
        breport(b, path, 0, "cannot create %s: %s", tmp, strerror(errno));
        goto out;
    }
    fchmod(fd, 0644);
    fp = fdopen(fd, "wb");
    if (!fp) {
        breport(b, path, 0, "cannot write %s: %s", tmp, strerror(errno));
        close(fd);
        unlink(tmp);
        goto out;
    }
    setvbuf(fp, NULL, _IOFBF, 1 << 20);
    int bad = write_all(&w, fp);
    if (!bad)
        bad = fflush(fp) != 0 || fsync(fd) != 0;
    int err = errno;
    if (fclose(fp) != 0 && !bad) {
        bad = 1;
        err = errno;
    }
    if (bad) {
        breport(b, path, 0, "cannot write %s: %s", tmp,
                err ? strerror(err) : "write error");
        unlink(tmp);
        goto out;
    }
    if (rename(tmp, path) != 0) {
        breport(b, path, 0, "cannot rename %s to it: %s", tmp, strerror(errno));
        unlink(tmp);
        goto out;
    }
    rc = 0;
out:
    free(tmp);
    free(w.remap);
    buf_free(&w.out);
    return rc;
}

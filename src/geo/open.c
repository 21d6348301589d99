/*
 * open.c — gaz_open maps an index file and checks its header: magic,
 * version, byte order, size, and that every section lies inside the file
 * with the record size this version expects.  Nothing is read past the
 * header, so opening takes the same time for cities500 as for
 * allCountries; the lookups check each index they follow, so that a
 * corrupt file gives wrong answers at worst, not a crash.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "geoint.h"

static void fail(buf *err, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void fail(buf *err, const char *path, const char *fmt, ...)
{
    if (!err)
        return;
    buf_clear(err);
    buf_printf(err, "%s: ", path);
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(err, fmt, ap);
    va_end(ap);
}

/* NULL when the header is sound, else what is wrong with it. */
static const char *check(gaz *g, char *why, size_t whylen)
{
    const unsigned char *h = g->map;
    if (g->size < GZ_HEADER_SIZE || memcmp(h, GZ_MAGIC, 8) != 0)
        return "not a veille gazetteer index (bad magic number)";
    uint32_t bom = gz_le32(h + 12);
    if (bom == 0x04030201u)
        return "the index was written in the other byte order";
    if (bom != GZ_BOM)
        return "corrupt index (bad byte-order mark)";
    uint32_t version = gz_le32(h + 8);
    if (version != GZ_VERSION) {
        snprintf(why, whylen,
                 "index format version %u, this veille reads version %u: "
                 "import the gazetteer again",
                 version, GZ_VERSION);
        return why;
    }
    uint64_t size = gz_le64(h + 16);
    if (size != g->size) {
        snprintf(why, whylen,
                 "truncated or damaged index: the header says %llu bytes, "
                 "the file has %zu",
                 (unsigned long long)size, g->size);
        return why;
    }
    if (gz_le32(h + 24) != GZ_NSECT)
        return "corrupt index (wrong number of sections)";
    for (int s = 0; s < GZ_NSECT; s++) {
        const unsigned char *e = h + 32 + 16 * s;
        uint64_t off = gz_le64(e);
        uint64_t count = gz_le32(e + 8);
        uint32_t rs = gz_le32(e + 12);
        if (rs != gz_record_size(s) || off < GZ_HEADER_SIZE || off % 8 ||
            off > g->size || count * rs > g->size - off) {
            snprintf(why, whylen, "corrupt index (section %d out of bounds)",
                     s);
            return why;
        }
        g->sec[s] = h + off;
        g->n[s] = (uint32_t)count;
    }
    const unsigned char *str = g->sec[GZ_S_STRINGS];
    uint32_t ns = g->n[GZ_S_STRINGS];
    if (ns == 0 || str[0] != '\0' || str[ns - 1] != '\0')
        return "corrupt index (string pool)";
    return NULL;
}

gaz *gaz_open(const char *path, buf *err)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT)
            fail(err, path,
                 "no gazetteer index here (create it with "
                 "'veille gazetteer import')");
        else
            fail(err, path, "cannot open: %s", strerror(errno));
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        fail(err, path, "cannot read: %s", strerror(errno));
        close(fd);
        return NULL;
    }
    if (!S_ISREG(st.st_mode)) {
        fail(err, path, "not a regular file");
        close(fd);
        return NULL;
    }
    if ((uint64_t)st.st_size < GZ_HEADER_SIZE) {
        fail(err, path, "not a veille gazetteer index (%lld bytes)",
             (long long)st.st_size);
        close(fd);
        return NULL;
    }
    gaz *g = calloc(1, sizeof *g);
    if (!g) {
        fail(err, path, "out of memory");
        close(fd);
        return NULL;
    }
    g->size = (size_t)st.st_size;
    g->map = mmap(NULL, g->size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (g->map == MAP_FAILED) {
        fail(err, path, "cannot map: %s", strerror(errno));
        free(g);
        return NULL;
    }
    char why[200];
    const char *bad = check(g, why, sizeof why);
    if (bad) {
        fail(err, path, "%s", bad);
        gaz_close(g);
        return NULL;
    }
    for (uint32_t c = 0; c < g->n[GZ_S_COUNTRIES] && !g->deep; c++)
        g->deep = gz_country_deep(gz_rec(g, GZ_S_COUNTRIES, c));
    return g;
}

int gaz_has_deep(const gaz *g)
{
    return g->deep;
}

size_t gaz_deep_countries(const gaz *g, char (*cc)[3], size_t max)
{
    size_t n = 0;
    for (uint32_t c = 0; c < g->n[GZ_S_COUNTRIES] && n < max && g->deep; c++) {
        const unsigned char *r = gz_rec(g, GZ_S_COUNTRIES, c);
        if (gz_country_deep(r)) {
            memcpy(cc[n], r, 2);
            cc[n++][2] = '\0';
        }
    }
    return n;
}

void gaz_close(gaz *g)
{
    if (!g)
        return;
    if (g->map && g->map != MAP_FAILED)
        munmap(g->map, g->size);
    free(g);
}

size_t gaz_count(const gaz *g)
{
    return g->n[GZ_S_PLACES];
}

size_t gaz_name_count(const gaz *g)
{
    return g->n[GZ_S_NAMES];
}

/*
 * parse.c — GeoNames lines: which kind of file a line comes from, and the
 * checks that turn a line into a row or into a message saying what is
 * wrong with it.  No allocation: fields point into the line, cut in place.
 *
 * Numbers are read by hand rather than with strtod, whose decimal point
 * follows the program's locale.
 */
#include <strings.h>

#include "geoint.h"

const char *gfile_kind_name(gfile_kind k)
{
    switch (k) {
    case GF_MAIN: return "GeoNames table";
    case GF_ADMIN1: return "admin1 codes";
    case GF_ADMIN2: return "admin2 codes";
    case GF_COUNTRY: return "country info";
    default: return "unknown";
    }
}

static int is_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}
static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static int all_digits(const char *s)
{
    if (!*s)
        return 0;
    for (; *s; s++)
        if (!is_digit(*s))
            return 0;
    return 1;
}

/* n upper-case ASCII letters and nothing else. */
static int upper_n(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!is_upper(s[i]))
            return 0;
    return s[n] == '\0';
}

gfile_kind gfile_kind_by_name(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    if (strcasecmp(base, "admin1CodesASCII.txt") == 0 ||
        strcasecmp(base, "admin1Codes.txt") == 0)
        return GF_ADMIN1;
    if (strcasecmp(base, "admin2Codes.txt") == 0)
        return GF_ADMIN2;
    if (strcasecmp(base, "countryInfo.txt") == 0)
        return GF_COUNTRY;
    if (strcasecmp(base, "allCountries.txt") == 0 ||
        strncasecmp(base, "cities", 6) == 0 ||
        (is_upper(base[0]) && is_upper(base[1]) &&
         strcmp(base + 2, ".txt") == 0))
        return GF_MAIN;
    return GF_UNKNOWN;
}

/* "CC.xxx" with exactly dots dots, each part non-empty. */
static int code_shape(const char *s, int dots)
{
    if (!is_upper(s[0]) || !is_upper(s[1]) || s[2] != '.')
        return 0;
    int n = 0;
    for (const char *p = s + 2; *p; p++)
        if (*p == '.') {
            if (p[1] == '.' || p[1] == '\0')
                return 0;
            n++;
        }
    return n == dots;
}

gfile_kind gfile_kind_by_fields(char *const *f, size_t nf)
{
    if (nf == GEONAMES_FIELDS && all_digits(f[0]))
        return GF_MAIN;
    if (nf >= 17 && nf <= 19 && upper_n(f[0], 2) && upper_n(f[1], 3))
        return GF_COUNTRY;
    if (nf == 4 && code_shape(f[0], 1))
        return GF_ADMIN1;
    if (nf == 4 && code_shape(f[0], 2))
        return GF_ADMIN2;
    return GF_UNKNOWN;
}

size_t split_tabs(char *line, char **f, size_t max)
{
    size_t n = 0;
    char *p = line;
    for (;;) {
        char *t = strchr(p, '\t');
        if (n < max)
            f[n] = p;
        n++;
        if (!t)
            break;
        *t = '\0';
        p = t + 1;
    }
    return n;
}

/* A decimal number: optional sign, digits, optional fraction. */
static int parse_decimal(const char *s, double *out)
{
    int neg = 0;
    if (*s == '-' || *s == '+')
        neg = *s++ == '-';
    double v = 0;
    int nd = 0;
    for (; is_digit(*s); s++, nd++)
        if (nd < 12)
            v = v * 10 + (*s - '0');
        else
            return 0;
    if (*s == '.') {
        double scale = 0.1;
        s++;
        for (int k = 0; is_digit(*s); s++, nd++, k++)
            if (k < 15) {
                v += (*s - '0') * scale;
                scale /= 10;
            }
    }
    if (*s || nd == 0)
        return 0;
    *out = neg ? -v : v;
    return 1;
}

static int parse_u32(const char *s, uint32_t *out, int cap)
{
    uint64_t v = 0;
    if (!all_digits(s))
        return 0;
    for (; *s; s++) {
        v = v * 10 + (uint64_t)(*s - '0');
        if (v > UINT32_MAX) {
            if (!cap)
                return 0;
            v = UINT32_MAX;
            break;
        }
    }
    *out = (uint32_t)v;
    return 1;
}

const char *parse_main(char *const *f, size_t nf, grow *r)
{
    if (nf != GEONAMES_FIELDS)
        return "wrong number of fields";
    if (!parse_u32(f[0], &r->geonameid, 0) || r->geonameid == 0)
        return "the geonameid (field 1) is not a positive number";
    r->name = f[1];
    r->asciiname = f[2];
    r->altnames = f[3];
    if (!*r->name)
        return "the name (field 2) is empty";
    if (!parse_decimal(f[4], &r->lat) || r->lat < -90 || r->lat > 90)
        return "the latitude (field 5) is not a number from -90 to 90";
    if (!parse_decimal(f[5], &r->lon) || r->lon < -180 || r->lon > 180)
        return "the longitude (field 6) is not a number from -180 to 180";
    if (f[6][0] && (!is_upper(f[6][0]) || f[6][1]))
        return "the feature class (field 7) is not one letter";
    r->fclass = f[6][0];
    size_t lc = strlen(f[7]);
    if (lc > 7)
        return "the feature code (field 8) is longer than 7 characters";
    for (size_t i = 0; i < lc; i++)
        if (!is_upper(f[7][i]) && !is_digit(f[7][i]))
            return "the feature code (field 8) is not letters and digits";
    r->fcode = f[7];
    if (f[8][0] && !upper_n(f[8], 2))
        return "the country code (field 9) is not two capital letters";
    r->cc = f[8];
    for (int k = 0; k < 3; k++) {
        r->admin[k] = f[10 + k];
        if (strlen(r->admin[k]) > 80)
            return "an admin code (fields 11-13) is longer than 80 "
                   "characters";
    }
    r->population = 0;
    if (f[14][0] && !parse_u32(f[14], &r->population, 1))
        return "the population (field 15) is not a number";
    return NULL;
}

const char *parse_code(char *const *f, size_t nf, int level, const char **code,
                       const char **name)
{
    if (nf != 4)
        return "wrong number of fields";
    if (!code_shape(f[0], level))
        return level == 1 ? "the code (field 1) is not CC.ADMIN1"
                          : "the code (field 1) is not CC.ADMIN1.ADMIN2";
    *code = f[0];
    *name = f[1][0] ? f[1] : f[2];
    if (!**name)
        return "the name (fields 2 and 3) is empty";
    return NULL;
}

const char *parse_country(char *const *f, size_t nf, gcountry_row *r)
{
    if (nf < 17 || nf > 19)
        return "wrong number of fields";
    if (!upper_n(f[0], 2))
        return "the ISO code (field 1) is not two capital letters";
    if (f[1][0] && !upper_n(f[1], 3))
        return "the ISO3 code (field 2) is not three capital letters";
    uint32_t num = 0;
    if (f[2][0] && (strlen(f[2]) > 3 || !parse_u32(f[2], &num, 0)))
        return "the ISO numeric code (field 3) is not a number of 3 digits";
    if (!f[4][0])
        return "the country name (field 5) is empty";
    r->iso = f[0];
    r->iso3 = f[1];
    r->isonum = (int)num;
    r->name = f[4];
    r->capital = f[5];
    return NULL;
}

static int starts_nocase(const char *s, size_t n, const char *p)
{
    size_t m = strlen(p);
    return n >= m && strncasecmp(s, p, m) == 0;
}

int alt_skipped(const char *a, size_t n, const char *name,
                const char *asciiname)
{
    if (n == 0 || memmem(a, n, "://", 3) || starts_nocase(a, n, "http") ||
        starts_nocase(a, n, "www."))
        return 1;
    if (n >= 2 && n <= 4) {
        size_t i = 0;
        while (i < n && is_upper(a[i]))
            i++;
        if (i == n && !(strlen(name) == n && memcmp(name, a, n) == 0) &&
            !(strlen(asciiname) == n && memcmp(asciiname, a, n) == 0))
            return 1;
    }
    return 0;
}

int key_has_letter(const char *k, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (k[i] >= 'a' && k[i] <= 'z')
            return 1;
    return 0;
}

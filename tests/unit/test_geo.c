/*
 * test_geo.c — the gazetteer (src/geo/): GeoNames files imported into an
 * index, the index opened and queried, and damaged indexes refused.
 *
 * The test writes its own small GeoNames files into a scratch folder (a
 * main table "ML.txt" with a malformed line, a second main table
 * "cities500.txt" repeating one geonameid, admin1CodesASCII.txt,
 * admin2Codes.txt and countryInfo.txt), imports them once for the whole
 * group, and checks what the lookups return: folded names (accents,
 * hyphens, apostrophes, several words), the names that are not indexed
 * (URLs, numbers, airport codes, other scripts), prefixes, admin and
 * country names, the points for a country and a region.
 */
#include "testutil.h"

#include "geo/geoint.h"

/* ---- collecting problems ---- */

#define MAXP 16

typedef struct problems {
    int n;
    char file[MAXP][512];
    long line[MAXP];
    char msg[MAXP][512];
} problems;

static void collect(void *user, const char *file, long line, const char *msg)
{
    problems *p = user;
    if (p->n < MAXP) {
        snprintf(p->file[p->n], sizeof p->file[0], "%s", file ? file : "");
        p->line[p->n] = line;
        snprintf(p->msg[p->n], sizeof p->msg[0], "%s", msg);
    }
    p->n++;
}

static void print_problems(const problems *p)
{
    for (int i = 0; i < p->n && i < MAXP; i++)
        print_message("  %s:%ld: %s\n", p->file[i], p->line[i], p->msg[i]);
}

/* ---- fixture files ---- */

/* One row of a GeoNames main table (19 tab-separated fields). */
static void row(buf *b, unsigned id, const char *name, const char *ascii,
                const char *alts, double lat, double lon, const char *fclass,
                const char *fcode, const char *cc, const char *a1,
                const char *a2, const char *a3, unsigned pop)
{
    buf_printf(b,
               "%u\t%s\t%s\t%s\t%.5f\t%.5f\t%s\t%s\t%s\t\t%s\t%s\t%s\t\t%u\t\t"
               "300\tAfrica/Bamako\t2023-01-01\n",
               id, name, ascii, alts, lat, lon, fclass, fcode, cc, a1, a2, a3,
               pop);
}

/* Line numbers of the malformed lines of ML.txt. */
#define BAD_LAT_LINE 10
#define BAD_FIELDS_LINE 12

static void main_table(buf *b)
{
    /* 1 */ row(b, 2455290, "Kidal", "Kidal",
                "Kidal,Kidal',Kidali,KDL,GAKL,كيدال,Кидаль", 18.44111, 1.40778,
                "P", "PPLA", "ML", "10", "", "", 11643);
    /* 2 */ row(b, 2597449, "Kidal Region", "Kidal Region",
                "Kidal,Région de Kidal,Region de Kidal", 19.4, 1.2, "A", "ADM1",
                "ML", "10", "", "", 67638);
    /* 3 */ row(b, 7701465, "Kidal", "Kidal", "Cercle de Kidal", 18.44389,
                1.3354, "A", "ADM2", "ML", "10", "7701465", "", 0);
    /* 4 */ row(b, 2461022, "Anéfis", "Anefis",
                "Anefis,Anefis i-n-Darane,http://example.org/anefis,12345, "
                "Anéfis ",
                18.04, 0.60111, "P", "PPL", "ML", "09", "", "", 0);
    /* 5 */ row(b, 2476086, "Ti-n-Zaouâtene", "Ti-n-Zaouatene",
                "Tin Zaouaten,Tinzaouaten", 19.95427, 2.96732, "P", "PPL", "ML",
                "10", "7701465", "99", 0);
    /* 6 */ row(b, 9000001, "Commune de Ti-n-Zaouâtene",
                "Commune de Ti-n-Zaouatene", "", 19.9, 2.9, "A", "ADM3", "ML",
                "10", "7701465", "99", 0);
    /* 7 */ row(b, 9000002, "N'Goutjina", "N'Goutjina", "N’Goutjina,Ngoutjina",
                12.3, -5.4, "P", "PPL", "ML", "06", "", "", 1200);
    /* 8 */ row(b, 9000003, "Puits X", "Puits X", "", 17.5, 0.5, "H", "WLL",
                "ML", "10", "", "", 0);
    /* 9 */ row(b, 2596484, "I-n-Tillit", "I-n-Tillit", "", 15.54611, -0.46056,
                "P", "PPL", "ML", "09", "", "", 0);
    /* 10: latitude is not a number */
    buf_puts(b, "9000009\tNowhere\tNowhere\t\tabc\t1.0\tP\tPPL\tML\t\t10\t\t\t"
                "\t0\t\t300\tAfrica/Bamako\t2023-01-01\n");
    /* 11 */ row(b, 2460596, "Bamako", "Bamako", "BKO,Bamakó", 12.65, -8.0, "P",
                 "PPLC", "ML", "01", "", "", 1297281);
    /* 12: 18 fields */
    buf_puts(b, "9000010\tShort\tShort\t\t1.0\t1.0\tP\tPPL\tML\t\t10\t\t\t"
                "\t0\t\t300\tAfrica/Bamako\n");
    /* 13 */ row(b, 2460597, "Gao", "Gao", "", 16.27, -0.04, "P", "PPLA", "ML",
                 "09", "", "", 86633);
    /* 14 */ row(b, 9000011, "Bourem", "Bourem", "", 16.95, -0.35, "P", "PPL",
                 "ML", "09", "", "", 90000); /* more populous than the seat */
    /* 15 */ row(b, 1640057, "Kidal", "Kidal", "", -8.0224, 112.7085, "P",
                 "PPLA4", "ID", "08", "", "", 0);
    /* 16 */ row(b, 2361177, "Djibo", "Djibo", "", 14.0994, -1.62554, "P",
                 "PPLA2", "BF", "90", "", "", 61462);
    /* 17, 18: prenasal names, written joined and with an apostrophe */
    row(b, 2440495, "Nguigmi", "Nguigmi", "", 14.2532, 13.1108, "P", "PPLA2",
        "ML", "10", "", "", 0);
    row(b, 9000012, "M'Bera", "M'Bera", "", 15.9, -5.8, "P", "PPL", "ML", "10",
        "", "", 0);
    /* 19, 20: no admin1 code ("00"): the first is 6 km from Djibo and
     * takes its region; the second has no place of its country near */
    row(b, 9000013, "Solle", "Solle", "", 14.15, -1.60, "P", "PPL", "BF", "00",
        "", "", 0);
    row(b, 9000014, "Loinlointain", "Loinlointain", "", 11.0, 1.0, "P", "PPL",
        "BF", "00", "", "", 0);
    /* 21-23: three places called Koro, none counted; the last read seats a
     * cercle */
    row(b, 9000015, "Koro", "Koro", "", 12.7, -2.0, "P", "PPL", "BF", "90", "",
        "", 0);
    row(b, 9000016, "Koro", "Koro", "", 14.6, -7.9, "P", "PPL", "ML", "06", "",
        "", 0);
    row(b, 9000017, "Koro", "Koro", "", 14.06, -3.07, "P", "PPLA2", "ML", "06",
        "", "", 0);
}

/* A second table repeating Kidal (2455290) with other figures and names:
 * its record wins, the names of both are kept. */
static void cities_table(buf *b)
{
    row(b, 2455290, "Kidal", "Kidal", "Kidaal", 18.44111, 1.40778, "P", "PPLA",
        "ML", "10", "", "", 20000);
}

static const char admin1_codes[] =
    "ML.10\tKidal\tKidal\t2597449\n"
    "ML.09\tGao\tGao\t2457161\n"
    "ML.06\tSikasso\tSikasso\t2451184\n"
    "ML.01\tBamako\tBamako\t2460594\n"
    "ML.08\tTombouctou\tTombouctou\t2449066\n" /* no place: not kept */
    "BF.90\tSahel\tSahel\t6930709\n";

static const char admin2_codes[] =
    "ML.10.7701465\tCercle de Kidal\tCercle de Kidal\t7701465\n";

static const char country_info[] =
    "# GeoNames countryInfo\n"
    "#ISO\tISO3\tISO-Numeric\tfips\tCountry\tCapital\tArea(in sq km)\t"
    "Population\tContinent\ttld\tCurrencyCode\tCurrencyName\tPhone\t"
    "Postal Code Format\tPostal Code Regex\tLanguages\tgeonameid\t"
    "neighbours\tEquivalentFipsCode\n"
    "BF\tBFA\t854\tUV\tBurkina Faso\tOuagadougou\t274200\t19751535\tAF\t.bf"
    "\tXOF\tFranc\t226\t\t\tfr-BF,mos\t2361809\tNE,ML\t\n"
    "ML\tMLI\t466\tML\tMali\tBamako\t1240000\t19077690\tAF\t.ml\tXOF\tFranc"
    "\t223\t\t\tfr-ML,bm\t2453866\tSN,NE\t\n"
    "NE\tNER\t562\tNG\tNiger\tNiamey\t1267000\t22442948\tAF\t.ne\tXOF\tFranc"
    "\t227\t####\t^(\\d{4})$\tfr-NE\t2440476\tTD,ML\t\n";

/* ---- the imported index, shared by the group ---- */

typedef struct fixture {
    char *dir;
    char *files[5];
    char *index;
    problems probs;
    gaz_import_stats st;
    long places;
    gaz *g;
} fixture;

static fixture fx;

static int group_setup(void **state)
{
    (void)state;
    memset(&fx, 0, sizeof fx);
    fx.dir = tmpdir_new();
    buf b = BUF_INIT;
    main_table(&b);
    fx.files[0] = tu_write_file(fx.dir, "ML.txt", b.ptr);
    buf_clear(&b);
    cities_table(&b);
    fx.files[1] = tu_write_file(fx.dir, "cities500.txt", b.ptr);
    buf_free(&b);
    fx.files[2] = tu_write_file(fx.dir, "admin1CodesASCII.txt", admin1_codes);
    fx.files[3] = tu_write_file(fx.dir, "admin2Codes.txt", admin2_codes);
    fx.files[4] = tu_write_file(fx.dir, "countryInfo.txt", country_info);
    assert_true(asprintf(&fx.index, "%s/gazetteer.idx", fx.dir) > 0);
    gaz_import_opts o = {collect, NULL, &fx.probs, &fx.st};
    fx.places = gaz_import_with((const char *const *)fx.files, 5, fx.index, &o);
    buf err = BUF_INIT;
    fx.g = gaz_open(fx.index, &err);
    if (!fx.g)
        print_message("gaz_open: %s\n", buf_cstr(&err));
    buf_free(&err);
    return fx.g ? 0 : -1;
}

static int group_teardown(void **state)
{
    (void)state;
    gaz_close(fx.g);
    for (int i = 0; i < 5; i++)
        free(fx.files[i]);
    free(fx.index);
    tmpdir_free(fx.dir);
    return 0;
}

/* Places named raw (folded here), up to 16. */
static size_t look(const char *raw, gaz_place *out)
{
    buf k = BUF_INIT;
    assert_int_equal(gaz_fold(raw, strlen(raw), &k), 0);
    size_t n = gaz_lookup(fx.g, k.ptr, k.len, out, 16);
    buf_free(&k);
    return n;
}

/* The geonameid of the only place named raw (0 if none or several). */
static uint32_t only(const char *raw)
{
    gaz_place p[16];
    size_t n = look(raw, p);
    if (n != 1) {
        print_message("'%s': %zu places\n", raw, n);
        return 0;
    }
    return p[0].geonameid;
}

/* ---- folding ---- */

/* gaz_fold must make the key an article's tokens make: the folded tokens
 * of text_tokenize joined with one space (it has a fast path of its own
 * for plain ASCII names). */
static void test_fold_matches_tokenizer(void **state)
{
    (void)state;
    static const char *const names[] = {
        "Kidal",
        "  In   Tillit ",
        "Ti-n-Zaouâtene",
        "-Kidal",
        "Kidal-",
        "a--b",
        "Tin\tZaouaten",
        "ÉCOLE de Gao",
        "N'Goutjina",
        "N'goutjina",
        "Vallée de l’Azaouak",
        "Kilomètre 5",
        "1 200",
        "Anefis i-n-Darane",
        "x-y-z",
        "",
        "Puits X",
        "O'Brien",
    };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        tdoc *t = tdoc_open(names[i]);
        buf want = BUF_INIT, got = BUF_INIT;
        for (size_t k = 0; k < t->doc.ntok; k++) {
            if (want.len)
                buf_putc(&want, ' ');
            buf_puts(&want, tu_tok_fold(t, k));
        }
        assert_int_equal(gaz_fold(names[i], strlen(names[i]), &got), 0);
        if (strcmp(buf_cstr(&want), buf_cstr(&got)) != 0)
            print_message("'%s': tokens '%s', gaz_fold '%s'\n", names[i],
                          buf_cstr(&want), buf_cstr(&got));
        assert_string_equal(buf_cstr(&want), buf_cstr(&got));
        buf_free(&want);
        buf_free(&got);
        tdoc_close(t);
    }
}

/* ---- import ---- */

static void test_import_counts(void **state)
{
    (void)state;
    /* 23 rows in ML.txt, 2 malformed; Kidal repeated in cities500.txt. */
    assert_int_equal(fx.places, 21);
    assert_int_equal(fx.st.places, 21);
    assert_int_equal(fx.st.duplicates, 1);
    assert_int_equal(fx.st.bad_lines, 2);
    assert_int_equal(fx.st.lines, 23 + 1 + 6 + 1 + 3);
    assert_int_equal(gaz_count(fx.g), 21);
    assert_int_equal(gaz_name_count(fx.g), (size_t)fx.st.names);
    /* Admin1 with places: Kidal, Gao, Sikasso, Bamako, Sahel (BF); not
     * Tombouctou (no place) nor ID.08 (no name). */
    assert_int_equal(fx.st.admin1, 5);
    assert_int_equal(fx.st.admin2, 1);
    assert_int_equal(fx.st.admin3, 1);
    /* countryInfo's three, and ID from a place. */
    assert_int_equal(fx.st.countries, 4);
}

static void test_malformed_lines_reported(void **state)
{
    (void)state;
    if (fx.probs.n != 2)
        print_problems(&fx.probs);
    assert_int_equal(fx.probs.n, 2);
    assert_string_equal(fx.probs.file[0], fx.files[0]);
    assert_int_equal(fx.probs.line[0], BAD_LAT_LINE);
    assert_true(tu_contains(fx.probs.msg[0], "latitude"));
    assert_string_equal(fx.probs.file[1], fx.files[0]);
    assert_int_equal(fx.probs.line[1], BAD_FIELDS_LINE);
    assert_true(tu_contains(fx.probs.msg[1], "19"));
    assert_true(tu_contains(fx.probs.msg[1], "18"));
    gaz_place p[16];
    assert_int_equal(look("Nowhere", p), 0);
    assert_int_equal(look("Short", p), 0);
}

static void test_import_is_deterministic(void **state)
{
    (void)state;
    char *again = NULL;
    assert_true(asprintf(&again, "%s/again.idx", fx.dir) > 0);
    assert_int_equal(
        gaz_import((const char *const *)fx.files, 5, again, NULL, NULL), 21);
    FILE *a = fopen(fx.index, "rb"), *b = fopen(again, "rb");
    assert_non_null(a);
    assert_non_null(b);
    int ca, cb;
    long diff = 0;
    do {
        ca = getc(a);
        cb = getc(b);
        diff += ca != cb;
    } while (ca != EOF && cb != EOF);
    fclose(a);
    fclose(b);
    unlink(again);
    free(again);
    assert_int_equal(diff, 0);
}

/* Files named otherwise are recognised by their columns. */
static void test_files_recognised_by_content(void **state)
{
    (void)state;
    char *dir = tmpdir_new();
    const char *names[5] = {"a.tsv", "b.tsv", "c.tsv", "d.tsv", "e.tsv"};
    char *files[5];
    for (int i = 0; i < 5; i++) {
        FILE *fp = fopen(fx.files[i], "rb");
        assert_non_null(fp);
        char data[8192];
        size_t n = fread(data, 1, sizeof data, fp);
        fclose(fp);
        files[i] = tu_write_filen(dir, names[i], data, n);
    }
    char *out = NULL;
    assert_true(asprintf(&out, "%s/g.idx", dir) > 0);
    problems p = {0};
    gaz_import_stats st;
    gaz_import_opts o = {collect, NULL, &p, &st};
    assert_int_equal(gaz_import_with((const char *const *)files, 5, out, &o),
                     21);
    assert_int_equal(p.n, 2);
    assert_int_equal(st.admin1, 5);
    assert_int_equal(st.admin2, 1);
    assert_int_equal(st.countries, 4);
    for (int i = 0; i < 5; i++)
        free(files[i]);
    free(out);
    tmpdir_free(dir);
}

static void test_unreadable_file_fails_import(void **state)
{
    (void)state;
    char *dir = tmpdir_new();
    char *out = NULL, *missing = NULL;
    assert_true(asprintf(&out, "%s/g.idx", dir) > 0);
    assert_true(asprintf(&missing, "%s/ML.txt", dir) > 0);
    const char *files[1] = {missing};
    problems p = {0};
    assert_int_equal(gaz_import(files, 1, out, collect, &p), -1);
    assert_int_equal(p.n, 1);
    assert_string_equal(p.file[0], missing);
    assert_int_equal(p.line[0], 0);
    assert_true(tu_contains(p.msg[0], "cannot open"));
    assert_int_equal(access(out, F_OK), -1); /* nothing written */
    free(out);
    free(missing);
    tmpdir_free(dir);
}

static void test_not_geonames_file_given_up(void **state)
{
    (void)state;
    char *dir = tmpdir_new();
    buf b = BUF_INIT;
    for (int i = 0; i < 500; i++)
        buf_printf(&b, "line %d of something else\n", i);
    char *in = tu_write_file(dir, "notes.txt", b.ptr);
    buf_free(&b);
    char *out = NULL;
    assert_true(asprintf(&out, "%s/g.idx", dir) > 0);
    problems p = {0};
    gaz_import_stats st;
    gaz_import_opts o = {collect, NULL, &p, &st};
    const char *files[1] = {in};
    assert_int_equal(gaz_import_with(files, 1, out, &o), 0);
    /* 100 lines reported, then one message, and the rest skipped. */
    assert_int_equal(p.n, 101);
    assert_int_equal(st.bad_lines, 100);
    free(in);
    free(out);
    tmpdir_free(dir);
}

/* ---- lookups ---- */

static void test_lookup_by_folded_name(void **state)
{
    (void)state;
    gaz_place p[16];
    /* Kidal: the region (alternate name Kidal), the town (the record of
     * cities500.txt: population 20000), then population 0: the populated
     * place in Indonesia before the cercle. */
    assert_int_equal(look("KIDAL", p), 4);
    assert_int_equal(p[0].geonameid, 2597449);
    assert_int_equal(p[1].geonameid, 2455290);
    assert_int_equal(p[1].population, 20000);
    assert_int_equal(p[2].geonameid, 1640057);
    assert_int_equal(p[3].geonameid, 7701465);
    assert_string_equal(p[1].name, "Kidal");
    assert_int_equal(p[1].fclass, 'P');
    assert_string_equal(p[1].fcode, "PPLA");
    assert_string_equal(p[1].cc, "ML");
    assert_string_equal(p[1].admin1, "Kidal");
    assert_string_equal(p[1].admin2, "");
    assert_string_equal(p[1].country, "Mali");
    assert_int_equal(p[1].iso_numeric, 466);
    assert_true(p[1].lat > 18.44f && p[1].lat < 18.45f);
    assert_true(p[1].lon > 1.40f && p[1].lon < 1.41f);
    /* Indonesia has no countryInfo row here: code, no name. */
    assert_string_equal(p[2].cc, "ID");
    assert_string_equal(p[2].country, "");
    assert_int_equal(p[2].iso_numeric, 0);

    /* The names of both records of Kidal. */
    assert_int_equal(only("Kidali"), 2455290);
    assert_int_equal(only("Kidaal"), 2455290);
    assert_int_equal(only("Kidal'"), 2455290);

    /* max smaller than the count: the count is still the total. */
    assert_int_equal(gaz_lookup(fx.g, "kidal", 5, p, 1), 4);
    assert_int_equal(p[0].geonameid, 2597449);
    assert_int_equal(gaz_lookup(fx.g, "kidal", 5, NULL, 0), 4);
}

/* Of namesakes with no count of people, the seat of a district comes
 * first: a caller that takes the first few still sees it. */
static void test_lookup_seat_before_hamlets(void **state)
{
    (void)state;
    gaz_place p[16];
    assert_int_equal(look("Koro", p), 3);
    assert_int_equal(p[0].geonameid, 9000017);
    assert_string_equal(p[0].fcode, "PPLA2");
    assert_int_equal(p[1].geonameid, 9000015);
    assert_int_equal(p[2].geonameid, 9000016);
}

static void test_lookup_accents_and_alternates(void **state)
{
    (void)state;
    assert_int_equal(only("Anéfis"), 2461022);
    assert_int_equal(only("anefis"), 2461022);
    assert_int_equal(only("ANÉFIS"), 2461022);
    assert_int_equal(only("Anefis i-n-Darane"), 2461022);
    assert_int_equal(only("Anéfis  I-n-Darane"), 2461022);
    assert_int_equal(only("Bamakó"), 2460596);
}

static void test_lookup_hyphens(void **state)
{
    (void)state;
    gaz_place p[16];
    /* As written, with spaces, and with the Tamasheq "-n-" joined. */
    assert_int_equal(only("Ti-n-Zaouâtene"), 2476086);
    assert_int_equal(only("Ti n Zaouatene"), 2476086);
    assert_int_equal(only("Tin-Zaouatene"), 2476086);
    assert_int_equal(only("Tin Zaouatene"), 2476086);
    assert_int_equal(only("Tin Zaouaten"), 2476086);
    assert_int_equal(only("Tin-Zaouaten"), 2476086); /* query fallback */
    assert_int_equal(only("Tinzaouaten"), 2476086);
    assert_int_equal(only("In-Tillit"), 2596484);
    assert_int_equal(only("In Tillit"), 2596484);
    assert_int_equal(only("I-n-Tillit"), 2596484);
    /* The Tamasheq "i-n-" run into the name, or cut to its prenasal, as
     * the press and ACLED write it. */
    assert_int_equal(only("Intillit"), 2596484);
    assert_int_equal(only("Ntillit"), 2596484);
    assert_int_equal(only("N'Tillit"), 2596484);
    assert_int_equal(only("N'tillit"), 2596484);
    assert_int_equal(only("Tinzaouatene"), 2476086);
    /* "Ti-n-" is never cut to "n": no "Nzaouatene". */
    assert_int_equal(look("Nzaouatene", p), 0);
    assert_int_equal(look("Tin", p), 0);
}

static void test_lookup_apostrophes_and_words(void **state)
{
    (void)state;
    assert_int_equal(only("N'Goutjina"), 9000002);
    assert_int_equal(only("N’Goutjina"), 9000002);
    assert_int_equal(only("n'goutjina"), 9000002);
    assert_int_equal(only("Ngoutjina"), 9000002);
    /* A small letter after the apostrophe: the tokenizer cuts the
     * elision "n'", and the variant "n' goutjina" is indexed too. */
    assert_int_equal(only("N'goutjina"), 9000002);
    /* A prenasal three ways, whichever GeoNames has: N'Guigmi, N Guigmi
     * (ACLED's), Nguigmi. */
    assert_int_equal(only("N'Guigmi"), 2440495);
    assert_int_equal(only("N Guigmi"), 2440495);
    assert_int_equal(only("NGuigmi"), 2440495);
    assert_int_equal(only("N'guigmi"), 2440495);
    assert_int_equal(only("Mbera"), 9000012);
    assert_int_equal(only("M Bera"), 9000012);
    assert_int_equal(gaz_prefix(fx.g, "n", 1), 2);
    gaz_place p[16];
    assert_int_equal(look("Puits X", p), 1);
    assert_int_equal(p[0].fclass, 'H');
    assert_string_equal(p[0].fcode, "WLL");
    assert_int_equal(only("puits   x"), 9000003);
    assert_int_equal(only("Région de Kidal"), 2597449);
    assert_int_equal(only("region de kidal"), 2597449);
    /* The key joins folded tokens with one space. */
    assert_int_equal(gaz_lookup(fx.g, "puits x", 7, p, 16), 1);
    assert_int_equal(gaz_lookup(fx.g, "puitsx", 6, p, 16), 0);
    assert_int_equal(gaz_lookup(fx.g, "puits", 5, p, 16), 0);
}

static void test_names_not_indexed(void **state)
{
    (void)state;
    gaz_place p[16];
    assert_int_equal(look("http://example.org/anefis", p), 0);
    assert_int_equal(look("12345", p), 0);
    assert_int_equal(look("KDL", p), 0);  /* IATA */
    assert_int_equal(look("GAKL", p), 0); /* ICAO */
    assert_int_equal(look("BKO", p), 0);
    assert_int_equal(look("كيدال", p), 0);
    assert_int_equal(look("Кидаль", p), 0);
    assert_int_equal(gaz_lookup(fx.g, "", 0, p, 16), 0);
    assert_int_equal(gaz_lookup(fx.g, "kid\0al", 6, p, 16), 0);
}

static void test_admin_names(void **state)
{
    (void)state;
    gaz_place p[16];
    assert_int_equal(look("Ti-n-Zaouâtene", p), 1);
    assert_string_equal(p[0].admin1, "Kidal");
    /* admin2Codes' name beats the ADM2 feature's. */
    assert_string_equal(p[0].admin2, "Cercle de Kidal");
    /* Admin3 from the ADM3 feature. */
    assert_string_equal(p[0].admin3, "Commune de Ti-n-Zaouâtene");
    assert_int_equal(look("Anéfis", p), 1);
    assert_string_equal(p[0].admin1, "Gao");
    assert_string_equal(p[0].admin2, "");
    assert_string_equal(p[0].admin3, "");
    assert_int_equal(look("Djibo", p), 1);
    assert_string_equal(p[0].admin1, "Sahel");
    assert_string_equal(p[0].country, "Burkina Faso");
    assert_int_equal(p[0].iso_numeric, 854);
    /* No admin1 code: the nearest place's region within 60 km, else none */
    assert_int_equal(look("Solle", p), 1);
    assert_string_equal(p[0].admin1, "Sahel");
    assert_int_equal(look("Loinlointain", p), 1);
    assert_string_equal(p[0].admin1, "");
}

static void test_prefix(void **state)
{
    (void)state;
    assert_int_equal(gaz_prefix(fx.g, "puits", 5), 2);
    assert_int_equal(gaz_prefix(fx.g, "puits x", 7), 1);
    assert_int_equal(gaz_prefix(fx.g, "kidal", 5), 3); /* "kidal region" */
    assert_int_equal(gaz_prefix(fx.g, "anefis", 6), 3);
    assert_int_equal(gaz_prefix(fx.g, "anefis i-n-darane", 17), 1);
    assert_int_equal(gaz_prefix(fx.g, "in", 2), 2);
    assert_int_equal(gaz_prefix(fx.g, "in tillit", 9), 1);
    assert_int_equal(gaz_prefix(fx.g, "in-tillit", 9), 1);
    assert_int_equal(gaz_prefix(fx.g, "tin", 3), 2);
    assert_int_equal(gaz_prefix(fx.g, "region", 6), 2);
    assert_int_equal(gaz_prefix(fx.g, "region de", 9), 2);
    assert_int_equal(gaz_prefix(fx.g, "kida", 4), 0); /* not a whole word */
    assert_int_equal(gaz_prefix(fx.g, "zzz", 3), 0);
    assert_int_equal(gaz_prefix(fx.g, "", 0), 0);
}

static void test_country_point(void **state)
{
    (void)state;
    gaz_place p;
    assert_int_equal(gaz_country(fx.g, "ML", &p), 1);
    assert_int_equal(p.geonameid, 2460596); /* the capital, Bamako */
    assert_string_equal(p.country, "Mali");
    /* Ouagadougou is not in the table: the most populous place. */
    assert_int_equal(gaz_country(fx.g, "BF", &p), 1);
    assert_int_equal(p.geonameid, 2361177);
    assert_int_equal(gaz_country(fx.g, "NE", &p), 0); /* no place */
    assert_int_equal(gaz_country(fx.g, "XX", &p), 0);
    assert_int_equal(gaz_country(fx.g, "MLI", &p), 0);
    assert_int_equal(gaz_country(fx.g, "", &p), 0);
}

static void test_lookup_near(void **state)
{
    (void)state;
    gaz_place p;
    /* one letter off, added, dropped or two swapped */
    assert_int_equal(gaz_lookup_near(fx.g, "kidel", 5, "ML", &p), 1);
    assert_int_equal(p.geonameid, 2455290); /* Mali's, not Indonesia's */
    assert_int_equal(gaz_lookup_near(fx.g, "kidla", 5, "ML", &p), 1);
    assert_int_equal(p.geonameid, 2455290);
    assert_int_equal(gaz_lookup_near(fx.g, "bourrem", 7, "ML", &p), 1);
    assert_int_equal(p.geonameid, 9000011);
    /* long names may be two letters off */
    assert_int_equal(gaz_lookup_near(fx.g, "tinzaouatin", 11, "ML", &p), 1);
    assert_int_equal(p.geonameid, 2476086);
    assert_int_equal(gaz_lookup_near(fx.g, "tinzaouatinn", 12, "ML", &p), 1);
    assert_int_equal(p.geonameid, 2476086);
    assert_int_equal(gaz_lookup_near(fx.g, "bourum", 6, "ML", &p), 1);
    assert_int_equal(gaz_lookup_near(fx.g, "boorum", 6, "ML", &p), 0);
    /* the country counts; wells are no villages; an exact name is
     * gaz_lookup's; short names are too easy to confuse */
    assert_int_equal(gaz_lookup_near(fx.g, "djiboo", 6, "ML", &p), 0);
    assert_int_equal(gaz_lookup_near(fx.g, "djiboo", 6, "BF", &p), 1);
    assert_int_equal(p.geonameid, 2361177);
    assert_int_equal(gaz_lookup_near(fx.g, "puits y", 7, "ML", &p), 0);
    assert_int_equal(gaz_lookup_near(fx.g, "bourem", 6, "ML", &p), 0);
    assert_int_equal(gaz_lookup_near(fx.g, "kida", 4, "ML", &p), 0);
    assert_int_equal(gaz_lookup_near(fx.g, "kidel", 5, "", &p), 0);
    assert_int_equal(gaz_lookup_near(NULL, "kidel", 5, "ML", &p), 0);
}

/* The near-spelling index answers as the slow road does, query by query. */
static void test_near_index(void **state)
{
    (void)state;
    static const struct {
        const char *q, *cc;
    } qs[] = {{"kidel", "ML"},        {"kidla", "ML"},   {"bourrem", "ML"},
              {"tinzaouatin", "ML"},  {"bourum", "ML"},  {"boorum", "ML"},
              {"djiboo", "ML"},       {"djiboo", "BF"},  {"puits y", "ML"},
              {"bourem", "ML"},       {"kida", "ML"},    {"kidel", ""},
              {"kidel", "zz"},        {"tinzaouatinn", "ML"}};
    gaz_near_index *ix = gaz_near_index_new(fx.g);
    assert_non_null(ix);
    for (size_t i = 0; i < sizeof qs / sizeof *qs; i++) {
        gaz_place a, b;
        size_t n = strlen(qs[i].q);
        int ra = gaz_lookup_near(fx.g, qs[i].q, n, qs[i].cc, &a);
        int rb = gaz_near_in(fx.g, ix, qs[i].cc, qs[i].q, n, &b);
        assert_int_equal(ra, rb);
        if (ra)
            assert_int_equal(a.geonameid, b.geonameid);
    }
    gaz_place p;
    assert_int_equal(gaz_near_in(fx.g, ix, "BF", "djiboo", 6, &p), 1);
    assert_int_equal(p.geonameid, 2361177);
    assert_int_equal(gaz_near_in(fx.g, NULL, "BF", "djiboo", 6, &p), 0);
    gaz_near_index_free(ix);
    gaz_near_index_free(NULL);
}

static void test_admin1_point(void **state)
{
    (void)state;
    gaz_place p;
    /* The seat (PPLA), not the region's own feature. */
    assert_int_equal(gaz_admin1_by_name(fx.g, NULL, "kidal", &p), 1);
    assert_int_equal(p.geonameid, 2455290);
    assert_int_equal(gaz_admin1_by_name(fx.g, "ML", "kidal", &p), 1);
    assert_int_equal(p.geonameid, 2455290);
    /* By a name of the ADM1 feature. */
    assert_int_equal(gaz_admin1_by_name(fx.g, "ML", "region de kidal", &p), 1);
    assert_int_equal(p.geonameid, 2455290);
    /* The seat before a more populous town. */
    assert_int_equal(gaz_admin1_by_name(fx.g, "ML", "gao", &p), 1);
    assert_int_equal(p.geonameid, 2460597);
    /* No seat: the most populous. */
    assert_int_equal(gaz_admin1_by_name(fx.g, NULL, "sikasso", &p), 1);
    assert_int_equal(p.geonameid, 9000002);
    assert_int_equal(gaz_admin1_by_name(fx.g, "BF", "kidal", &p), 0);
    assert_int_equal(gaz_admin1_by_name(fx.g, NULL, "tombouctou", &p), 0);
    assert_int_equal(gaz_admin1_by_name(fx.g, NULL, "", &p), 0);
}

static void test_info(void **state)
{
    (void)state;
    char *out = NULL;
    size_t n = 0;
    FILE *fp = open_memstream(&out, &n);
    assert_non_null(fp);
    gaz_info(fx.g, fp);
    fclose(fp);
    assert_true(tu_contains(out, "places:     21"));
    assert_true(tu_contains(out, "ML  Mali"));
    assert_true(tu_contains(out, "Bamako"));
    assert_true(tu_contains(out, "BF  Burkina Faso"));
    /* the fixture's Mali has too few wells to count as a full dump */
    assert_false(tu_contains(out, "full"));
    free(out);
}

/* A country imported from its full dump (wells, wadis beside its towns) is
 * marked deep; one known from a towns-only table is not, nor is any in the
 * shared fixture (a handful of wells is not a dump). */
static void test_country_depth(void **state)
{
    (void)state;
    assert_int_equal(gaz_has_deep(fx.g), 0);
    char *dir = tmpdir_new();
    buf b = BUF_INIT;
    row(&b, 2440485, "Niamey", "Niamey", "", 13.51, 2.11, "P", "PPLC", "NE", "08",
        "", "", 774235);
    for (unsigned i = 0; i < GZ_DEEP_MIN; i++) {
        char name[32];
        snprintf(name, sizeof name, "Puits %u", i);
        row(&b, 9100000 + i, name, name, "", 15.0 + i / 1000.0, 1.0, "H", "WLL", "NE",
            "08", "", "", 0);
    }
    char *ne = tu_write_file(dir, "NE.txt", b.ptr);
    buf_clear(&b);
    row(&b, 2988507, "Paris", "Paris", "", 48.85, 2.35, "P", "PPLC", "FR", "11", "", "",
        2138551);
    char *fr = tu_write_file(dir, "cities500.txt", b.ptr);
    buf_free(&b);
    char *index = NULL;
    assert_true(asprintf(&index, "%s/gazetteer.idx", dir) > 0);
    const char *files[] = {ne, fr};
    assert_true(gaz_import_with(files, 2, index, NULL) > 0);
    buf err = BUF_INIT;
    gaz *g = gaz_open(index, &err);
    assert_non_null(g);
    assert_int_equal(gaz_has_deep(g), 1);
    char cc[4][3];
    assert_int_equal(gaz_deep_countries(g, cc, 4), 1);
    assert_string_equal(cc[0], "NE");
    assert_int_equal(gaz_deep_countries(fx.g, cc, 4), 0);
    gaz_place p[4];
    assert_int_equal(gaz_lookup(g, "niamey", 6, p, 4), 1);
    assert_int_equal(p[0].deep, 1);
    assert_int_equal(gaz_lookup(g, "paris", 5, p, 4), 1);
    assert_int_equal(p[0].deep, 0);
    char *out = NULL;
    size_t n = 0;
    FILE *fp = open_memstream(&out, &n);
    assert_non_null(fp);
    gaz_info(g, fp);
    fclose(fp);
    assert_true(tu_contains(out, "full "));
    assert_true(tu_contains(out, "towns"));
    free(out);
    gaz_close(g);
    buf_free(&err);
    free(index);
    free(ne);
    free(fr);
    tmpdir_free(dir);
}

/* ---- the key table against the binary search ---- */

/* The binary search over the name table that lookup.c used before the key
 * table: the reference the key table's answers must equal. */
static int ref_cmp_key(const unsigned char *s, const unsigned char *q, size_t n,
                       int tail)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != q[i])
            return s[i] < q[i] ? -1 : 1;
    if (tail == 0)
        return s[n] == '\0' ? 0 : 1;
    return s[n] == tail ? 0 : s[n] < tail ? -1 : 1;
}

static const unsigned char *ref_name_key(const gaz *g, uint32_t i)
{
    return (const unsigned char *)gz_str(g, gz_le32(gz_rec(g, GZ_S_NAMES, i)));
}

static void ref_range(const gaz *g, const char *q, size_t n, int tail,
                      uint32_t *lo_out, uint32_t *hi_out)
{
    const unsigned char *uq = (const unsigned char *)q;
    uint32_t lo = 0, hi = g->n[GZ_S_NAMES];
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (ref_cmp_key(ref_name_key(g, mid), uq, n, tail) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    uint32_t first = lo;
    hi = g->n[GZ_S_NAMES];
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (ref_cmp_key(ref_name_key(g, mid), uq, n, tail) <= 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    *lo_out = first;
    *hi_out = lo;
}

/* gaz_prefix's answer for q itself (no hyphen retry). */
static int ref_prefix(const gaz *g, const char *q, size_t n)
{
    uint32_t lo, hi;
    int r = 0;
    ref_range(g, q, n, 0, &lo, &hi);
    r |= lo < hi;
    ref_range(g, q, n, ' ', &lo, &hi);
    r |= (lo < hi) << 1;
    return r;
}

/* Does gaz_lookup/gaz_prefix answer for q as the binary search does?
 * (Queries without inner hyphens, or whose exact form is found, so that
 * the hyphen retry plays no part; or compare both with it.) */
static int same_answers(const gaz *g, const char *q, size_t n)
{
    char var[GAZ_MAX_KEY];
    int rp = ref_prefix(g, q, n);
    if (rp == 0 && unhyphen(q, n, var))
        rp = ref_prefix(g, var, n);
    if (gaz_prefix(g, q, n) != rp)
        return 0;
    uint32_t lo, hi;
    ref_range(g, q, n, 0, &lo, &hi);
    if (lo == hi && unhyphen(q, n, var))
        ref_range(g, var, n, 0, &lo, &hi);
    gaz_place got[8];
    size_t k = gaz_lookup(g, q, n, got, 8);
    if (k != hi - lo)
        return 0;
    for (size_t i = 0; i < k && i < 8; i++) {
        uint32_t p = gz_le32(gz_rec(g, GZ_S_NAMES, lo + (uint32_t)i) + 4);
        if (gz_le32(gz_rec(g, GZ_S_PLACES, p)) != got[i].geonameid)
            return 0;
    }
    return 1;
}

/* A gazetteer of many names made of few words, so that keys share their
 * first words in every way (and hyphens, apostrophes, one-letter words):
 * every key, every byte prefix of one, and neighbours of them, get from
 * the key table the answers the binary search over the name table gives. */
static void test_key_table_equals_binary_search(void **state)
{
    (void)state;
    static const char *const words[] = {
        "Saint", "San", "El", "Bir", "In", "Tin", "Kidal", "Gao", "de",
        "la", "I-n-Tillit", "N'Goutjina", "Puits", "Oued", "a", "Ber",
        "Ti-n-Zaouatene", "l'Azaouak", "Sainte-Marie", "Zz"};
    enum { NW = sizeof words / sizeof words[0] };
    buf b = BUF_INIT;
    uint32_t seed = 7;
    for (unsigned id = 1; id <= 3000; id++) {
        char name[2][128];
        for (int v = 0; v < 2; v++) {
            seed = seed * 1103515245u + 12345u;
            int nw = 1 + (int)((seed >> 16) % 4);
            size_t at = 0;
            for (int w = 0; w < nw; w++) {
                seed = seed * 1103515245u + 12345u;
                at += (size_t)snprintf(name[v] + at, sizeof name[v] - at,
                                       "%s%s", w ? " " : "",
                                       words[(seed >> 16) % NW]);
            }
        }
        row(&b, id, name[0], name[0], name[1], 12.0, -1.0,
            id % 3 ? "P" : "H", id % 3 ? "PPL" : "WLL", "ML", "10", "", "",
            (seed >> 8) % 5000);
    }
    char *file = tu_write_file(fx.dir, "KT.txt", b.ptr);
    buf_free(&b);
    char *index = NULL;
    assert_true(asprintf(&index, "%s/keys.idx", fx.dir) > 0);
    const char *files[] = {file};
    assert_true(gaz_import(files, 1, index, NULL, NULL) == 3000);
    buf err = BUF_INIT;
    gaz *g = gaz_open(index, &err);
    buf_free(&err);
    assert_non_null(g);
    long queries = 0, differ = 0;
    char q[GAZ_MAX_KEY + 3];
    for (uint32_t i = 0; i < g->n[GZ_S_NAMES]; i++) {
        const char *k = (const char *)ref_name_key(g, i);
        size_t n = strlen(k);
        for (size_t m = 1; m <= n; m++, queries++)
            differ += !same_answers(g, k, m);
        snprintf(q, sizeof q, "%s x", k);
        differ += !same_answers(g, q, n + 1); /* "key " */
        differ += !same_answers(g, q, n + 2);
        q[n] = 'a';
        differ += !same_answers(g, q, n + 1); /* "keya" */
        queries += 3;
    }
    gaz_close(g);
    unlink(index);
    free(index);
    free(file);
    print_message("    %ld queries, %ld answered otherwise\n", queries,
                  differ);
    assert_true(queries > 50000);
    assert_int_equal(differ, 0);
}

/* ---- damaged indexes ---- */

static char *read_all(const char *path, size_t *n)
{
    FILE *fp = fopen(path, "rb");
    assert_non_null(fp);
    fseek(fp, 0, SEEK_END);
    long len = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    char *d = malloc((size_t)len + 1);
    assert_non_null(d);
    assert_int_equal(fread(d, 1, (size_t)len, fp), (size_t)len);
    fclose(fp);
    *n = (size_t)len;
    return d;
}

/* Writes data as an index and expects gaz_open to refuse it with a
 * message naming the file and containing want. */
static void expect_refused(const char *data, size_t n, const char *want)
{
    char *path = tu_write_filen(fx.dir, "bad.idx", data, n);
    buf err = BUF_INIT;
    gaz *g = gaz_open(path, &err);
    if (g)
        print_message("opened a damaged index (want '%s')\n", want);
    assert_null(g);
    assert_true(tu_contains(buf_cstr(&err), path));
    assert_true(tu_contains(buf_cstr(&err), want));
    buf_free(&err);
    unlink(path);
    free(path);
}

static void test_damaged_index_refused(void **state)
{
    (void)state;
    size_t n;
    char *d = read_all(fx.index, &n);
    assert_true(n > 200);
    expect_refused(d, n / 2, "truncated");
    expect_refused(d, n - 1, "truncated");
    expect_refused(d, 10, "not a veille gazetteer index");
    expect_refused(d, 0, "not a veille gazetteer index");
    char *c = malloc(n);
    assert_non_null(c);
    memcpy(c, d, n);
    c[0] = 'X';
    expect_refused(c, n, "magic");
    memcpy(c, d, n);
    c[8] = 99; /* version */
    expect_refused(c, n, "version 99");
    memcpy(c, d, n);
    memcpy(c + 12, "\x01\x02\x03\x04", 4); /* the other byte order */
    expect_refused(c, n, "byte order");
    memcpy(c, d, n);
    c[32 + 16 * 1 + 12] = 9; /* record size of the name table */
    expect_refused(c, n, "corrupt");
    memcpy(c, d, n);
    c[32 + 16 * 0 + 7] = 1; /* offset of the places far past the end */
    expect_refused(c, n, "corrupt");
    free(c);
    free(d);

    buf err = BUF_INIT;
    char *missing = NULL;
    assert_true(asprintf(&missing, "%s/none.idx", fx.dir) > 0);
    assert_null(gaz_open(missing, &err));
    assert_true(tu_contains(buf_cstr(&err), "veille gazetteer import"));
    assert_null(gaz_open(fx.dir, &err)); /* a folder */
    assert_true(tu_contains(buf_cstr(&err), fx.dir));
    free(missing);
    buf_free(&err);
    gaz_close(NULL);
}

/* Damaged contents behind a sound header: wrong answers, never a crash
 * (run under ASan). */
static void test_damaged_contents_do_not_crash(void **state)
{
    (void)state;
    size_t n;
    char *d = read_all(fx.index, &n);
    unsigned seed = 12345;
    for (int round = 0; round < 200; round++) {
        char *c = malloc(n);
        assert_non_null(c);
        memcpy(c, d, n);
        /* Scribble over the sections, not the header. */
        for (int k = 0; k < 64; k++) {
            seed = seed * 1103515245u + 12345u;
            size_t at = 160 + (seed >> 8) % (n - 160);
            c[at] = (char)(seed >> 3);
        }
        char *path = tu_write_filen(fx.dir, "scribbled.idx", c, n);
        free(c);
        buf err = BUF_INIT;
        gaz *g = gaz_open(path, &err);
        if (g) {
            gaz_place p[4];
            gaz_lookup(g, "kidal", 5, p, 4);
            gaz_lookup(g, "in-tillit", 9, p, 4);
            gaz_prefix(g, "puits", 5);
            gaz_country(g, "ML", p);
            gaz_admin1_by_name(g, NULL, "kidal", p);
            gaz_admin1_by_name(g, "ML", "region de kidal", p);
            char *out = NULL;
            size_t on = 0;
            FILE *fp = open_memstream(&out, &on);
            gaz_info(g, fp);
            fclose(fp);
            free(out);
            gaz_close(g);
        }
        buf_free(&err);
        unlink(path);
        free(path);
    }
    free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fold_matches_tokenizer),
        cmocka_unit_test(test_import_counts),
        cmocka_unit_test(test_malformed_lines_reported),
        cmocka_unit_test(test_import_is_deterministic),
        cmocka_unit_test(test_files_recognised_by_content),
        cmocka_unit_test(test_unreadable_file_fails_import),
        cmocka_unit_test(test_not_geonames_file_given_up),
        cmocka_unit_test(test_lookup_by_folded_name),
        cmocka_unit_test(test_lookup_seat_before_hamlets),
        cmocka_unit_test(test_lookup_accents_and_alternates),
        cmocka_unit_test(test_lookup_hyphens),
        cmocka_unit_test(test_lookup_apostrophes_and_words),
        cmocka_unit_test(test_names_not_indexed),
        cmocka_unit_test(test_admin_names),
        cmocka_unit_test(test_prefix),
        cmocka_unit_test(test_country_point),
        cmocka_unit_test(test_lookup_near),
        cmocka_unit_test(test_near_index),
        cmocka_unit_test(test_admin1_point),
        cmocka_unit_test(test_info),
        cmocka_unit_test(test_country_depth),
        cmocka_unit_test(test_key_table_equals_binary_search),
        cmocka_unit_test(test_damaged_index_refused),
        cmocka_unit_test(test_damaged_contents_do_not_crash),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}

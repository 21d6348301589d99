/*
 * test_export_records.c — the record writers of `veille events`
 * (src/export/records.h): records built by hand (rec_init, rec_set_str,
 * rec_add_source), written to memory (open_memstream), then checked: the
 * CSV's exact header and RFC 4180 quoting, ACLED's `source` of a merged
 * event, and the GeoJSON and JSONL read back with a real JSON parser
 * (jansson).
 */
#include "testutil.h"

#include <jansson.h>

#include "export/records.h"

/* ---- helpers ---- */

typedef struct memout {
    char *data;
    size_t len;
    FILE *f;
} memout;

static void mem_open(memout *m)
{
    m->data = NULL;
    m->len = 0;
    m->f = open_memstream(&m->data, &m->len);
    assert_non_null(m->f);
}

/* Closes the stream; m->data is then the whole output (caller frees). */
static void mem_close(memout *m) { assert_int_equal(fclose(m->f), 0); }

/* Writes the records in the format, returns the output (malloc'd). */
static char *write_all(const char *format, rec_event *recs, size_t n)
{
    memout m;
    mem_open(&m);
    rec_writer *w = rec_writer_new(format, m.f);
    assert_non_null(w);
    assert_int_equal(rec_writer_begin(w), VEILLE_OK);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(rec_writer_put(w, &recs[i]), VEILLE_OK);
    assert_int_equal(rec_writer_end(w), VEILLE_OK);
    assert_int_equal(rec_writer_count(w), n);
    rec_writer_free(w);
    mem_close(&m);
    return m.data;
}

static void set(rec_event *r, event_field f, const char *v)
{
    assert_int_equal(rec_set_str(r, f, v), VEILLE_OK);
}

static void add_source(rec_event *r, const char *id, const char *outlet,
                       const char *fatalities)
{
    rec_source s = {0};
    s.article_id = (char *)id;
    s.outlet = (char *)outlet;
    s.url = (char *)"https://example.org/a";
    s.published = (char *)"2024-02-03";
    s.claimant = (char *)"FAMa";
    s.certainty = (char *)"claimed";
    s.fatalities = (char *)fatalities;
    s.sentence = (char *)"Des frappes \"aériennes\" ont visé Kidal.";
    s.start = 10;
    s.end = 52;
    assert_int_equal(rec_add_source(r, &s), VEILLE_OK);
}

/* An airstrike near Kidal reported by three articles of two outlets; its
 * notes hold a comma, quotes, a line break, a tab and a control byte. */
static void make_merged(rec_event *r)
{
    assert_int_equal(rec_init(r), VEILLE_OK);
    r->id = 7;
    set(r, EF_ARTICLE_ID, "a1");
    set(r, EF_EVENT_ID_CNTY, "a1-1");
    set(r, EF_EVENT_DATE, "2024-02-02");
    set(r, EF_YEAR, "2024");
    set(r, EF_TIME_PRECISION, "1");
    set(r, EF_EVENT_TYPE, "Explosions/Remote violence");
    set(r, EF_SUB_EVENT_TYPE, "Air/drone strike");
    set(r, EF_ACTOR1, "Military Forces of Mali (2021-)");
    set(r, EF_INTER1, "1");
    set(r, EF_COUNTRY, "Mali");
    set(r, EF_ADMIN1, "Kidal");
    set(r, EF_LOCATION, "Kidal");
    set(r, EF_LATITUDE, "18.44111");
    set(r, EF_LONGITUDE, "1.40778");
    set(r, EF_GEO_PRECISION, "1");
    set(r, EF_SOURCE, "Studio Tamani");
    set(r, EF_NOTES, "On 2 February, the army said \"strikes\", near Kidal.\n"
                     "Second line\twith a tab \x01 and S\xc3\xa9gou.");
    set(r, EF_FATALITIES, "12");
    set(r, EF_CERTAINTY, "claimed");
    set(r, EF_GEONAMEID, "2455290");
    set(r, EF_LANG, "fr");
    add_source(r, "a1", "Studio Tamani", "12");
    add_source(r, "a2", "RFI", "");
    add_source(r, "a3", "Studio Tamani", "10");
}

/* A record with nothing but a type: no coordinates, no sources. */
static void make_bare(rec_event *r)
{
    assert_int_equal(rec_init(r), VEILLE_OK);
    set(r, EF_EVENT_ID_CNTY, "b-1");
    set(r, EF_EVENT_DATE, "2024-02-05");
    set(r, EF_EVENT_TYPE, "Battles");
    set(r, EF_SOURCE, "Le Monde");
}

/* Splits one CSV record at *p (RFC 4180) into cells (malloc'd copies);
 * advances *p past its line end.  Returns the number of cells. */
static size_t csv_record(const char **p, char **cells, size_t max)
{
    const char *s = *p;
    size_t n = 0;
    for (;;) {
        char cell[4096];
        size_t k = 0;
        if (*s == '"') {
            s++;
            for (;;) {
                assert_true(*s != '\0'); /* unterminated quote */
                if (*s == '"' && s[1] == '"') {
                    cell[k++] = '"';
                    s += 2;
                } else if (*s == '"') {
                    s++;
                    break;
                } else
                    cell[k++] = *s++;
                assert_true(k < sizeof cell);
            }
        } else
            while (*s && *s != ',' && *s != '\n' && *s != '\r') {
                assert_true(*s != '"'); /* a quote in an unquoted field */
                cell[k++] = *s++;
                assert_true(k < sizeof cell);
            }
        cell[k] = '\0';
        assert_true(n < max);
        cells[n++] = strdup(cell);
        if (*s == ',') {
            s++;
            continue;
        }
        assert_true(*s == '\n'); /* LF line ends, as documented */
        s++;
        break;
    }
    *p = s;
    return n;
}

static void free_cells(char **cells, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(cells[i]);
}

static long col_of(char **header, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(header[i], name) == 0)
            return (long)i;
    fail_msg("no column %s", name);
    return -1;
}

static const char expected_header[] =
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,"
    "sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,"
    "interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,"
    "location,latitude,longitude,geo_precision,source,source_scale,notes,"
    "fatalities,tags,timestamp,"
    "article_id,date_end,plover,cameo,actor1_text,actor2_text,materiel,"
    "claimant,certainty,geonameid,lang,"
    "corroboration,source_articles,source_outlets\n";

/* ---- CSV ---- */

static void test_csv_header_exact(void **state)
{
    (void)state;
    char *out = write_all("csv", NULL, 0);
    assert_string_equal(out, expected_header);
    free(out);
    /* acled_columns is ACLED's 31 columns, the header's first. */
    assert_int_equal(acled_ncolumns, 31);
    assert_string_equal(event_fields[acled_columns[0]].name, "event_id_cnty");
    assert_string_equal(event_fields[acled_columns[30]].name, "timestamp");
}

static void test_csv_quoting_and_merged_source(void **state)
{
    (void)state;
    rec_event r[2];
    make_merged(&r[0]);
    make_bare(&r[1]);
    char *out = write_all("csv", r, 2);
    const char *p = out;
    char *head[64], *row[64];
    size_t nh = csv_record(&p, head, 64);
    assert_int_equal(nh, 45);

    /* The notes, quoted, quotes doubled, the line break inside. */
    assert_true(tu_contains(out, ",\"On 2 February, the army said "
                                 "\"\"strikes\"\", near Kidal.\nSecond line"));
    size_t nr = csv_record(&p, row, 64);
    assert_int_equal(nr, nh);
    assert_string_equal(row[col_of(head, nh, "notes")],
                        r[0].f[EF_NOTES]);
    /* ACLED's source: the distinct outlets, in order, joined by "; ". */
    assert_string_equal(row[col_of(head, nh, "source")],
                        "Studio Tamani; RFI");
    assert_string_equal(row[col_of(head, nh, "corroboration")], "3");
    assert_string_equal(row[col_of(head, nh, "source_articles")],
                        "a1; a2; a3");
    assert_string_equal(row[col_of(head, nh, "source_outlets")],
                        "Studio Tamani; RFI; Studio Tamani");
    assert_string_equal(row[col_of(head, nh, "latitude")], "18.44111");
    assert_string_equal(row[col_of(head, nh, "event_id_cnty")], "a1-1");
    /* A plain field is not quoted. */
    assert_true(strncmp(strchr(out, '\n') + 1, "a1-1,2024-02-02,2024,1,,", 24)
                == 0);
    free_cells(row, nr);

    /* No sources: the record's own source, corroboration 0. */
    nr = csv_record(&p, row, 64);
    assert_int_equal(nr, nh);
    assert_string_equal(row[col_of(head, nh, "source")], "Le Monde");
    assert_string_equal(row[col_of(head, nh, "corroboration")], "0");
    assert_string_equal(row[col_of(head, nh, "source_articles")], "");
    assert_string_equal(row[col_of(head, nh, "fatalities")], "");
    free_cells(row, nr);
    assert_string_equal(p, "");

    free_cells(head, nh);
    free(out);
    rec_free(&r[0]);
    rec_free(&r[1]);
}

static void test_csv_field_with_cr_and_quote_only(void **state)
{
    (void)state;
    rec_event r;
    assert_int_equal(rec_init(&r), VEILLE_OK);
    set(&r, EF_ACTOR1, "a\rb");
    set(&r, EF_ACTOR2, "\"");
    set(&r, EF_LOCATION, "x,y");
    char *out = write_all("csv", &r, 1);
    const char *row = strchr(out, '\n') + 1;
    assert_true(tu_contains(row, ",\"a\rb\","));
    assert_true(tu_contains(row, ",\"\"\"\","));
    assert_true(tu_contains(row, ",\"x,y\","));
    free(out);
    rec_free(&r);
}

/* ---- JSON ---- */

static json_t *parse(const char *s, size_t n)
{
    json_error_t err;
    json_t *j = json_loadb(s, n, 0, &err);
    if (!j)
        fail_msg("invalid JSON (%s, line %d col %d): %.*s", err.text,
                 err.line, err.column, (int)(n < 400 ? n : 400), s);
    return j;
}

/* The checks common to a merged event's JSON object (JSONL line or
 * GeoJSON properties). */
static void check_merged_props(json_t *p, const rec_event *r)
{
    assert_true(json_is_object(p));
    /* Every field of event.h is there. */
    for (int f = 0; f < EF_COUNT; f++)
        assert_non_null(json_object_get(p, event_fields[f].name));
    assert_int_equal(json_integer_value(json_object_get(p, "fatalities")), 12);
    assert_int_equal(json_integer_value(json_object_get(p, "year")), 2024);
    assert_int_equal(json_integer_value(json_object_get(p, "geonameid")),
                     2455290);
    assert_true(json_is_real(json_object_get(p, "latitude")));
    /* Empty numbers are null, empty strings "". */
    assert_true(json_is_null(json_object_get(p, "inter2")));
    assert_true(json_is_null(json_object_get(p, "timestamp")));
    assert_string_equal(json_string_value(json_object_get(p, "actor2")), "");
    /* Quotes, line break, tab, control byte and UTF-8 come back intact. */
    assert_string_equal(json_string_value(json_object_get(p, "notes")),
                        r->f[EF_NOTES]);
    assert_string_equal(json_string_value(json_object_get(p, "source")),
                        "Studio Tamani; RFI");
    json_t *src = json_object_get(p, "sources");
    assert_true(json_is_array(src));
    assert_int_equal(json_array_size(src), 3);
    json_t *s0 = json_array_get(src, 0), *s1 = json_array_get(src, 1);
    static const char *const keys[] = {"article_id", "outlet", "url",
                                       "published", "claimant", "certainty",
                                       "fatalities", "sentence", "start",
                                       "end"};
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        assert_non_null(json_object_get(s0, keys[i]));
    assert_int_equal(json_object_size(s0), sizeof keys / sizeof *keys);
    assert_string_equal(json_string_value(json_object_get(s1, "article_id")),
                        "a2");
    assert_string_equal(json_string_value(json_object_get(s1, "outlet")),
                        "RFI");
    assert_int_equal(json_integer_value(json_object_get(s0, "fatalities")), 12);
    assert_true(json_is_null(json_object_get(s1, "fatalities")));
    assert_int_equal(json_integer_value(json_object_get(s0, "start")), 10);
    assert_int_equal(json_integer_value(json_object_get(s0, "end")), 52);
    assert_string_equal(json_string_value(json_object_get(s0, "sentence")),
                        "Des frappes \"aériennes\" ont visé Kidal.");
}

static void test_geojson_parses_back(void **state)
{
    (void)state;
    rec_event r[2];
    make_merged(&r[0]);
    make_bare(&r[1]);
    char *out = write_all("geojson", r, 2);
    json_t *fc = parse(out, strlen(out));
    assert_string_equal(json_string_value(json_object_get(fc, "type")),
                        "FeatureCollection");
    json_t *fs = json_object_get(fc, "features");
    assert_int_equal(json_array_size(fs), 2);

    json_t *f0 = json_array_get(fs, 0);
    assert_string_equal(json_string_value(json_object_get(f0, "type")),
                        "Feature");
    assert_int_equal(json_integer_value(json_object_get(f0, "id")), 7);
    json_t *g = json_object_get(f0, "geometry");
    assert_string_equal(json_string_value(json_object_get(g, "type")),
                        "Point");
    json_t *xy = json_object_get(g, "coordinates");
    assert_int_equal(json_array_size(xy), 2);
    /* [longitude, latitude], in that order. */
    assert_true(json_real_value(json_array_get(xy, 0)) == 1.40778);
    assert_true(json_real_value(json_array_get(xy, 1)) == 18.44111);
    check_merged_props(json_object_get(f0, "properties"), &r[0]);

    json_t *f1 = json_array_get(fs, 1);
    assert_true(json_is_null(json_object_get(f1, "geometry")));
    assert_null(json_object_get(f1, "id")); /* not stored yet */
    json_t *p1 = json_object_get(f1, "properties");
    assert_true(json_is_null(json_object_get(p1, "latitude")));
    assert_int_equal(json_array_size(json_object_get(p1, "sources")), 0);
    json_decref(fc);
    free(out);

    /* No events: still one valid, empty FeatureCollection. */
    out = write_all("geojson", NULL, 0);
    fc = parse(out, strlen(out));
    assert_int_equal(json_array_size(json_object_get(fc, "features")), 0);
    json_decref(fc);
    free(out);
    rec_free(&r[0]);
    rec_free(&r[1]);
}

static void test_jsonl_parses_back(void **state)
{
    (void)state;
    rec_event r[2];
    make_merged(&r[0]);
    make_bare(&r[1]);
    char *out = write_all("jsonl", r, 2);
    char *nl = strchr(out, '\n');
    assert_non_null(nl);
    json_t *j0 = parse(out, (size_t)(nl - out));
    check_merged_props(j0, &r[0]);
    char *second = nl + 1;
    char *nl2 = strchr(second, '\n');
    assert_non_null(nl2);
    assert_string_equal(nl2 + 1, ""); /* two lines, each ended */
    json_t *j1 = parse(second, (size_t)(nl2 - second));
    assert_string_equal(json_string_value(json_object_get(j1, "event_type")),
                        "Battles");
    assert_string_equal(json_string_value(json_object_get(j1, "source")),
                        "Le Monde");
    json_decref(j0);
    json_decref(j1);
    free(out);
    rec_free(&r[0]);
    rec_free(&r[1]);
}

/* Stored text that is not what it should be still gives valid JSON: a
 * number field that is not a JSON number becomes a string, a byte that is
 * not UTF-8 becomes U+FFFD, coordinates out of range give no geometry. */
static void test_json_stays_valid_on_odd_values(void **state)
{
    (void)state;
    rec_event r;
    assert_int_equal(rec_init(&r), VEILLE_OK);
    set(&r, EF_FATALITIES, "1e");
    set(&r, EF_YEAR, "02024");
    set(&r, EF_INTER1, "-0.5e+3");
    set(&r, EF_LATITUDE, "95");
    set(&r, EF_LONGITUDE, "2");
    set(&r, EF_NOTES, "bad \xff byte, cut \xc3");
    char *out = write_all("geojson", &r, 1);
    json_t *fc = parse(out, strlen(out));
    json_t *f = json_array_get(json_object_get(fc, "features"), 0);
    assert_true(json_is_null(json_object_get(f, "geometry")));
    json_t *p = json_object_get(f, "properties");
    assert_string_equal(json_string_value(json_object_get(p, "fatalities")),
                        "1e");
    assert_string_equal(json_string_value(json_object_get(p, "year")),
                        "02024");
    assert_true(json_real_value(json_object_get(p, "inter1")) == -500.0);
    assert_string_equal(json_string_value(json_object_get(p, "notes")),
                        "bad \xef\xbf\xbd byte, cut \xef\xbf\xbd");
    json_decref(fc);
    free(out);
    rec_free(&r);
}

static void test_unknown_format_and_write_error(void **state)
{
    (void)state;
    assert_null(rec_writer_new("xml", stdout));
    assert_null(rec_writer_new(NULL, stdout));
    /* /dev/full: every write fails; end reports it. */
    FILE *f = fopen("/dev/full", "w");
    if (!f) {
        print_message("/dev/full absent: write error not checked\n");
        return;
    }
    rec_writer *w = rec_writer_new("csv", f);
    assert_non_null(w);
    rec_event r;
    make_merged(&r);
    int rc = rec_writer_begin(w);
    for (int i = 0; i < 200 && rc == VEILLE_OK; i++)
        rc = rec_writer_put(w, &r);
    if (rc == VEILLE_OK)
        rc = rec_writer_end(w);
    assert_int_equal(rc, VEILLE_EIO);
    rec_writer_free(w);
    fclose(f);
    rec_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_csv_header_exact),
        cmocka_unit_test(test_csv_quoting_and_merged_source),
        cmocka_unit_test(test_csv_field_with_cr_and_quote_only),
        cmocka_unit_test(test_geojson_parses_back),
        cmocka_unit_test(test_jsonl_parses_back),
        cmocka_unit_test(test_json_stays_valid_on_odd_values),
        cmocka_unit_test(test_unknown_format_and_write_error),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * test_outlets.c — an article's outlet gives the country when the text
 * names none (data/common/outlets.txt, extract/assemble.c), with the
 * project's own dictionaries and no gazetteer.
 */
#include "testutil.h"

#include "veille.h"

static int setup(void **state)
{
    veille_options o = {"data", "tests/fixtures/no-gazetteer"};
    veille_ctx *ctx = NULL;
    if (veille_ctx_new(&ctx, &o) != VEILLE_OK) {
        print_error("veille_ctx_new: %s\n", veille_errmsg(ctx));
        veille_ctx_free(ctx);
        return -1;
    }
    *state = ctx;
    return 0;
}

static int teardown(void **state)
{
    veille_ctx_free(*state);
    return 0;
}

/* actor1 of the first event of an English article from `source`. */
static void expect_actor1(const veille_ctx *ctx, const char *source,
                          const char *text, const char *want)
{
    veille_article *a;
    assert_int_equal(veille_article_new(&a), VEILLE_OK);
    assert_int_equal(veille_article_set(a, VEILLE_F_ID, "o", 1), VEILLE_OK);
    assert_int_equal(veille_article_set(a, VEILLE_F_LANG, "en", 2), VEILLE_OK);
    assert_int_equal(veille_article_set(a, VEILLE_F_SOURCE, source,
                                        strlen(source)),
                     VEILLE_OK);
    assert_int_equal(veille_article_set(a, VEILLE_F_TEXT, text, strlen(text)),
                     VEILLE_OK);
    veille_coder *c;
    assert_int_equal(veille_coder_new(&c, ctx), VEILLE_OK);
    assert_int_equal(veille_code(c, a, NULL), VEILLE_OK);
    assert_true(veille_event_count(c) >= 1);
    veille_str s = veille_event_str(veille_event_at(c, 0), "actor1");
    char got[128];
    snprintf(got, sizeof got, "%.*s", (int)s.len, s.ptr);
    assert_string_equal(got, want);
    veille_coder_free(c);
    veille_article_free(a);
}

static const char *const nowhere =
    "Police fired tear gas at students demonstrating for the release of two "
    "of their leaders on Monday.";

static void test_outlet_gives_country(void **state)
{
    expect_actor1(*state, "Radio Omega", nowhere, "Protesters (Burkina Faso)");
    /* one of several outlets, any case and accents */
    expect_actor1(*state, "AFP; studio tamani", nowhere, "Protesters (Mali)");
    expect_actor1(*state, "Urgence Diffa", nowhere, "Protesters (Niger)");
}

static void test_text_country_wins(void **state)
{
    expect_actor1(*state, "Sidwaya",
                  "Malian police fired tear gas at students demonstrating on "
                  "Monday.",
                  "Protesters (Mali)");
}

static void test_unknown_outlet(void **state)
{
    expect_actor1(*state, "Some Wire", nowhere, "Protesters");
    expect_actor1(*state, "", nowhere, "Protesters");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_outlet_gives_country),
        cmocka_unit_test(test_text_country_wins),
        cmocka_unit_test(test_unknown_outlet),
    };
    return cmocka_run_group_tests_name("outlets", tests, setup, teardown);
}

/*
 * dates.c — time expressions, resolved against the publication date.
 *
 *   le 7 novembre 2023 · 7 Nov. 2023 · November 7, 2023 · 07/11/2023 ·
 *   mardi 07 · ce mardi · mardi dernier · on Monday · last Tuesday ·
 *   hier · avant-hier · the previous day · dans la nuit de samedi à
 *   dimanche (a range) · entre le 7 et le 8 novembre (a range) ·
 *   earlier this week (precision 2) · en novembre (precision 3)
 *
 * A date without a year takes the publication's year, or the year before
 * when that would put it after the publication.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "xdoc.h"

long days_from_civil(long y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void civil_from_days(long z, long *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

static int month_days(long y, int m)
{
    static const int md[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return md[m - 1];
}

static int valid(long y, int m, int d)
{
    return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
           d <= month_days(y, m);
}

long parse_iso_date(const char *s, size_t n)
{
    if (!s || n < 10)
        return NO_DATE;
    for (int i = 0; i < 10; i++)
        if (i == 4 || i == 7 ? s[i] != '-' : !(s[i] >= '0' && s[i] <= '9'))
            return NO_DATE;
#define DIG(i) (s[i] - '0')
    long y = DIG(0) * 1000 + DIG(1) * 100 + DIG(2) * 10 + DIG(3);
    int m = DIG(5) * 10 + DIG(6), d = DIG(8) * 10 + DIG(9);
#undef DIG
    return valid(y, m, d) ? days_from_civil(y, m, d) : NO_DATE;
}

/* 1–31 at token t (a number or an ordinal such as 1er), else -1. */
static int day_at(const xdoc *x, size_t t)
{
    if (t >= x->d->ntok)
        return -1;
    const token *k = &x->d->toks[t];
    if (k->kind != TOK_NUMBER && k->kind != TOK_ORDINAL)
        return -1;
    const char *f = tok_fold(x->d, k);
    if (k->flen == 0 || !(f[0] >= '0' && f[0] <= '9') ||
        (k->kind == TOK_NUMBER && memchr(f, '.', k->flen)))
        return -1;
    long v = strtol(f, NULL, 10);
    size_t digits = 0;
    while (digits < k->flen && f[digits] >= '0' && f[digits] <= '9')
        digits++;
    return digits <= 2 && v >= 1 && v <= 31 ? (int)v : -1;
}

static long year_at(const xdoc *x, size_t t)
{
    if (t >= x->d->ntok)
        return -1;
    const token *k = &x->d->toks[t];
    if (k->kind != TOK_NUMBER || k->flen != 4)
        return -1;
    long v = strtol(tok_fold(x->d, k), NULL, 10);
    return v >= 1900 && v <= 2100 ? v : -1;
}

/* Month match at t: its number and the token after it (a period after an
 * abbreviation included), or 0. */
static int month_at(const xdoc *x, size_t t, size_t *end)
{
    const lex_match *m = x_at(x, t, LEX_MONTH);
    if (!m)
        return 0;
    *end = t + m->count;
    if (*end < x->d->ntok && x_is(x, *end, ".") &&
        x->d->toks[*end].off == x->d->toks[*end - 1].off + x->d->toks[*end - 1].len)
        (*end)++;
    return (int)x_entry(x, m)->num;
}

static int weekday_at(const xdoc *x, size_t t)
{
    const lex_match *m = x_at(x, t, LEX_WEEKDAY);
    return m ? (int)x_entry(x, m)->num : 0;
}

/* The weekday of a day number (1 Monday … 7 Sunday). */
static int weekday_of(long day)
{
    /* 1970-01-01 was a Thursday (4). */
    return (int)(((day % 7) + 7 + 3) % 7 + 1);
}

/* "samedi 4 novembre" in an article with no year and no publication
 * date: the latest year, up to today, in which 4 November was a Saturday
 * (the weekday cycle repeats within 28 years). */
static long year_from_weekday(int m, int d, int wd)
{
    long today = (long)(time(NULL) / 86400);
    long ty;
    int tm, td;
    civil_from_days(today, &ty, &tm, &td);
    for (long y = ty; y > ty - 28; y--) {
        if (!valid(y, m, d))
            continue;
        long day = days_from_civil(y, m, d);
        if (day <= today && weekday_of(day) == wd)
            return y;
    }
    return -1;
}

/* Day d of month m, with year y or (y < 0) the publication's year — the
 * year before if that lands after the publication; without a publication
 * date, the year the weekday wd (0: none named) gives. */
static long resolve_wd(const xdoc *x, long y, int m, int d, int wd)
{
    if (y < 0 && x->pub == NO_DATE && wd > 0)
        y = year_from_weekday(m, d, wd);
    if (y < 0) {
        if (x->pub == NO_DATE)
            return NO_DATE;
        long py;
        int pm, pd;
        civil_from_days(x->pub, &py, &pm, &pd);
        y = py;
        if (valid(y, m, d) && days_from_civil(y, m, d) > x->pub + 1)
            y--;
    }
    return valid(y, m, d) ? days_from_civil(y, m, d) : NO_DATE;
}

static long resolve(const xdoc *x, long y, int m, int d)
{
    return resolve_wd(x, y, m, d, 0);
}

/* Weekday wd (1 Monday) on or before the publication; strictly before
 * when `last`.  When the day of publication is unknown (a month only, or
 * none), the first such weekday from the text's latest full date on: a
 * report dates its older incidents ("Le 12 septembre, le CSP avait
 * attaqué Bourem") and names the newest by weekday ("dimanche"). */
static long weekday_date(const xdoc *x, int wd, int last)
{
    if (x->pub == NO_DATE)
        return NO_DATE;
    if (x->pub_derived || x->pub_month) {
        if (x->anchor == NO_DATE)
            return NO_DATE;
        long day = x->anchor + (wd - weekday_of(x->anchor) + 7) % 7;
        return day <= x->pub || x->pub_derived ? day : NO_DATE;
    }
    long pw = weekday_of(x->pub);
    long off = (pw - wd + 7) % 7;
    if (last && off == 0)
        off = 7;
    return x->pub - off;
}

/* Day of month alone ("mardi 07"): in the publication's month, or the
 * month before when it is later than the publication's day. */
static long day_alone(const xdoc *x, int d)
{
    if (x->pub == NO_DATE)
        return NO_DATE;
    long y;
    int m, pd;
    civil_from_days(x->pub, &y, &m, &pd);
    if (d > pd + 1) {
        if (--m == 0) {
            m = 12;
            y--;
        }
    }
    return valid(y, m, d) ? days_from_civil(y, m, d) : NO_DATE;
}

static long day_month(const xdoc *x, size_t t, size_t *end);

/* "Bourem le 12 septembre. Léré, le 17.": a day of the month alone, in
 * the month of the full date the text named last before token t (the
 * month after when the day is smaller), or NO_DATE. */
static long day_after_date(const xdoc *x, size_t t, int d)
{
    for (size_t j = t; j-- > 0 && j + 200 > t;) {
        if (day_at(x, j) < 0)
            continue;
        size_t e;
        long prev = day_month(x, j, &e);
        if (prev == NO_DATE)
            continue;
        long y;
        int m, pd;
        civil_from_days(prev, &y, &m, &pd);
        if (d < pd && ++m == 13) {
            m = 1;
            y++;
        }
        return valid(y, m, d) ? days_from_civil(y, m, d) : NO_DATE;
    }
    return NO_DATE;
}

/* "a annoncé mercredi que … la veille": a day before the date just named,
 * when "la veille" / "the previous day" follows it in the sentence. */
static size_t veille_after(const xdoc *x, size_t from, size_t *count)
{
    /* from is the token after the date: it may be the end of the text */
    if (from == 0 || from >= x->d->ntok)
        return 0;
    const sentence *s = &x->d->sents[x->d->toks[from - 1].sent];
    for (size_t t = from; t < s->first + s->count; t++) {
        const lex_match *m = x_at(x, t, LEX_RELTIME);
        if (m && (!strcmp(x_entry(x, m)->id, "veille") ||
                  !strcmp(x_entry(x, m)->id, "previous_day"))) {
            *count = m->count;
            return t;
        }
    }
    return 0;
}

static int found(xdoc *x, xdate *out, long day, long end, int prec,
                 size_t first, size_t stop)
{
    if (day == NO_DATE)
        return 0;
    /* only when the date is the report's ("a annoncé mercredi … la
     * veille"), not the event's ("On July 9, … abducted the day before") */
    int reported = 0;
    for (size_t j = first; j-- > 0 && j + 4 > first && !reported;)
        reported = x_at(x, j, LEX_REPORT) != NULL;
    /* a sentence that opens on its date ("On July 9, …") dates its event */
    const sentence *sn = first < x->d->ntok ? &x->d->sents[x->d->toks[first].sent] : NULL;
    int lead = sn && first <= sn->first + 1;
    size_t vc, v = prec == 1 && (reported || !lead) ? veille_after(x, stop, &vc) : 0;
    if (v) {
        for (size_t i = first; i < stop; i++)
            x->tf[i] |= XT_DATE;
        first = v;
        stop = v + vc;
        day -= 1;
        end = NO_DATE;
    }
    out->day = day;
    out->end = end != NO_DATE && end > day ? end : NO_DATE;
    out->prec = prec;
    out->first = (uint32_t)first;
    out->count = (uint32_t)(stop - first);
    for (size_t i = first; i < stop; i++)
        x->tf[i] |= XT_DATE;
    return 1;
}

/* Day, month and optional year from token t: "7 novembre 2023",
 * "7 Nov.", "1er mars".  Returns the date and sets *end, or NO_DATE. */
static long day_month(const xdoc *x, size_t t, size_t *end)
{
    int d = day_at(x, t);
    size_t e;
    int m;
    if (d < 0)
        return NO_DATE;
    size_t n = t + 1;
    if (n < x->d->ntok && (x_is(x, n, "de") || x_is(x, n, "of")))
        n++; /* "the 7th of November" */
    if (!(m = month_at(x, n, &e)))
        return NO_DATE;
    long y = year_at(x, e);
    if (y < 0 && e < x->d->ntok && x_is(x, e, ",") && year_at(x, e + 1) > 0)
        y = year_at(x, ++e);
    *end = y > 0 ? e + 1 : e;
    int wd = t > 0 ? weekday_at(x, t - 1) : 0;
    return resolve_wd(x, y, m, d, wd);
}

/* "KIDAL, 8 NOVEMBRE (ASPAMNEWS)-", "BAMAKO, 7 nov. –": a dateline opens
 * the text with the place and day of the report, not of the event.
 * Returns the token after it, or 0. */
static size_t dateline_end(const xdoc *x)
{
    const textdoc *d = x->d;
    size_t t = 0;
    while (t < d->ntok && t < 4 && d->toks[t].kind == TOK_WORD &&
           (d->toks[t].flags & TOKF_UPPER))
        t++;
    if (t == 0 || t >= d->ntok || !x_is(x, t, ","))
        return 0;
    for (size_t j = t + 1; j < d->ntok && j < t + 10; j++) {
        if (x_is(x, j, "(")) {
            while (j < d->ntok && j < t + 24 && !x_is(x, j, ")"))
                j++;
            return j < d->ntok ? j + 1 : 0;
        }
        if (x_is(x, j, "-") || x_is(x, j, "\xe2\x80\x94") ||
            x_is(x, j, "\xe2\x80\x93"))
            return j + 1;
    }
    return 0;
}

static int first_date(xdoc *x, size_t from, size_t to, xdate *out)
{
    const textdoc *d = x->d;
    size_t dl = from < 12 ? dateline_end(x) : 0;
    if (from < dl && dl < to)
        from = dl;
    for (size_t t = from; t < to; t++) {
        const token *k = &d->toks[t];
        size_t e;
        long day;

        /* 07/11/2023: day first, unless only the other order is a date */
        if (k->kind == TOK_DATE) {
            const char *f = tok_fold(d, k);
            char *p;
            long a = strtol(f, &p, 10), b = strtol(p + 1, &p, 10),
                 y = strtol(p + 1, NULL, 10);
            if (y < 100)
                y += y < 70 ? 2000 : 1900;
            if (a > 12 || !(x->lang == LANG_EN && b > 12))
                day = valid(y, (int)b, (int)a) ? days_from_civil(y, (int)b, (int)a) : NO_DATE;
            else
                day = valid(y, (int)a, (int)b) ? days_from_civil(y, (int)a, (int)b) : NO_DATE;
            if (found(x, out, day, NO_DATE, 1, t, t + 1))
                return 1;
            continue;
        }

        /* Ranges: entre le 7 et le 8 novembre, du 7 au 9 mai, between 7
         * and 8 November, 7-8 November */
        int d1 = day_at(x, t);
        if (d1 > 0) {
            size_t n = t + 1;
            if (n < to && (x_is(x, n, "et") || x_is(x, n, "au") ||
                           x_is(x, n, "and") || x_is(x, n, "-") ||
                           x_is(x, n, "to"))) {
                n++;
                if (n < to && (x_is(x, n, "le") || x_is(x, n, "the")))
                    n++;
                if (n + 1 < to && weekday_at(x, n))
                    n++; /* "entre le samedi 4 et le mercredi 8 novembre" */
                long end_day = day_month(x, n, &e);
                if (end_day != NO_DATE && day_at(x, n) >= d1) {
                    long y;
                    int m, dd;
                    civil_from_days(end_day, &y, &m, &dd);
                    day = valid(y, m, d1) ? days_from_civil(y, m, d1) : NO_DATE;
                    if (found(x, out, day, end_day, 1, t, e))
                        return 1;
                }
            }
            day = day_month(x, t, &e);
            if (found(x, out, day, NO_DATE, 1, t, e))
                return 1;
            /* "Léré, le 17." */
            if (day == NO_DATE && t > from && x_is(x, t - 1, "le") &&
                (t + 1 >= to || d->toks[t + 1].kind == TOK_PUNCT) &&
                found(x, out, day_after_date(x, t, d1), NO_DATE, 1, t - 1, t + 1))
                return 1;
        }

        /* November 7, 2023 · Nov. 7 · June 4th */
        int mo = month_at(x, t, &e);
        if (mo) {
            int dd = day_at(x, e);
            if (dd > 0) {
                size_t n = e + 1;
                long y = year_at(x, n);
                if (y < 0 && n < to && x_is(x, n, ",") && year_at(x, n + 1) > 0)
                    y = year_at(x, ++n);
                if (found(x, out, resolve(x, y, mo, dd), NO_DATE, 1, t,
                          y > 0 ? n + 1 : n))
                    return 1;
            }
            /* en novembre, in November 2023, début mai: the month only.
             * A bare English "may" is a verb, so English wants a capital
             * or a year. */
            long y = year_at(x, e);
            int cue = t > from && (x_is(x, t - 1, "en") || x_is(x, t - 1, "in") ||
                                   x_is(x, t - 1, "de") || x_is(x, t - 1, "since") ||
                                   x_is(x, t - 1, "depuis") || x_is(x, t - 1, "mi") ||
                                   x_is(x, t - 1, "debut") || x_is(x, t - 1, "fin") ||
                                   x_is(x, t - 1, "early") || x_is(x, t - 1, "late") ||
                                   x_is(x, t - 1, "mid"));
            if ((y > 0 || cue) &&
                (x->lang == LANG_FR || (k->flags & TOKF_CAP))) {
                /* ACLED dates a month-precise event on the 15th */
                long first = resolve(x, y, mo, 1);
                if (found(x, out, first == NO_DATE ? NO_DATE : first + 14,
                          NO_DATE, 3, t, y > 0 ? e + 1 : e))
                    return 1;
            }
        }

        /* Weekdays */
        int wd = weekday_at(x, t);
        if (wd) {
            const lex_match *wm = x_at(x, t, LEX_WEEKDAY);
            size_t n = t + wm->count;
            /* mardi 7 novembre / mardi 07 / Thursday, 30 November */
            if (n + 1 < to && x_is(x, n, ",") && day_at(x, n + 1) > 0 &&
                month_at(x, n + 2, &e))
                n++;
            int dd = day_at(x, n);
            /* "samedi 4 et mercredi 8 novembre": the range, read from the
             * day on */
            if (dd > 0 && n + 1 < to &&
                (x_is(x, n + 1, "et") || x_is(x, n + 1, "au") ||
                 x_is(x, n + 1, "and") || x_is(x, n + 1, "to") ||
                 x_is(x, n + 1, "-")))
                continue;
            if (dd > 0) {
                day = day_month(x, n, &e);
                if (day == NO_DATE) {
                    day = day_alone(x, dd);
                    e = n + 1;
                }
                if (found(x, out, day, NO_DATE, 1, t, e))
                    return 1;
            }
            /* nuit de samedi à dimanche */
            if (n + 1 < to && (x_is(x, n, "a") || x_is(x, n, "au") ||
                               x_is(x, n, "to") || x_is(x, n, "into"))) {
                int wd2 = weekday_at(x, n + 1);
                if (wd2) {
                    long d2 = weekday_date(x, wd2, 0);
                    long d0 = d2 == NO_DATE ? NO_DATE : d2 - ((wd2 - wd + 7) % 7);
                    if (found(x, out, d0, d2, 1, t, n + 2))
                        return 1;
                }
            }
            int last = (n < to && (x_is(x, n, "dernier") || x_is(x, n, "passe"))) ||
                       (t > from && (x_is(x, t - 1, "last") || x_is(x, t - 1, "past")));
            size_t st = t > from && (x_is(x, t - 1, "last") || x_is(x, t - 1, "ce") ||
                                     x_is(x, t - 1, "this") || x_is(x, t - 1, "on"))
                            ? t - 1
                            : t;
            if (found(x, out, weekday_date(x, wd, last), NO_DATE, 1, st,
                      last && n < to && !x_is(x, t - 1, "last") ? n + 1 : n))
                return 1;
        }

        /* hier, avant-hier, the previous day, last week, earlier this week */
        const lex_match *rm = x_at(x, t, LEX_RELTIME);
        /* "hier (samedi)": the weekday is what the writer checked */
        if (rm && t + rm->count + 1 < to && x_is(x, t + rm->count, "(") &&
            weekday_at(x, t + rm->count + 1))
            rm = NULL;
        if (rm && x->pub != NO_DATE && !x->pub_derived && !x->pub_month) {
            const lex_entry *re = x_entry(x, rm);
            int week = strncmp(re->id, "week_", 5) == 0;
            if (found(x, out, x->pub + re->num, NO_DATE, week ? 2 : 1, t,
                      t + rm->count))
                return 1;
        }
    }
    return 0;
}

/* A date that is not when something happened: "since September 26th",
 * "depuis le 3 mars", "elections scheduled for 7th February", "prévue le
 * 12 juin", "until Friday". */
static int other_time(const xdoc *x, size_t from, size_t first)
{
    static const char *const cue[] = {
        "since", "depuis", "until", "till", "jusqu'au", "jusqu'a",
        "jusqu'", "scheduled", "planned", "slated", "prevu", "prevue",
        "prevus", "prevues", "programme", "programmee", NULL};
    static const char *const skip[] = {"the", "le", "la", "l'", "on", "for",
                                       "pour", "to", "au", "du", NULL};
    size_t j = first;
    while (j > from && x_in(x, j - 1, skip) && j + 3 > first)
        j--;
    return j > from && x_in(x, j - 1, cue);
}

/* The event's date in [from, to): the first date expression that is not
 * another time (other_time), unless it is the day a report was made ("a
 * annoncé le 27 janvier la mort de … au cours des combats du dimanche 26
 * janvier") and another date follows. */
int x_date(xdoc *x, size_t from, size_t to, xdate *out)
{
    if (!first_date(x, from, to, out))
        return 0;
    while (other_time(x, from, out->first)) {
        size_t next = out->first + out->count;
        if (next >= to || !first_date(x, next, to, out))
            return 0;
    }
    int reported = 0;
    for (size_t j = out->first; j-- > from && j + 4 > out->first && !reported;)
        reported = x_at(x, j, LEX_REPORT) != NULL;
    if (!reported)
        return 1;
    xdate later;
    size_t next = out->first + out->count;
    if (next < to && first_date(x, next, to, &later) && later.day != NO_DATE &&
        later.day <= out->day)
        *out = later;
    return 1;
}

/*
 * article.c — articles built by a program (readers fill theirs directly).
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

int veille_article_new(veille_article **out)
{
    *out = calloc(1, sizeof **out);
    if (!*out)
        return VEILLE_ENOMEM;
    (*out)->origin = "";
    for (int i = 0; i < VEILLE_F_COUNT_; i++)
        (*out)->f[i] = (veille_str){"", 0};
    return VEILLE_OK;
}

int veille_article_set(veille_article *a, veille_field f, const char *s,
                       size_t len)
{
    if ((int)f < 0 || f >= VEILLE_F_COUNT_ || (!s && len))
        return VEILLE_EINVAL;
    char *copy = malloc(len + 1);
    if (!copy)
        return VEILLE_ENOMEM;
    if (len)
        memcpy(copy, s, len);
    copy[len] = '\0';
    free(a->own[f]);
    a->own[f] = copy;
    a->f[f] = (veille_str){copy, len};
    return VEILLE_OK;
}

void veille_article_free(veille_article *a)
{
    if (!a)
        return;
    for (int i = 0; i < VEILLE_F_COUNT_; i++)
        free(a->own[i]);
    free(a);
}

veille_str veille_article_get(const veille_article *a, veille_field f)
{
    if ((int)f < 0 || f >= VEILLE_F_COUNT_)
        return (veille_str){"", 0};
    return a->f[f];
}

const char *veille_article_origin(const veille_article *a)
{
    return a->origin ? a->origin : "";
}

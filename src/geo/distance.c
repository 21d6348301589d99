/*
 * distance.c — how far apart two points of the globe are.
 */
#include <math.h>

#include "geo.h"

double gaz_km(double lat1, double lon1, double lat2, double lon2)
{
    const double r = 6371.0088, rad = M_PI / 180.0;
    double dlat = (lat2 - lat1) * rad, dlon = (lon2 - lon1) * rad;
    double a = sin(dlat / 2) * sin(dlat / 2) +
               cos(lat1 * rad) * cos(lat2 * rad) * sin(dlon / 2) *
                   sin(dlon / 2);
    return 2 * r * asin(sqrt(a < 1 ? a : 1));
}

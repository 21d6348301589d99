/*
 * format.h — the layout of the gazetteer index file, shared by the writer
 * (write.c) and the reader (open.c, lookup.c).  Private to src/geo/.
 *
 * Every integer is little-endian whatever the machine; records have fixed
 * sizes and every section starts on an 8-byte boundary, so that the reader
 * uses the mapping as it is, without parsing.
 *
 *   header (GZ_HEADER_SIZE bytes)
 *     0   magic "VEILLEGZ"
 *     8   u32 version (GZ_VERSION)
 *     12  u32 byte-order mark 0x01020304 (reads as 0x04030201 when a file
 *         was written in the other byte order)
 *     16  u64 file size
 *     24  u32 number of sections (GZ_NSECT), u32 reserved (0)
 *     32  GZ_NSECT × { u64 offset, u32 count, u32 record size }
 *   sections, in the order of gz_section:
 *     places    GZ_PLACE_SIZE each, sorted by geonameid
 *     names     { u32 folded key (string), u32 place } sorted by key bytes
 *               (unsigned, as strcmp), then population (highest first),
 *               populated places first, geonameid
 *     strings   NUL-terminated UTF-8; offset 0 is ""; the last byte is NUL,
 *               so any offset inside is a terminated string ("count" is
 *               the size in bytes, record size 1)
 *     admin1    GZ_ADMIN1_SIZE each, sorted by folded name, then code
 *     admin2    { u32 code, u32 name }
 *     admin3    { u32 code, u32 name }
 *     countries GZ_COUNTRY_SIZE each, sorted by ISO code
 *     keys      GZ_KEY_SIZE each: a hash table of every distinct folded
 *               key of the name table and every word prefix of one (the
 *               bytes before a space: "vallee" and "vallee de" of
 *               "vallee de l' azaouak"), so that a lookup is a probe or
 *               two rather than two binary searches (see below)
 *
 * A place (48 bytes):
 *     0 u32 geonameid   4 f32 latitude   8 f32 longitude   12 u32 population
 *     16 u32 name (string)
 *     20 u32 admin1, 24 u32 admin2, 28 u32 admin3 (indexes, GZ_NONE if none)
 *     32 char[8] feature code, NUL-padded
 *     40 char[2] country code   42 char feature class   43 u8 0
 *     44 u32 country (index into countries, GZ_NONE if none)
 * An admin1 (24 bytes):
 *     0 u32 code ("ML.10")  4 u32 name ("Kidal")  8 u32 folded name
 *     12 u32 best place (seat, else most populous populated place; see
 *        build.c; GZ_NONE if none)
 *     16 u32 number of places   20 char[2] country code, 2 bytes 0
 * A country (32 bytes):
 *     0 char[2] ISO, char[3] ISO3, 3 bytes 0   8 u32 ISO numeric
 *     12 u32 name   16 u32 capital (names)   20 u32 best place (capital,
 *     else as for admin1; GZ_NONE)   24 u32 number of places
 *     28 u32 flags: GZ_COUNTRY_DEEP when the import had the country's full
 *        dump (at least GZ_DEEP_MIN wells, wadis, hills… beside its towns;
 *        cities500 has towns only).  Indexes written before the flag have
 *        0 here, which reads as "no country in depth".
 *
 * A key (8 bytes), one slot of the table:
 *     0 u32 name: the first entry of the name table with this key; for a
 *        key that is only a prefix, the first entry whose key starts with
 *        it and a space (either way, where the key's bytes can be read)
 *     4 u32 info: bits 0-29 the tag, the high 30 bits of
 *        gz_key_hash(key); bit 30 (GZ_KEY_EXACT) set when name entries
 *        have this key; bit 31 (GZ_KEY_PREFIX) set when some key starts
 *        with it and a space; 0 for an empty slot
 *   A key's first slot is gz_key_slot(gz_key_hash(key), number of slots);
 *   taken slots are passed over to the next one (wrapping), and a search
 *   ends at an empty slot: the importer leaves a third of them empty.
 *   The entries with a key follow each other from `name` on and share
 *   the offset of their key (the pool holds each string once).
 *
 * Any change to this layout, or to what the importer puts in it (3: the
 * prenasal spellings; 4: admin1 filled from the nearest place), bumps
 * GZ_VERSION: an old index is then refused
 * with a message asking to import again.
 */
#ifndef VEILLE_GEO_FORMAT_H
#define VEILLE_GEO_FORMAT_H

#include <stdint.h>
#include <string.h>

#define GZ_MAGIC "VEILLEGZ"
#define GZ_VERSION 4u
#define GZ_BOM 0x01020304u
#define GZ_NONE 0xFFFFFFFFu

enum gz_section {
    GZ_S_PLACES,
    GZ_S_NAMES,
    GZ_S_STRINGS,
    GZ_S_ADMIN1,
    GZ_S_ADMIN2,
    GZ_S_ADMIN3,
    GZ_S_COUNTRIES,
    GZ_S_KEYS,
    GZ_NSECT
};

#define GZ_HEADER_SIZE (32 + 16 * GZ_NSECT)
#define GZ_PLACE_SIZE 48
#define GZ_NAME_SIZE 8
#define GZ_ADMIN1_SIZE 24
#define GZ_ADMIN_SIZE 8
#define GZ_COUNTRY_SIZE 32
#define GZ_KEY_SIZE 8
#define GZ_COUNTRY_DEEP 1u /* country flags: imported in depth */
#define GZ_DEEP_MIN 100u   /* non-town places that make a country deep */
#define GZ_KEY_TAG 0x3FFFFFFFu    /* info: bits of the hash */
#define GZ_KEY_EXACT 0x40000000u  /* info: names have this key */
#define GZ_KEY_PREFIX 0x80000000u /* info: a prefix of longer keys */

/* Record size of a section, as the header must state it. */
static inline uint32_t gz_record_size(int section)
{
    switch (section) {
    case GZ_S_PLACES: return GZ_PLACE_SIZE;
    case GZ_S_NAMES: return GZ_NAME_SIZE;
    case GZ_S_STRINGS: return 1;
    case GZ_S_ADMIN1: return GZ_ADMIN1_SIZE;
    case GZ_S_COUNTRIES: return GZ_COUNTRY_SIZE;
    case GZ_S_KEYS: return GZ_KEY_SIZE;
    default: return GZ_ADMIN_SIZE;
    }
}

/* Little-endian access; memcpy keeps it free of alignment assumptions and
 * compiles to a plain load on little-endian machines. */
static inline uint32_t gz_le32(const void *p)
{
    const unsigned char *b = p;
    return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 |
           (uint32_t)b[3] << 24;
}

static inline uint64_t gz_le64(const void *p)
{
    const unsigned char *b = p;
    return (uint64_t)gz_le32(b) | (uint64_t)gz_le32(b + 4) << 32;
}

static inline void gz_put32(void *p, uint32_t v)
{
    unsigned char *b = p;
    b[0] = (unsigned char)v;
    b[1] = (unsigned char)(v >> 8);
    b[2] = (unsigned char)(v >> 16);
    b[3] = (unsigned char)(v >> 24);
}

static inline void gz_put64(void *p, uint64_t v)
{
    gz_put32(p, (uint32_t)v);
    gz_put32((unsigned char *)p + 4, (uint32_t)(v >> 32));
}

static inline float gz_f32(const void *p)
{
    uint32_t u = gz_le32(p);
    float f;
    memcpy(&f, &u, sizeof f);
    return f;
}

static inline void gz_putf32(void *p, float f)
{
    uint32_t u;
    memcpy(&u, &f, sizeof u);
    gz_put32(p, u);
}

/* The hash of the key table: 64-bit FNV-1a of the key's bytes.  Part of
 * the format: the importer and the reader must agree on it. */
static inline uint64_t gz_key_hash(const void *p, size_t n)
{
    const unsigned char *s = p;
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ s[i]) * 1099511628211ull;
    return h;
}

/* First slot of a key of hash h in a table of nslots slots: the low 32
 * bits of h scaled to [0, nslots). */
static inline uint32_t gz_key_slot(uint64_t h, uint32_t nslots)
{
    return (uint32_t)(((h & 0xFFFFFFFFu) * nslots) >> 32);
}

/* The tag of a key of hash h (its slot's info holds it). */
static inline uint32_t gz_key_tag(uint64_t h)
{
    return (uint32_t)(h >> 34);
}

#endif

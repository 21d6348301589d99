/*
 * schema_postgresql.c — the PostgreSQL schema, embedded in the library as
 * the file stands, the same way as the SQLite one (schema_sqlite.c): the
 * assembler's .incbin copies src/store/schema/postgresql.sql into a
 * read-only symbol, followed by a NUL.  The path is relative to the
 * repository root, where make runs the compiler; the Makefile makes this
 * object depend on the .sql file.
 */

/* A symbol holding the file's bytes and a terminating NUL. */
#define VEILLE_INCBIN(sym, file)                                            \
    __asm__(".pushsection .rodata\n"                                        \
            ".global " #sym "\n"                                            \
            ".hidden " #sym "\n"                                            \
            ".type " #sym ", @object\n"                                     \
            ".balign 16\n" #sym ":\n"                                       \
            ".incbin \"" file "\"\n"                                        \
            ".byte 0\n"                                                     \
            ".size " #sym ", . - " #sym "\n"                                \
            ".popsection\n")

VEILLE_INCBIN(store_pg_schema, "src/store/schema/postgresql.sql");

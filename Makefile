# veille — build, test, demo, benchmark.
#
#   make          library (static and shared) and the CLI at build/veille
#   make demo     set up if needed, build, code the examples
#   make check    set up if needed, build, run every test, then again under
#                 AddressSanitizer + UBSan, then short fuzz runs
#   make bench    optimised build, MB/s, articles/s and peak RSS
#   make fuzz     long fuzz runs (FUZZ_SECONDS each, default 300)
#   make eval     score against ../shared/eval (skips when absent)

CC      ?= cc
CLANG   ?= clang
# Unicode (utf8proc), the embedded store (SQLite), the team store (libpq).
PKGS    := libutf8proc sqlite3 libpq
# Tests also read veille's JSON back with a real JSON library.
TEST_PKGS := cmocka jansson
CSTD    := -std=c17 -D_GNU_SOURCE
WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wvla
OPT     ?= -O2 -g
DICT_DIR ?= $(CURDIR)/data
DATA_DIR ?= $(CURDIR)/var
DEFS    := -DVEILLE_DEFAULT_DICT='"$(DICT_DIR)"' -DVEILLE_DEFAULT_DATA='"$(DATA_DIR)"'
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null || echo -lutf8proc -lsqlite3 -lpq) -lm
CFLAGS_ALL = $(CSTD) $(WARN) $(OPT) -fPIC -Iinclude -Isrc/core $(DEFS) $(PKG_CFLAGS) $(CFLAGS)

B ?= build

LIB_SRC := $(wildcard src/core/*.c src/text/*.c src/lexicon/*.c \
                      src/extract/*.c src/read/*.c src/export/*.c src/geo/*.c \
                      src/store/*.c src/resolve/*.c)
CLI_SRC := $(wildcard src/cli/*.c)
UNIT_SRC := $(wildcard tests/unit/test_*.c)
FUZZ_SRC := $(wildcard fuzz/fuzz_*.c)

LIB_OBJ  = $(LIB_SRC:%.c=$(B)/obj/%.o)
CLI_OBJ  = $(CLI_SRC:%.c=$(B)/obj/%.o)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)

SETUP_STAMP := var/.setup-done

.PHONY: all setup demo check test test-san test-clang fuzz-short fuzz bench \
        eval clean help
all: $(B)/veille $(B)/libveille.a $(B)/libveille.so

$(B)/obj/%.o: %.c $(wildcard include/*.h src/*/*.h)
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(CFLAGS_ALL) -c $< -o $@
# The PostgreSQL schema too (src/store/schema_postgresql.c).
$(B)/obj/src/store/schema_postgresql.o: src/store/schema/postgresql.sql

# The schema is embedded with .incbin (src/store/schema_sqlite.c).
$(B)/obj/src/store/schema_sqlite.o: src/store/schema/sqlite.sql

$(B)/libveille.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(B)/libveille.so: $(LIB_OBJ)
	$(CC) -shared -o $@ $^ $(LDFLAGS) $(PKG_LIBS)

$(B)/veille: $(CLI_OBJ) $(B)/libveille.a
	$(CC) $(OPT) $(LDFLAGS) -o $@ $(CLI_OBJ) $(B)/libveille.a $(PKG_LIBS)

$(B)/tests/%: tests/unit/%.c tests/unit/testutil.h $(B)/libveille.a
	@mkdir -p $(dir $@)
	@echo "  CCLD    $@"
	@$(CC) $(CFLAGS_ALL) -Isrc -Itests/unit $(shell pkg-config --cflags $(TEST_PKGS)) \
	  -o $@ $< $(B)/libveille.a $(PKG_LIBS) $(shell pkg-config --libs $(TEST_PKGS)) $(LDFLAGS)

# --- set-up -----------------------------------------------------------------
$(SETUP_STAMP): scripts/setup
	scripts/setup
	@mkdir -p $(dir $@) && touch $@

setup:
	scripts/setup
	@mkdir -p $(dir $(SETUP_STAMP)) && touch $(SETUP_STAMP)

# The default gazetteer: cities500 (fetched by scripts/setup) with the
# admin1 and country tables shipped in data/geonames, compiled.
GAZ := var/gazetteer.idx
GAZ_SRC := var/geonames/cities500.txt data/geonames/admin1CodesASCII.txt \
           data/geonames/countryInfo.txt
# format.h: an index of another format version must be imported again.
$(GAZ): $(GAZ_SRC) src/geo/format.h | $(B)/veille
	$(B)/veille gazetteer import -q --data var $(GAZ_SRC)
var/geonames/cities500.txt:
	scripts/setup --no-packages

# --- demo -------------------------------------------------------------------
demo: $(SETUP_STAMP)
	$(MAKE) --no-print-directory all $(GAZ)
	$(B)/veille code --format table examples/
	$(B)/veille code -q examples/ > events.jsonl
	@echo "events written to events.jsonl"
	rm -f demo.db demo.db-wal demo.db-shm
	$(B)/veille ingest -q --db demo.db examples/
	$(B)/veille events -q --db demo.db --format csv -o events.csv
	$(B)/veille events -q --db demo.db --format geojson -o events.geojson
	@echo "store: demo.db (sqlite3 demo.db .schema); exports: events.csv, events.geojson"

# --- tests ------------------------------------------------------------------
# `make check` is the README's test command and what CI runs.
check: $(SETUP_STAMP)
	$(MAKE) --no-print-directory test
	$(MAKE) --no-print-directory test-san
	$(MAKE) --no-print-directory test-clang
	$(MAKE) --no-print-directory fuzz-short
	@echo "make check: all suites passed"

# One build's suites: unit (cmocka), golden (library and CLI), bad input.
test: all $(UNIT_BIN) $(GAZ)
	tests/run-unit.sh $(B)
	tests/golden/run.sh $(B)
	tests/golden/extract.py --known tests/golden/extract.known $(B)
	tests/badinput/run.sh $(B)
	tests/store/run.sh $(B)
	tests/export/run.sh $(B)
	tests/pg/run.sh $(B)
	tests/shared/run.sh $(B)

SAN := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
test-san:
	$(MAKE) --no-print-directory B=build/san OPT="-O1 -g $(SAN)" LDFLAGS="$(SAN)" test

test-clang:
	$(MAKE) --no-print-directory B=build/clang CC=$(CLANG) all

FUZZ_SECONDS ?= 300
FUZZ_FLAGS := -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -g -O1
$(B)/fuzz/%: fuzz/%.c $(LIB_SRC) $(wildcard include/*.h src/*/*.h)
	@mkdir -p $(dir $@)
	$(CLANG) $(CSTD) $(WARN) $(FUZZ_FLAGS) -Iinclude -Isrc/core -Isrc $(DEFS) \
	  $(PKG_CFLAGS) -o $@ $< $(LIB_SRC) $(PKG_LIBS)

FUZZ_BIN = $(FUZZ_SRC:fuzz/%.c=build/fuzz/%)
fuzz-short:
	$(MAKE) --no-print-directory B=build $(FUZZ_BIN)
	fuzz/run.sh 20 $(FUZZ_BIN)

fuzz:
	$(MAKE) --no-print-directory B=build $(FUZZ_BIN)
	fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_BIN)

# --- bench and eval ---------------------------------------------------------
bench: $(SETUP_STAMP)
	$(MAKE) --no-print-directory B=build/bench OPT="-O3 -march=native -DNDEBUG" all $(GAZ)
	bench/run.sh build/bench/veille

eval: all
	scripts/eval $(B)/veille

clean:
	rm -rf build events.jsonl events.csv events.geojson demo.db demo.db-wal demo.db-shm

help:
	@sed -n '3,10p' Makefile

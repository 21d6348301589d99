-- sqlite.sql — veille's store, SQLite flavour.
--
-- Embedded in the library as it stands (src/store/schema_sqlite.c), cut into
-- migrations at the "-- migration N: why" lines.  The backend records the
-- last migration applied in schema_migrations and, at open, applies the
-- newer ones in one transaction.  Never edit a migration that has shipped:
-- add a new one below.  Comments inside the CREATE statements are kept by
-- SQLite, so `sqlite3 veille.db .schema` explains every table and column.
--
-- Empty text fields are stored as '' and unknown numbers as NULL.

-- Before the first migration: what runs at every open.
CREATE TABLE IF NOT EXISTS schema_migrations (
    -- One row per migration of veille's schema applied to this file.
    version INTEGER PRIMARY KEY,        -- the migration's number
    why TEXT NOT NULL DEFAULT '',       -- what it was for (its header line)
    applied_at TEXT NOT NULL            -- when, UTC, YYYY-MM-DDTHH:MM:SSZ
);

-- migration 1: the first schema (articles, events, their sources, rejects)

CREATE TABLE articles (
    -- One row per article coded and kept, whatever the number of events
    -- it gave: ingest skips an article whose id or content is already here.
    id TEXT NOT NULL UNIQUE,            -- the article's id (given, or a hash of its content)
    hash TEXT NOT NULL UNIQUE,          -- hex hash of title + text: the same text under another id is the same article
    url TEXT NOT NULL DEFAULT '',       -- where it was published
    outlet TEXT NOT NULL DEFAULT '',    -- the article's `source` field (the outlet's name)
    published TEXT NOT NULL DEFAULT '', -- publication date, YYYY-MM-DD (as given)
    lang TEXT NOT NULL DEFAULT '',      -- the language it was coded in (fr, en)
    title TEXT NOT NULL DEFAULT '',     -- its title
    origin TEXT NOT NULL DEFAULT '',    -- where it was read: file.jsonl:LINE, or a file name
    nevents INTEGER NOT NULL DEFAULT 0, -- events the coder found in it (before merging across articles)
    ingested_at TEXT NOT NULL           -- when it was stored, UTC, YYYY-MM-DDTHH:MM:SSZ
);

CREATE TABLE events (
    -- One row per event after resolution across articles: reports of one
    -- event (same type, ±1 day, same place, compatible actors) are merged
    -- into one row whose sources are in event_sources.  Columns follow
    -- src/core/event.h in order, under ACLED's names.
    id INTEGER PRIMARY KEY,                -- the store's id of the event
    article_id TEXT NOT NULL DEFAULT '',   -- the first article it was read from
    event_id_cnty TEXT NOT NULL DEFAULT '',-- event id: first article's id + "-" + n
    event_date TEXT NOT NULL DEFAULT '',   -- YYYY-MM-DD, the earliest date reported
    year INTEGER,                          -- year of event_date
    time_precision INTEGER,                -- 1 the day, 2 the week, 3 the month
    disorder_type TEXT NOT NULL DEFAULT '',-- Political violence, Demonstrations, Strategic developments
    event_type TEXT NOT NULL DEFAULT '',   -- ACLED event type ('' for political events ACLED does not code)
    sub_event_type TEXT NOT NULL DEFAULT '',-- ACLED sub-event type
    actor1 TEXT NOT NULL DEFAULT '',       -- the actor that acts, ACLED's canonical name
    assoc_actor_1 TEXT NOT NULL DEFAULT '',-- actors associated with actor1
    inter1 INTEGER,                        -- actor1's class: 1 state forces … 8 external/other forces
    actor2 TEXT NOT NULL DEFAULT '',       -- the actor acted upon
    assoc_actor_2 TEXT NOT NULL DEFAULT '',-- actors associated with actor2
    inter2 INTEGER,                        -- actor2's class
    interaction INTEGER,                   -- the two classes as one number (lower first)
    civilian_targeting TEXT NOT NULL DEFAULT '', -- 'Civilian targeting' when civilians were the target
    iso INTEGER,                           -- ISO 3166 numeric code of the country
    region TEXT NOT NULL DEFAULT '',       -- ACLED region (Western Africa…)
    country TEXT NOT NULL DEFAULT '',      -- country name
    admin1 TEXT NOT NULL DEFAULT '',       -- first-level division (region)
    admin2 TEXT NOT NULL DEFAULT '',       -- second-level division (cercle, province)
    admin3 TEXT NOT NULL DEFAULT '',       -- third-level division (commune)
    location TEXT NOT NULL DEFAULT '',     -- the place's name
    latitude REAL,                         -- WGS84 degrees
    longitude REAL,                        -- WGS84 degrees
    geo_precision INTEGER,                 -- 1 the place itself, 2 near it, 3 only a larger region
    source TEXT NOT NULL DEFAULT '',       -- outlets that report it, '; '-separated
    source_scale TEXT NOT NULL DEFAULT '', -- ACLED source scale (National, Regional…)
    notes TEXT NOT NULL DEFAULT '',        -- one sentence summing the event up
    fatalities INTEGER,                    -- ACLED's conservative figure: the lowest figure among the sources
    tags TEXT NOT NULL DEFAULT '',         -- ACLED tags
    timestamp INTEGER,                     -- ACLED's timestamp (unused by veille)
    date_end TEXT NOT NULL DEFAULT '',     -- end of a date range, YYYY-MM-DD
    plover TEXT NOT NULL DEFAULT '',       -- PLOVER event code
    cameo TEXT NOT NULL DEFAULT '',        -- CAMEO event code
    actor1_text TEXT NOT NULL DEFAULT '',  -- the source's own words for actor1
    actor2_text TEXT NOT NULL DEFAULT '',  -- the source's own words for actor2
    materiel TEXT NOT NULL DEFAULT '',     -- equipment counted ("deux véhicules blindés")
    claimant TEXT NOT NULL DEFAULT '',     -- who says it, in the first source
    certainty TEXT NOT NULL DEFAULT '',    -- stated, claimed, hedged or denied (first source)
    geonameid INTEGER,                     -- the place's GeoNames id
    lang TEXT NOT NULL DEFAULT '',         -- language of the first article
    corroboration INTEGER NOT NULL DEFAULT 1 -- number of distinct articles that report it
);
CREATE INDEX events_by_type_date ON events (event_type, event_date);
CREATE INDEX events_by_date ON events (event_date, id);

CREATE TABLE event_sources (
    -- One row per (event, article that reports it): what that article says.
    event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE, -- the event
    seq INTEGER NOT NULL,                  -- order of the sources (first reporter first)
    article_id TEXT NOT NULL,              -- the article (articles.id)
    outlet TEXT NOT NULL DEFAULT '',       -- the article's outlet
    url TEXT NOT NULL DEFAULT '',          -- the article's address
    published TEXT NOT NULL DEFAULT '',    -- its publication date, YYYY-MM-DD
    claimant TEXT NOT NULL DEFAULT '',     -- who says it, in this article
    certainty TEXT NOT NULL DEFAULT '',    -- stated, claimed, hedged or denied, in this article
    fatalities INTEGER,                    -- this article's figure, NULL when it gives none
    sentence TEXT NOT NULL DEFAULT '',     -- the evidence sentence
    span_start INTEGER NOT NULL DEFAULT 0, -- its first byte in the article's normalized text
    span_end INTEGER NOT NULL DEFAULT 0,   -- one past its last byte
    PRIMARY KEY (event_id, seq),
    UNIQUE (event_id, article_id)          -- an article reports an event once
);
CREATE INDEX event_sources_by_article ON event_sources (article_id);

CREATE TABLE rejects (
    -- Articles that could not be read or coded, with the reason; a later
    -- reject of the same article (or of the same line, when the id could
    -- not be read) replaces the earlier one.
    article_id TEXT,                       -- the article's id, NULL when it could not be read
    origin TEXT NOT NULL DEFAULT '',       -- where: file.jsonl:LINE, or a file name
    reason TEXT NOT NULL DEFAULT '',       -- the error, as veille reported it
    at TEXT NOT NULL                       -- when, UTC, YYYY-MM-DDTHH:MM:SSZ
);
CREATE UNIQUE INDEX rejects_by_article ON rejects (article_id) WHERE article_id IS NOT NULL;
CREATE UNIQUE INDEX rejects_by_origin ON rejects (origin) WHERE article_id IS NULL;

-- 0001_core: documents (+ FTS5 index), extractions with provenance, events, feeds.
-- Every item table carries its marking as mk_level / mk_rel / mk_caveats
-- (JSON arrays, '[]' = none) so that access.go can filter in SQL.

CREATE TABLE documents (
    rowid         INTEGER PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE,
    -- marking first: visibility checks read it without walking the text
    mk_level      INTEGER NOT NULL DEFAULT 0,
    mk_rel        TEXT NOT NULL DEFAULT '[]',
    mk_caveats    TEXT NOT NULL DEFAULT '[]',
    mk_class      TEXT NOT NULL DEFAULT '',
    mk_groups     TEXT NOT NULL DEFAULT '[]',
    published     TEXT NOT NULL,          -- fixed-width UTC RFC 3339, sorts as text
    fetched       TEXT NOT NULL,
    source        TEXT NOT NULL DEFAULT '',
    url           TEXT NOT NULL DEFAULT '',
    canonical_url TEXT UNIQUE,            -- NULL when unknown
    date_source   TEXT NOT NULL DEFAULT '',
    lang          TEXT NOT NULL DEFAULT '',
    content_hash  TEXT NOT NULL UNIQUE,
    simhash       INTEGER NOT NULL DEFAULT 0,
    sh0           INTEGER NOT NULL DEFAULT 0, -- 16-bit bands of simhash for
    sh1           INTEGER NOT NULL DEFAULT 0, -- near-duplicate candidate lookup
    sh2           INTEGER NOT NULL DEFAULT 0,
    sh3           INTEGER NOT NULL DEFAULT 0,
    duplicate_of  TEXT REFERENCES documents(id),
    origin_node   TEXT NOT NULL DEFAULT '',
    origin_nation TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    extracted_at  TEXT,                    -- NULL: extraction pending
    title         TEXT NOT NULL DEFAULT '',
    byline        TEXT NOT NULL DEFAULT '',
    text          TEXT NOT NULL
);
-- Listing indexes carry the marking so that the visibility predicate is
-- checked from the index alone.
CREATE INDEX documents_published ON documents(published DESC, id DESC, mk_level, mk_rel, mk_caveats);
CREATE INDEX documents_source ON documents(source, published DESC, id DESC, mk_level, mk_rel, mk_caveats);
CREATE INDEX documents_sh0 ON documents(sh0);
CREATE INDEX documents_sh1 ON documents(sh1);
CREATE INDEX documents_sh2 ON documents(sh2);
CREATE INDEX documents_sh3 ON documents(sh3);
CREATE INDEX documents_pending ON documents(rowid) WHERE extracted_at IS NULL;

CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text,
    content = 'documents', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER documents_fts_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER documents_fts_ad AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER documents_fts_au AFTER UPDATE OF title, text ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;

-- Extraction rows: provenance is (doc_id, sentence, start, end) in code points.
CREATE TABLE sentences (
    doc_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx      INTEGER NOT NULL,
    start    INTEGER NOT NULL,
    "end"    INTEGER NOT NULL,
    PRIMARY KEY (doc_id, idx)
) WITHOUT ROWID;

CREATE TABLE actor_mentions (
    doc_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq      INTEGER NOT NULL,
    sentence INTEGER NOT NULL,
    start    INTEGER NOT NULL,
    "end"    INTEGER NOT NULL,
    text     TEXT NOT NULL,
    name     TEXT NOT NULL,
    code     TEXT NOT NULL,
    kind     TEXT NOT NULL,
    PRIMARY KEY (doc_id, seq)
);
CREATE INDEX actor_mentions_code ON actor_mentions(code);

CREATE TABLE place_mentions (
    doc_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq      INTEGER NOT NULL,
    sentence INTEGER NOT NULL,
    start    INTEGER NOT NULL,
    "end"    INTEGER NOT NULL,
    text     TEXT NOT NULL,
    name     TEXT NOT NULL,
    country  TEXT NOT NULL,
    lat      REAL NOT NULL,
    lon      REAL NOT NULL,
    kind     TEXT NOT NULL,
    bbox     TEXT,                        -- JSON [minLon,minLat,maxLon,maxLat] or NULL
    mk_level   INTEGER NOT NULL DEFAULT 0,  -- the document's marking
    mk_rel     TEXT NOT NULL DEFAULT '[]',
    mk_caveats TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (doc_id, seq)
);
CREATE INDEX place_mentions_place ON place_mentions(name, country);

CREATE TABLE date_mentions (
    doc_id    TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq       INTEGER NOT NULL,
    sentence  INTEGER NOT NULL,
    start     INTEGER NOT NULL,
    "end"     INTEGER NOT NULL,
    text      TEXT NOT NULL,
    value     TEXT NOT NULL,
    end_value TEXT NOT NULL,
    PRIMARY KEY (doc_id, seq)
);

CREATE TABLE quotes (
    doc_id       TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq          INTEGER NOT NULL,
    sentence     INTEGER NOT NULL,
    start        INTEGER NOT NULL,
    "end"        INTEGER NOT NULL,
    speaker      TEXT NOT NULL,
    speaker_code TEXT NOT NULL,
    text         TEXT NOT NULL,
    PRIMARY KEY (doc_id, seq)
);

CREATE TABLE events (
    rowid         INTEGER PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE,
    doc_id        TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq           INTEGER NOT NULL,
    sentence      INTEGER NOT NULL,
    source        TEXT NOT NULL,
    target        TEXT NOT NULL,
    cameo         TEXT NOT NULL,
    cameo_name    TEXT NOT NULL,
    root          TEXT NOT NULL,
    quad          INTEGER NOT NULL,
    goldstein     REAL NOT NULL,
    plover        TEXT NOT NULL,
    date          TEXT NOT NULL,          -- ISO 8601 at the text's precision
    place_name    TEXT,                   -- NULL: no place
    place_country TEXT NOT NULL DEFAULT '',
    place_lat     REAL NOT NULL DEFAULT 0,
    place_lon     REAL NOT NULL DEFAULT 0,
    place_kind    TEXT NOT NULL DEFAULT '',
    place_bbox    TEXT,
    source_text   TEXT NOT NULL,
    target_text   TEXT NOT NULL,
    verb_text     TEXT NOT NULL,
    negated       INTEGER NOT NULL,
    explain       TEXT NOT NULL,
    mk_class      TEXT NOT NULL DEFAULT '',
    mk_level      INTEGER NOT NULL DEFAULT 0,
    mk_rel        TEXT NOT NULL DEFAULT '[]',
    mk_groups     TEXT NOT NULL DEFAULT '[]',
    mk_caveats    TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX events_date ON events(date DESC, id DESC, mk_level, mk_rel, mk_caveats);
CREATE INDEX events_doc ON events(doc_id, seq);
CREATE INDEX events_source ON events(source, mk_level, mk_rel, mk_caveats);
CREATE INDEX events_target ON events(target, source, mk_level, mk_rel, mk_caveats);
CREATE INDEX events_root ON events(root, date DESC, id DESC, mk_level, mk_rel, mk_caveats);
CREATE INDEX events_country ON events(place_country, date DESC, id DESC, mk_level, mk_rel, mk_caveats);

-- Item counts per table and marking, kept by triggers, so that an
-- unfiltered visible total is a sum over markings, not a scan of items.
CREATE TABLE mk_counts (
    tbl        TEXT NOT NULL,
    mk_level   INTEGER NOT NULL,
    mk_rel     TEXT NOT NULL,
    mk_caveats TEXT NOT NULL,
    n          INTEGER NOT NULL,
    PRIMARY KEY (tbl, mk_level, mk_rel, mk_caveats)
) WITHOUT ROWID;
CREATE TRIGGER documents_count_ai AFTER INSERT ON documents BEGIN
    INSERT INTO mk_counts(tbl, mk_level, mk_rel, mk_caveats, n) VALUES ('documents', new.mk_level, new.mk_rel, new.mk_caveats, 1)
    ON CONFLICT(tbl, mk_level, mk_rel, mk_caveats) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER documents_count_ad AFTER DELETE ON documents BEGIN
    UPDATE mk_counts SET n = n - 1 WHERE tbl = 'documents' AND mk_level = old.mk_level AND mk_rel = old.mk_rel AND mk_caveats = old.mk_caveats;
END;
CREATE TRIGGER events_count_ai AFTER INSERT ON events BEGIN
    INSERT INTO mk_counts(tbl, mk_level, mk_rel, mk_caveats, n) VALUES ('events', new.mk_level, new.mk_rel, new.mk_caveats, 1)
    ON CONFLICT(tbl, mk_level, mk_rel, mk_caveats) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER events_count_ad AFTER DELETE ON events BEGIN
    UPDATE mk_counts SET n = n - 1 WHERE tbl = 'events' AND mk_level = old.mk_level AND mk_rel = old.mk_rel AND mk_caveats = old.mk_caveats;
END;

-- Per-marking aggregates for the actor and place lists, kept by triggers:
-- a visible list is a sum over the viewer's visible markings.
CREATE TABLE actor_counts (
    code       TEXT NOT NULL,
    mk_level   INTEGER NOT NULL,
    mk_rel     TEXT NOT NULL,
    mk_caveats TEXT NOT NULL,
    n          INTEGER NOT NULL,
    PRIMARY KEY (code, mk_level, mk_rel, mk_caveats)
) WITHOUT ROWID;
CREATE TRIGGER events_actors_ai AFTER INSERT ON events BEGIN
    INSERT INTO actor_counts(code, mk_level, mk_rel, mk_caveats, n)
        SELECT new.source, new.mk_level, new.mk_rel, new.mk_caveats, 1 WHERE new.source <> ''
        ON CONFLICT(code, mk_level, mk_rel, mk_caveats) DO UPDATE SET n = n + 1;
    INSERT INTO actor_counts(code, mk_level, mk_rel, mk_caveats, n)
        SELECT new.target, new.mk_level, new.mk_rel, new.mk_caveats, 1 WHERE new.target <> '' AND new.target <> new.source
        ON CONFLICT(code, mk_level, mk_rel, mk_caveats) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER events_actors_ad AFTER DELETE ON events BEGIN
    UPDATE actor_counts SET n = n - 1 WHERE code = old.source AND old.source <> ''
        AND mk_level = old.mk_level AND mk_rel = old.mk_rel AND mk_caveats = old.mk_caveats;
    UPDATE actor_counts SET n = n - 1 WHERE code = old.target AND old.target <> '' AND old.target <> old.source
        AND mk_level = old.mk_level AND mk_rel = old.mk_rel AND mk_caveats = old.mk_caveats;
END;

CREATE TABLE place_counts (
    name       TEXT NOT NULL,
    country    TEXT NOT NULL,
    mk_level   INTEGER NOT NULL,
    mk_rel     TEXT NOT NULL,
    mk_caveats TEXT NOT NULL,
    n          INTEGER NOT NULL,
    lat        REAL NOT NULL,
    lon        REAL NOT NULL,
    kind       TEXT NOT NULL,
    bbox       TEXT,
    PRIMARY KEY (name, country, mk_level, mk_rel, mk_caveats)
) WITHOUT ROWID;
CREATE TRIGGER place_mentions_ai AFTER INSERT ON place_mentions BEGIN
    INSERT INTO place_counts(name, country, mk_level, mk_rel, mk_caveats, n, lat, lon, kind, bbox)
        VALUES (new.name, new.country, new.mk_level, new.mk_rel, new.mk_caveats, 1, new.lat, new.lon, new.kind, new.bbox)
        ON CONFLICT(name, country, mk_level, mk_rel, mk_caveats) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER place_mentions_ad AFTER DELETE ON place_mentions BEGIN
    UPDATE place_counts SET n = n - 1 WHERE name = old.name AND country = old.country
        AND mk_level = old.mk_level AND mk_rel = old.mk_rel AND mk_caveats = old.mk_caveats;
END;

CREATE TABLE feeds (
    id            TEXT PRIMARY KEY,
    url           TEXT NOT NULL UNIQUE,
    title         TEXT NOT NULL DEFAULT '',
    every_ns      INTEGER NOT NULL DEFAULT 0,
    etag          TEXT NOT NULL DEFAULT '',
    last_modified TEXT NOT NULL DEFAULT '',
    last_polled   TEXT NOT NULL DEFAULT '',
    next_poll     TEXT NOT NULL DEFAULT '',
    failures      INTEGER NOT NULL DEFAULT 0,
    last_error    TEXT NOT NULL DEFAULT '',
    mk_class      TEXT NOT NULL DEFAULT '',
    mk_level      INTEGER NOT NULL DEFAULT 0,
    mk_rel        TEXT NOT NULL DEFAULT '[]',
    mk_groups     TEXT NOT NULL DEFAULT '[]',
    mk_caveats    TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX feeds_next_poll ON feeds(next_poll);

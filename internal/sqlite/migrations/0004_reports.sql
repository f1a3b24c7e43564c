-- 0004_reports: analyst reports (Markdown, citing documents, events and other
-- reports) with the four-eyes release workflow. Marking columns as on every
-- item table; the read predicate adds: drafts only for the author's nation
-- (origin_nation) and admins.

CREATE TABLE reports (
    id            TEXT PRIMARY KEY,
    state         TEXT NOT NULL CHECK (state IN ('draft', 'released')),
    author        TEXT NOT NULL,
    created       TEXT NOT NULL,
    updated       TEXT NOT NULL,
    mk_class      TEXT NOT NULL DEFAULT '',
    mk_level      INTEGER NOT NULL DEFAULT 0,
    mk_rel        TEXT NOT NULL DEFAULT '[]',
    mk_groups     TEXT NOT NULL DEFAULT '[]',
    mk_caveats    TEXT NOT NULL DEFAULT '[]',
    origin_node   TEXT NOT NULL DEFAULT '',
    origin_nation TEXT NOT NULL DEFAULT '',
    body          TEXT NOT NULL -- the whole report as JSON
);
CREATE INDEX reports_created ON reports(created DESC, id DESC, mk_level, mk_rel, mk_caveats);

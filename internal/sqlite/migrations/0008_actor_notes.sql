-- 0008_actor_notes: analysts' notes on actors (CAMEO actor codes), marked
-- like every stored item (issue 5): the marking columns the one visibility
-- predicate reads, and the node and nation the note came from. The index
-- serves an actor page: its notes, newest first, with the marking columns
-- at hand so the predicate needs no table lookup for rows it rejects.

CREATE TABLE actor_notes (
    id            TEXT PRIMARY KEY,
    actor         TEXT NOT NULL,
    text          TEXT NOT NULL,
    author        TEXT NOT NULL,
    nation        TEXT NOT NULL DEFAULT '',
    created       TEXT NOT NULL,
    mk_class      TEXT NOT NULL DEFAULT '',
    mk_level      INTEGER NOT NULL DEFAULT 0,
    mk_rel        TEXT NOT NULL DEFAULT '[]',
    mk_groups     TEXT NOT NULL DEFAULT '[]',
    mk_caveats    TEXT NOT NULL DEFAULT '[]',
    origin_node   TEXT NOT NULL DEFAULT '',
    origin_nation TEXT NOT NULL DEFAULT ''
);
CREATE INDEX actor_notes_actor_created ON actor_notes(actor, created DESC, id DESC, mk_level, mk_rel, mk_caveats);

-- 0007_marking_sets: a document's and an event's rowid carries its marking
-- (issue 5: enforcement overhead under 10% at p99 over 100,000 documents).
--
-- A corpus holds many documents but few distinct markings: the
-- combinations of level, releasability and caveats the visibility rule
-- reads. The table markings numbers each combination a document has ever
-- had (rows are never deleted, so a number always names the same marking),
-- from 1 to 2^20 - 2.
--
-- Every document's (and event's) rowid becomes (sequence << 20) | marking
-- number: the low
-- 20 bits name its marking, the high bits keep storage order (rowids still
-- grow with every document stored). A full-text hit arrives with its rowid,
-- so search judges the viewer's markings once per query and then checks
-- each hit with integer arithmetic — (rowid & 1048575) IN (the visible
-- numbers) — instead of looking its marking up in another table; event
-- lists do the same with the rowids their indexes carry. Triggers refuse any
-- document or event whose rowid does not carry its marking, so a wrong rowid
-- fails the write instead of misleading a read (fails closed).

CREATE TABLE markings (
    id         INTEGER PRIMARY KEY CHECK (id BETWEEN 1 AND 1048574),
    mk_level   INTEGER NOT NULL,
    mk_rel     TEXT NOT NULL,
    mk_caveats TEXT NOT NULL,
    UNIQUE (mk_level, mk_rel, mk_caveats)
);
INSERT OR IGNORE INTO markings(mk_level, mk_rel, mk_caveats)
    SELECT DISTINCT mk_level, mk_rel, mk_caveats FROM documents ORDER BY 1, 2, 3;
INSERT OR IGNORE INTO markings(mk_level, mk_rel, mk_caveats)
    SELECT DISTINCT mk_level, mk_rel, mk_caveats FROM events ORDER BY 1, 2, 3;

-- Renumber in two passes (negative first), so that no new rowid collides
-- with an old one. documents_mk follows through its UPDATE OF rowid trigger;
-- the full-text index is rebuilt on the new rowids, and its update trigger
-- now follows a rowid change too.
UPDATE documents SET rowid = -rowid;
UPDATE documents SET rowid = ((-rowid) << 20) | (SELECT m.id FROM markings m
    WHERE m.mk_level = documents.mk_level AND m.mk_rel = documents.mk_rel AND m.mk_caveats = documents.mk_caveats);
INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');
UPDATE events SET rowid = -rowid;
UPDATE events SET rowid = ((-rowid) << 20) | (SELECT m.id FROM markings m
    WHERE m.mk_level = events.mk_level AND m.mk_rel = events.mk_rel AND m.mk_caveats = events.mk_caveats);

DROP TRIGGER documents_fts_au;
CREATE TRIGGER documents_fts_au AFTER UPDATE OF rowid, title, text ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;

CREATE TRIGGER documents_marking_rowid_ai BEFORE INSERT ON documents
WHEN new.rowid IS NULL OR (new.rowid & 1048575) IS NOT (SELECT m.id FROM markings m
    WHERE m.mk_level = new.mk_level AND m.mk_rel = new.mk_rel AND m.mk_caveats = new.mk_caveats)
BEGIN
    SELECT RAISE(ABORT, 'documents: the rowid must carry the number of the document''s marking (migration 0007)');
END;
CREATE TRIGGER documents_marking_rowid_au BEFORE UPDATE OF rowid, mk_level, mk_rel, mk_caveats ON documents
WHEN (new.rowid & 1048575) IS NOT (SELECT m.id FROM markings m
    WHERE m.mk_level = new.mk_level AND m.mk_rel = new.mk_rel AND m.mk_caveats = new.mk_caveats)
BEGIN
    SELECT RAISE(ABORT, 'documents: the rowid must carry the number of the document''s marking (migration 0007)');
END;
CREATE TRIGGER events_marking_rowid_ai BEFORE INSERT ON events
WHEN new.rowid IS NULL OR (new.rowid & 1048575) IS NOT (SELECT m.id FROM markings m
    WHERE m.mk_level = new.mk_level AND m.mk_rel = new.mk_rel AND m.mk_caveats = new.mk_caveats)
BEGIN
    SELECT RAISE(ABORT, 'events: the rowid must carry the number of the event''s marking (migration 0007)');
END;
CREATE TRIGGER events_marking_rowid_au BEFORE UPDATE OF rowid, mk_level, mk_rel, mk_caveats ON events
WHEN (new.rowid & 1048575) IS NOT (SELECT m.id FROM markings m
    WHERE m.mk_level = new.mk_level AND m.mk_rel = new.mk_rel AND m.mk_caveats = new.mk_caveats)
BEGIN
    SELECT RAISE(ABORT, 'events: the rowid must carry the number of the event''s marking (migration 0007)');
END;

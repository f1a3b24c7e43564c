-- 0006_search: faster search over large corpora (issue 2: p99 < 20 ms on
-- Reuters-21578).
--
-- 1. The full-text index is rebuilt with prefix indexes of 1 and 2
--    characters, so that a very short prefix query ("s*", "in*") reads one
--    doclist instead of merging the thousands of terms that start with it
--    (Reuters "s*": 24 ms to find its 18,519 hits before, 0.7 ms with it).
--    Longer prefixes match few enough terms to merge (Reuters "comp*": 1.5
--    ms). Each prefix length costs about 9% more CPU to store + index
--    (Reuters through ingest: 6.9 CPU-s without, 8.1 with '1 2', 9.8 with
--    '1 2 3 4'), hence two.
-- 2. documents_mk is a narrow copy of every document's marking columns,
--    keyed by the document's rowid, kept by triggers in the same
--    transaction. Search checks each hit's visibility there: a look-up in
--    a table of small rows is about twice as fast as one in documents,
--    whose rows carry the text. A document without a documents_mk row is
--    never a search hit (fails closed).

DROP TRIGGER documents_fts_ai;
DROP TRIGGER documents_fts_ad;
DROP TRIGGER documents_fts_au;
DROP TABLE documents_fts;

CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text,
    content = 'documents', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2'
);
INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');

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

CREATE TABLE documents_mk (
    rowid      INTEGER PRIMARY KEY, -- documents.rowid
    mk_level   INTEGER NOT NULL,
    mk_rel     TEXT NOT NULL,
    mk_caveats TEXT NOT NULL
);
INSERT INTO documents_mk(rowid, mk_level, mk_rel, mk_caveats)
    SELECT rowid, mk_level, mk_rel, mk_caveats FROM documents;

CREATE TRIGGER documents_mk_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_mk(rowid, mk_level, mk_rel, mk_caveats)
        VALUES (new.rowid, new.mk_level, new.mk_rel, new.mk_caveats);
END;
CREATE TRIGGER documents_mk_ad AFTER DELETE ON documents BEGIN
    DELETE FROM documents_mk WHERE rowid = old.rowid;
END;
CREATE TRIGGER documents_mk_au AFTER UPDATE OF rowid, mk_level, mk_rel, mk_caveats ON documents BEGIN
    DELETE FROM documents_mk WHERE rowid = old.rowid;
    INSERT INTO documents_mk(rowid, mk_level, mk_rel, mk_caveats)
        VALUES (new.rowid, new.mk_level, new.mk_rel, new.mk_caveats);
END;

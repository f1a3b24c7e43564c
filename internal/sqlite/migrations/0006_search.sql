-- 0006_search: faster search over large corpora (issue 2: p99 < 20 ms on
-- Reuters-21578).
--
-- 1. The full-text index is rebuilt with prefix indexes of 1 to 4
--    characters, so that a short prefix query ("s*", "comp*") reads one
--    doclist instead of merging every term that starts with the prefix
--    (Reuters "s*": 24 ms to find its 18,519 hits before).
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
    prefix = '1 2 3 4'
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

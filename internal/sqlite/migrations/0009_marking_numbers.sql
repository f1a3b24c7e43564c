-- 0009_marking_numbers: the per-marking counts carry their marking's number,
-- and a marking's number never changes (issue 5: enforcement overhead).
--
-- Reads judge the viewer's markings once (migration 0007) and may reuse that
-- judgement across requests (internal/sqlite/viewcache.go). Both are sound
-- only while a number always names the same marking: rows of markings can
-- no longer be changed or deleted.
--
-- mk_counts, actor_counts and place_counts (migration 0001) hold one row per
-- marking; each row now names its marking's number in mk, so that counts,
-- stats and the actor and place lists keep a viewer's rows by arithmetic on
-- mk, as search and the lists do on rowids, instead of applying the
-- predicate to the marking's text columns row by row.

CREATE TRIGGER markings_immutable_bu BEFORE UPDATE ON markings BEGIN
    SELECT RAISE(ABORT, 'markings: a marking number always names the same marking (migration 0009)');
END;
CREATE TRIGGER markings_immutable_bd BEFORE DELETE ON markings BEGIN
    SELECT RAISE(ABORT, 'markings: a marking number always names the same marking (migration 0009)');
END;

-- Every counted marking gets a number (they all have one already when
-- written through the store; this covers rows written otherwise).
INSERT OR IGNORE INTO markings(mk_level, mk_rel, mk_caveats)
    SELECT DISTINCT mk_level, mk_rel, mk_caveats FROM mk_counts ORDER BY 1, 2, 3;
INSERT OR IGNORE INTO markings(mk_level, mk_rel, mk_caveats)
    SELECT DISTINCT mk_level, mk_rel, mk_caveats FROM actor_counts ORDER BY 1, 2, 3;
INSERT OR IGNORE INTO markings(mk_level, mk_rel, mk_caveats)
    SELECT DISTINCT mk_level, mk_rel, mk_caveats FROM place_counts ORDER BY 1, 2, 3;

ALTER TABLE mk_counts ADD COLUMN mk INTEGER;
ALTER TABLE actor_counts ADD COLUMN mk INTEGER;
ALTER TABLE place_counts ADD COLUMN mk INTEGER;
UPDATE mk_counts SET mk = (SELECT m.id FROM markings m
    WHERE m.mk_level = mk_counts.mk_level AND m.mk_rel = mk_counts.mk_rel AND m.mk_caveats = mk_counts.mk_caveats);
UPDATE actor_counts SET mk = (SELECT m.id FROM markings m
    WHERE m.mk_level = actor_counts.mk_level AND m.mk_rel = actor_counts.mk_rel AND m.mk_caveats = actor_counts.mk_caveats);
UPDATE place_counts SET mk = (SELECT m.id FROM markings m
    WHERE m.mk_level = place_counts.mk_level AND m.mk_rel = place_counts.mk_rel AND m.mk_caveats = place_counts.mk_caveats);

-- The triggers that add count rows now name the number: a document's and an
-- event's rowid carries it (migration 0007); a place mention has its
-- document's marking. A row the number cannot be found for keeps NULL,
-- which no viewer's arithmetic matches (fails closed).
DROP TRIGGER documents_count_ai;
CREATE TRIGGER documents_count_ai AFTER INSERT ON documents BEGIN
    INSERT INTO mk_counts(tbl, mk_level, mk_rel, mk_caveats, n, mk)
        VALUES ('documents', new.mk_level, new.mk_rel, new.mk_caveats, 1, new.rowid & 1048575)
    ON CONFLICT(tbl, mk_level, mk_rel, mk_caveats) DO UPDATE SET n = n + 1, mk = coalesce(mk, excluded.mk);
END;
DROP TRIGGER events_count_ai;
CREATE TRIGGER events_count_ai AFTER INSERT ON events BEGIN
    INSERT INTO mk_counts(tbl, mk_level, mk_rel, mk_caveats, n, mk)
        VALUES ('events', new.mk_level, new.mk_rel, new.mk_caveats, 1, new.rowid & 1048575)
    ON CONFLICT(tbl, mk_level, mk_rel, mk_caveats) DO UPDATE SET n = n + 1, mk = coalesce(mk, excluded.mk);
END;
DROP TRIGGER events_actors_ai;
CREATE TRIGGER events_actors_ai AFTER INSERT ON events BEGIN
    INSERT INTO actor_counts(code, mk_level, mk_rel, mk_caveats, n, mk)
        SELECT new.source, new.mk_level, new.mk_rel, new.mk_caveats, 1, new.rowid & 1048575 WHERE new.source <> ''
        ON CONFLICT(code, mk_level, mk_rel, mk_caveats) DO UPDATE SET n = n + 1, mk = coalesce(mk, excluded.mk);
    INSERT INTO actor_counts(code, mk_level, mk_rel, mk_caveats, n, mk)
        SELECT new.target, new.mk_level, new.mk_rel, new.mk_caveats, 1, new.rowid & 1048575
        WHERE new.target <> '' AND new.target <> new.source
        ON CONFLICT(code, mk_level, mk_rel, mk_caveats) DO UPDATE SET n = n + 1, mk = coalesce(mk, excluded.mk);
END;
DROP TRIGGER place_mentions_ai;
CREATE TRIGGER place_mentions_ai AFTER INSERT ON place_mentions BEGIN
    INSERT INTO place_counts(name, country, mk_level, mk_rel, mk_caveats, n, lat, lon, kind, bbox, mk)
        VALUES (new.name, new.country, new.mk_level, new.mk_rel, new.mk_caveats, 1, new.lat, new.lon, new.kind, new.bbox,
            (SELECT m.id FROM markings m WHERE m.mk_level = new.mk_level AND m.mk_rel = new.mk_rel
                AND m.mk_caveats = new.mk_caveats))
        ON CONFLICT(name, country, mk_level, mk_rel, mk_caveats) DO UPDATE SET n = n + 1, mk = coalesce(mk, excluded.mk);
END;

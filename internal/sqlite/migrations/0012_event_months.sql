-- 0012_event_months: per-month event counts by quad class and marking, for
-- the timeline chart (issue 5: aggregates and charts go through the one
-- visibility rule; enforcement overhead under 10% at p99).
--
-- A timeline over 100,000 events would otherwise group every visible event
-- by month. month_counts holds, per month (YYYY-MM of the event's date),
-- quad class and marking number (the low bits of the event's rowid,
-- migration 0007), how many events there are, kept by triggers like
-- actor_counts (migrations 0001, 0009): an unfiltered timeline is a sum
-- over the viewer's visible marking numbers (internal/sqlite/timeline.go).
-- actor_months holds the same per actor code, as actor_counts does: an
-- event once under its source and once under its target unless the two are
-- equal, so that one actor's timeline is a sum over the codes starting with
-- its prefix (less the events counted under two of them). Reading the
-- actor's events instead took 10 to 18 ms for one country of 100,000
-- events, sorting 10,000 rows by month.
-- Events whose date has no month (empty, a year only) are not counted: no
-- bar can show them. The month test is liaison.TimelineMonth's, in GLOB.

CREATE TABLE month_counts (
    month TEXT NOT NULL,
    quad  INTEGER NOT NULL,
    mk    INTEGER NOT NULL,
    n     INTEGER NOT NULL,
    PRIMARY KEY (month, quad, mk)
) WITHOUT ROWID;

INSERT INTO month_counts(month, quad, mk, n)
    SELECT substr(date, 1, 7), quad, rowid & 1048575, count(*) FROM events
    WHERE date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*'
    GROUP BY 1, 2, 3;

CREATE TRIGGER events_months_ai AFTER INSERT ON events
WHEN new.date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*' BEGIN
    INSERT INTO month_counts(month, quad, mk, n) VALUES (substr(new.date, 1, 7), new.quad, new.rowid & 1048575, 1)
        ON CONFLICT(month, quad, mk) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER events_months_ad AFTER DELETE ON events
WHEN old.date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*' BEGIN
    UPDATE month_counts SET n = n - 1
        WHERE month = substr(old.date, 1, 7) AND quad = old.quad AND mk = old.rowid & 1048575;
END;

CREATE TABLE actor_months (
    code  TEXT NOT NULL,
    month TEXT NOT NULL,
    quad  INTEGER NOT NULL,
    mk    INTEGER NOT NULL,
    n     INTEGER NOT NULL,
    PRIMARY KEY (code, month, quad, mk)
) WITHOUT ROWID;

INSERT INTO actor_months(code, month, quad, mk, n)
    SELECT code, month, quad, mk, count(*) FROM (
        SELECT source AS code, substr(date, 1, 7) AS month, quad, rowid & 1048575 AS mk FROM events
            WHERE source <> '' AND date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*'
        UNION ALL
        SELECT target, substr(date, 1, 7), quad, rowid & 1048575 FROM events
            WHERE target <> '' AND target <> source AND date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*')
    GROUP BY 1, 2, 3, 4;

CREATE TRIGGER events_actor_months_ai AFTER INSERT ON events
WHEN new.date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*' BEGIN
    INSERT INTO actor_months(code, month, quad, mk, n)
        SELECT new.source, substr(new.date, 1, 7), new.quad, new.rowid & 1048575, 1 WHERE new.source <> ''
        ON CONFLICT(code, month, quad, mk) DO UPDATE SET n = n + 1;
    INSERT INTO actor_months(code, month, quad, mk, n)
        SELECT new.target, substr(new.date, 1, 7), new.quad, new.rowid & 1048575, 1
        WHERE new.target <> '' AND new.target <> new.source
        ON CONFLICT(code, month, quad, mk) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER events_actor_months_ad AFTER DELETE ON events
WHEN old.date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*' BEGIN
    UPDATE actor_months SET n = n - 1 WHERE code = old.source AND old.source <> ''
        AND month = substr(old.date, 1, 7) AND quad = old.quad AND mk = old.rowid & 1048575;
    UPDATE actor_months SET n = n - 1 WHERE code = old.target AND old.target <> '' AND old.target <> old.source
        AND month = substr(old.date, 1, 7) AND quad = old.quad AND mk = old.rowid & 1048575;
END;

-- Events are written and deleted, not updated; should one be (its date,
-- quad, actors or rowid), its counts move with it.
CREATE TRIGGER events_months_au_old AFTER UPDATE OF rowid, date, quad ON events
WHEN old.date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*' BEGIN
    UPDATE month_counts SET n = n - 1
        WHERE month = substr(old.date, 1, 7) AND quad = old.quad AND mk = old.rowid & 1048575;
END;
CREATE TRIGGER events_months_au_new AFTER UPDATE OF rowid, date, quad ON events
WHEN new.date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*' BEGIN
    INSERT INTO month_counts(month, quad, mk, n) VALUES (substr(new.date, 1, 7), new.quad, new.rowid & 1048575, 1)
        ON CONFLICT(month, quad, mk) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER events_actor_months_au_old AFTER UPDATE OF rowid, date, quad, source, target ON events
WHEN old.date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*' BEGIN
    UPDATE actor_months SET n = n - 1 WHERE code = old.source AND old.source <> ''
        AND month = substr(old.date, 1, 7) AND quad = old.quad AND mk = old.rowid & 1048575;
    UPDATE actor_months SET n = n - 1 WHERE code = old.target AND old.target <> '' AND old.target <> old.source
        AND month = substr(old.date, 1, 7) AND quad = old.quad AND mk = old.rowid & 1048575;
END;
CREATE TRIGGER events_actor_months_au_new AFTER UPDATE OF rowid, date, quad, source, target ON events
WHEN new.date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*' BEGIN
    INSERT INTO actor_months(code, month, quad, mk, n)
        SELECT new.source, substr(new.date, 1, 7), new.quad, new.rowid & 1048575, 1 WHERE new.source <> ''
        ON CONFLICT(code, month, quad, mk) DO UPDATE SET n = n + 1;
    INSERT INTO actor_months(code, month, quad, mk, n)
        SELECT new.target, substr(new.date, 1, 7), new.quad, new.rowid & 1048575, 1
        WHERE new.target <> '' AND new.target <> new.source
        ON CONFLICT(code, month, quad, mk) DO UPDATE SET n = n + 1;
END;

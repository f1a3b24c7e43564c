-- Nations, users, API tokens, sessions and the hash-chained audit log.
-- Secrets are never stored: tokens and sessions by SHA-256, passwords as
-- argon2id PHC strings. Times are fixed-width UTC text ('' = none).

CREATE TABLE nations (
	code   TEXT PRIMARY KEY,
	name   TEXT NOT NULL,
	status TEXT NOT NULL CHECK (status IN ('member', 'partner', 'organisation'))
);

CREATE TABLE nation_groups (
	nation TEXT NOT NULL REFERENCES nations(code) ON DELETE CASCADE,
	grp    TEXT NOT NULL,
	since  TEXT NOT NULL DEFAULT '',
	until  TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (nation, grp, since)
);

CREATE TABLE users (
	id            TEXT PRIMARY KEY,
	name          TEXT NOT NULL UNIQUE,
	nation        TEXT NOT NULL,
	role          TEXT NOT NULL,
	clearance     INTEGER NOT NULL,
	caveats       TEXT NOT NULL DEFAULT '[]',
	password_hash TEXT NOT NULL DEFAULT '',
	failed_logins INTEGER NOT NULL DEFAULT 0,
	locked_until  TEXT NOT NULL DEFAULT '',
	disabled      INTEGER NOT NULL DEFAULT 0,
	created       TEXT NOT NULL
);

CREATE TABLE api_tokens (
	id        TEXT PRIMARY KEY,
	user_id   TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	hash      TEXT NOT NULL UNIQUE,
	scope     TEXT NOT NULL CHECK (scope IN ('read', 'write')),
	created   TEXT NOT NULL,
	last_used TEXT NOT NULL DEFAULT '',
	revoked   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX api_tokens_user ON api_tokens(user_id);

CREATE TABLE sessions (
	hash    TEXT PRIMARY KEY,
	user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	created TEXT NOT NULL,
	expires TEXT NOT NULL
);
CREATE INDEX sessions_expires ON sessions(expires);

CREATE TABLE audit_log (
	seq       INTEGER PRIMARY KEY,
	time      TEXT NOT NULL,
	actor     TEXT NOT NULL,
	nation    TEXT NOT NULL DEFAULT '',
	action    TEXT NOT NULL,
	item      TEXT NOT NULL DEFAULT '',
	detail    TEXT NOT NULL DEFAULT '',
	prev_hash TEXT NOT NULL,
	hash      TEXT NOT NULL
);
CREATE INDEX audit_log_nation ON audit_log(nation, seq);

-- The head records the last entry, so removing entries at the end of the
-- log is detected too.
CREATE TABLE audit_head (
	id   INTEGER PRIMARY KEY CHECK (id = 1),
	seq  INTEGER NOT NULL,
	hash TEXT NOT NULL
);

-- Append-only: the node never updates or deletes entries. (Someone with the
-- file can drop these triggers; the hash chain still gives them away.)
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;

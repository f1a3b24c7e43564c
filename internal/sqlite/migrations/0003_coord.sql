-- 0003_coord: proposals (decided by consensus or silence), message threads,
-- in-app notifications and the durable webhook delivery queue.
-- Items carry their marking as mk_* columns like every item table; who takes
-- part (deciders, consulted, thread participants) is in *_parties tables that
-- the read predicates join, so an unnamed nation sees nothing.

CREATE TABLE proposals (
    id            TEXT PRIMARY KEY,
    rev           INTEGER NOT NULL,
    state         TEXT NOT NULL,
    procedure     TEXT NOT NULL,
    proposing     TEXT NOT NULL,
    title         TEXT NOT NULL,
    deadline      TEXT NOT NULL DEFAULT '',
    created       TEXT NOT NULL,
    updated       TEXT NOT NULL,
    mk_class      TEXT NOT NULL DEFAULT '',
    mk_level      INTEGER NOT NULL DEFAULT 0,
    mk_rel        TEXT NOT NULL DEFAULT '[]',
    mk_groups     TEXT NOT NULL DEFAULT '[]',
    mk_caveats    TEXT NOT NULL DEFAULT '[]',
    origin_node   TEXT NOT NULL DEFAULT '',
    origin_nation TEXT NOT NULL DEFAULT '',
    body          TEXT NOT NULL -- the whole proposal as JSON (versions, positions, comments, history)
);
CREATE INDEX proposals_due ON proposals(state, deadline);
CREATE INDEX proposals_updated ON proposals(updated DESC, id DESC);

CREATE TABLE proposal_parties (
    proposal_id TEXT NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
    nation      TEXT NOT NULL,
    role        TEXT NOT NULL CHECK (role IN ('decider', 'consulted')),
    PRIMARY KEY (proposal_id, nation)
);
CREATE INDEX proposal_parties_nation ON proposal_parties(nation, proposal_id);

CREATE TABLE threads (
    id            TEXT PRIMARY KEY,
    subject       TEXT NOT NULL,
    proposal_id   TEXT NOT NULL DEFAULT '',
    nation        TEXT NOT NULL,
    user_id       TEXT NOT NULL DEFAULT '',
    groups        TEXT NOT NULL DEFAULT '[]',
    created       TEXT NOT NULL,
    updated       TEXT NOT NULL,
    mk_class      TEXT NOT NULL DEFAULT '',
    mk_level      INTEGER NOT NULL DEFAULT 0,
    mk_rel        TEXT NOT NULL DEFAULT '[]',
    mk_groups     TEXT NOT NULL DEFAULT '[]',
    mk_caveats    TEXT NOT NULL DEFAULT '[]',
    origin_node   TEXT NOT NULL DEFAULT '',
    origin_nation TEXT NOT NULL DEFAULT ''
);
CREATE INDEX threads_updated ON threads(updated DESC, id DESC);

CREATE TABLE thread_parties (
    thread_id TEXT NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
    nation    TEXT NOT NULL,
    PRIMARY KEY (thread_id, nation)
);
CREATE INDEX thread_parties_nation ON thread_parties(nation, thread_id);

CREATE TABLE messages (
    rowid         INTEGER PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE,
    thread_id     TEXT NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
    nation        TEXT NOT NULL,
    user_id       TEXT NOT NULL DEFAULT '',
    text          TEXT NOT NULL,
    time          TEXT NOT NULL,
    attachments   TEXT NOT NULL DEFAULT '[]',
    mk_class      TEXT NOT NULL DEFAULT '',
    mk_level      INTEGER NOT NULL DEFAULT 0,
    mk_rel        TEXT NOT NULL DEFAULT '[]',
    mk_groups     TEXT NOT NULL DEFAULT '[]',
    mk_caveats    TEXT NOT NULL DEFAULT '[]',
    origin_node   TEXT NOT NULL DEFAULT '',
    origin_nation TEXT NOT NULL DEFAULT ''
);
CREATE INDEX messages_thread ON messages(thread_id, rowid);

-- One row per recipient nation (user_id '' = every user of the nation).
CREATE TABLE notifications (
    rowid      INTEGER PRIMARY KEY,
    id         TEXT NOT NULL UNIQUE,
    nation     TEXT NOT NULL,
    user_id    TEXT NOT NULL DEFAULT '',
    kind       TEXT NOT NULL,
    item_id    TEXT NOT NULL DEFAULT '',
    title      TEXT NOT NULL DEFAULT '',
    detail     TEXT NOT NULL DEFAULT '',
    time       TEXT NOT NULL,
    read       INTEGER NOT NULL DEFAULT 0,
    mk_class   TEXT NOT NULL DEFAULT '',
    mk_level   INTEGER NOT NULL DEFAULT 0,
    mk_rel     TEXT NOT NULL DEFAULT '[]',
    mk_groups  TEXT NOT NULL DEFAULT '[]',
    mk_caveats TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX notifications_nation ON notifications(nation, rowid DESC);

-- Webhooks belong to a nation and carry the clearance and caveats of the
-- user who registered them: only events they may see are sent.
CREATE TABLE webhooks (
    id        TEXT PRIMARY KEY,
    nation    TEXT NOT NULL,
    url       TEXT NOT NULL,
    secret    TEXT NOT NULL,
    clearance INTEGER NOT NULL DEFAULT 0,
    caveats   TEXT NOT NULL DEFAULT '[]',
    created   TEXT NOT NULL
);
CREATE INDEX webhooks_nation ON webhooks(nation);

CREATE TABLE webhook_queue (
    rowid        INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    webhook_id   TEXT NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
    payload      TEXT NOT NULL,
    attempts     INTEGER NOT NULL DEFAULT 0,
    next_attempt TEXT NOT NULL,
    status       TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
    last_error   TEXT NOT NULL DEFAULT '',
    done_at      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX webhook_queue_due ON webhook_queue(status, next_attempt);

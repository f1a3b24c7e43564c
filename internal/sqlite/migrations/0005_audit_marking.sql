-- 0005_audit_marking: audit entries carry the marking of the item they name,
-- in the same columns as every item table, so the audit view applies the
-- store's one visibility predicate (access.go) and never reveals the id of an
-- item its reader may not see. Entries written before (and entries naming no
-- marked item) get the lowest level, releasable to all; the hash chain covers
-- a non-zero marking, so their hashes are unchanged.
-- ALTER TABLE … ADD COLUMN does not fire the append-only UPDATE trigger.

ALTER TABLE audit_log ADD COLUMN mk_class TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_log ADD COLUMN mk_level INTEGER NOT NULL DEFAULT 0;
ALTER TABLE audit_log ADD COLUMN mk_rel TEXT NOT NULL DEFAULT '[]';
ALTER TABLE audit_log ADD COLUMN mk_groups TEXT NOT NULL DEFAULT '[]';
ALTER TABLE audit_log ADD COLUMN mk_caveats TEXT NOT NULL DEFAULT '[]';

-- The audit view shows an entry only when every entry naming the same item
-- is visible (an item re-marked later hides its earlier entries too).
CREATE INDEX audit_log_item ON audit_log(item) WHERE item <> '';

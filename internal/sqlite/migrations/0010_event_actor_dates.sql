-- 0010_event_actor_dates: event lists filtered by actor read in date order
-- (issue: the list of one country's events took 13 ms at 100,000 events).
--
-- An actor filter (source or target code starting with a prefix) used to
-- gather every matching event, row and all, and sort them to show the
-- newest page: 10,000 rows for one country in 100,000 events. With each
-- code's entries kept in date order, the list merges one ordered run per
-- matching code and role and stops after a page (internal/sqlite/events.go).
-- The target index carries the source, so that a target run can leave out
-- the events a source run already gives without reading their rows; like
-- every listing index, both carry the marking the visibility rule reads.
--
-- events_source_date leads with source and carries the marking, so it
-- serves every query events_source did, and replaces it. events_target
-- (target, source) stays: it finds the events whose source and target both
-- match a prefix, one range per target code.
DROP INDEX events_source;
CREATE INDEX events_source_date ON events(source, date DESC, id DESC, mk_level, mk_rel, mk_caveats);
CREATE INDEX events_target_date ON events(target, date DESC, id DESC, source, mk_level, mk_rel, mk_caveats);

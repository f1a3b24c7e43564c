-- 0011_search_facets: search facets read each hit's source and month from a
-- narrow index (issue 5: facets are a read path under the visibility rule).
--
-- Facets count a query's visible hits by source, month published and
-- marking. The hits arrive from the full-text index with their rowids (whose
-- low bits carry the marking, migration 0007); source and published are
-- columns of documents, whose rows carry the text, so looking them up by
-- rowid reads about one page per hit. documents_facets holds the same
-- columns keyed by rowid, about a hundred entries a page: Reuters-21578,
-- "said" (15,089 hits), 16 ms through documents, 9 ms through this index
-- (sqlite3 shell). Search names it (INDEXED BY) since the planner prefers
-- the table's own key.

CREATE INDEX documents_facets ON documents(rowid, source, published);

-- The reconciliation changes every top-up's state about three times a day's run (MATCHED, ACQUIRED,
-- SETTLED), a million rows at a time (decision D69). An update whose new row version fits on the
-- same page and changes no indexed column is HOT: no new entry in any of topup's five indexes. V14
-- left 15 % of each page free, room for a few rows' new versions only; half a page lets every row
-- of a page take its next version there, and the page is pruned of the old ones before the next
-- stage. Applies to pages written from now on (a table written before keeps its pages until
-- VACUUM FULL or pg_repack rewrites it: an operator's choice, docs/operations.md).
ALTER TABLE topup SET (fillfactor = 50);

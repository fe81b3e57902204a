-- A case's graph revision: set when the case-graph projection inserts the row (from the clock, in microseconds, so a
-- row inserted again by a rebuild does not repeat a revision it had before), and raised by one in the same transaction as every change to
-- the case's row, nodes or edges. Equal revisions mean an equal graph: a reader may keep a graph it read and answer
-- it again while the row's revision stays.
alter table case_view add column revision bigint not null default 0;

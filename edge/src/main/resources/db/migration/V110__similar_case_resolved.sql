-- Whether a similar case was solved or its solution approved, in one indexed column: an analysis step looks only at
-- such cases, and reads the most recent of them through an index instead of walking every case of the owner.
-- One script for PostgreSQL and for H2 in PostgreSQL mode.
alter table similar_case add column resolved boolean default false not null;
update similar_case set resolved = true where solved or approved;
create index ix_similar_case_owner_resolved on similar_case (owner, resolved, created_at);
create index ix_similar_case_resolved on similar_case (resolved, created_at);

-- The head of the archive's hash chain, one row that every append locks first (select ... for update): concurrent
-- archiving, on one node or several, then waits its turn instead of failing on the unique chain position and
-- ending in an incident once its retries are spent.
create table document_chain_head (
  id             int    primary key,
  chain_position bigint not null
);
insert into document_chain_head (id, chain_position)
  select 1, coalesce(max(chain_position), 0) from application_document;

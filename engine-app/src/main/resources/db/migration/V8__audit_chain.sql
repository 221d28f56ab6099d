-- The audit log as a hash chain: each sealed entry carries its position in the chain, the hash of the entry
-- sealed before it and its own hash over both and its fields, so a changed or removed entry is detected.
-- Entries are written unsealed in their own request's transaction (no lock on the request path) and sealed
-- in order by one sealer at a time, which holds the lock row below.
alter table audit_entry add column chain_position bigint;
alter table audit_entry add column previous_hash varchar(64);
alter table audit_entry add column entry_hash varchar(64);
create unique index audit_chain_position on audit_entry (chain_position);

create table audit_chain_lock (
  id int primary key
);
insert into audit_chain_lock (id) values (1);

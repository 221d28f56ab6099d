-- Move-out (転出) and move-within (転居) in the embedded resident registry.

-- 住所を定めた年月日, 消除日 and 転出先 of the standard resident record. A move-within changes the first; a
-- move-out sets the other two: the row stays, marked removed, and leaves its household.
alter table resident add column address_since date;
alter table resident add column removed_on date;
alter table resident add column moved_out_to varchar(300);
update resident set address_since = became_resident_on;

-- One row per recorded move-out or move-within, keyed by the caller's request id (the idempotency key): a
-- repeat of the request finds it and answers with it. Inserted after the change's other rows, so that a
-- concurrent duplicate fails on the key and rolls back whole.
create table registry_change (
  request_id       varchar(64) primary key,
  change_reason    varchar(20) not null,
  household_number varchar(10) not null,
  atena_numbers    text        not null,
  changed_on       date        not null,
  notified_on      date        not null,
  recorded_at      timestamp   not null
);

-- The request that made a history row (move-out, move-within); move-ins keep naming their visit.
alter table resident_history add column request_id varchar(64);

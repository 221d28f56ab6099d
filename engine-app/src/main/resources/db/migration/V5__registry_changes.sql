-- Move-out (転出) and move-within (転居) in the embedded resident registry.

-- 住所を定めた年月日, 消除日 and 転出先 of the standard resident record. A move-within changes the first; a
-- move-out sets the other two: the row stays, marked removed, and leaves its household.
alter table resident add column address_since date;
alter table resident add column removed_on date;
alter table resident add column moved_out_to varchar(300);
update resident set address_since = became_resident_on;

-- 個人番号 where the registry keeps it: on the resident row, and on the move-out notice that carries it
-- (転出証明書情報). Nowhere else: not in visits, not in the engine, not in the audit log.
alter table resident add column my_number varchar(12);
alter table move_out_notice_member add column my_number varchar(12);

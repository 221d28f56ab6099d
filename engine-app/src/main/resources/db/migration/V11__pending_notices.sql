-- A municipality's pending notices (the counter's list, a card reader's search) without reading every notice the
-- municipality ever received: most are used, and they only accumulate.
create index move_out_notice_pending on move_out_notice (to_municipality_code, used_by_visit);

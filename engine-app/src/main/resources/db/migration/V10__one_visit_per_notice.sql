-- One visit per move-out notice, held by the database: two counters opening the same notice at the same
-- instant both pass the application's check for an open visit, and only one insert may win.
create unique index visit_move_out_notice on visit (move_out_notice_id);

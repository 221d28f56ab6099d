-- The paperless archive: every signed application as a PDF with its SHA-256, chained to the document stored
-- before it, so that changing or removing a stored document is detected.
create table application_document (
  id              varchar(36)  primary key,
  visit_id        varchar(36)  not null references visit (id),
  form_id         varchar(100) not null,
  title           varchar(200) not null,
  pdf             bytea        not null,
  sha256          varchar(64)  not null,
  previous_sha256 varchar(64),
  chain_position  bigint       not null unique,
  created_at      timestamp    not null
);
create index application_document_visit on application_document (visit_id);

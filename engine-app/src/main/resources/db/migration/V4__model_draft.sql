-- Drafts of BPMN models that BPR advisors edit in the web modeler. The engine never reads them: a draft is
-- deployed only through the deployment API, by an administrator. version guards against lost updates.
create table model_draft (
  id          varchar(36)  primary key,
  name        varchar(200) not null,
  process_key varchar(255) not null,
  bpmn_xml    text         not null,
  created_by  varchar(100) not null,
  created_at  timestamp    not null,
  updated_by  varchar(100) not null,
  updated_at  timestamp    not null,
  version     int          not null
);
create index model_draft_updated on model_draft (updated_at);

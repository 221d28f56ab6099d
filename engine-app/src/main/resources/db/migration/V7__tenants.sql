-- Municipalities as tenants. Each municipality Madoguchi serves is a Camunda tenant whose id is its 6-digit local
-- government code; the engine keeps the tenant and its members (ACT_ID_TENANT*), this table the settings the
-- municipality's rules read. The home municipality's row is written on the first start, from its properties.
create table tenant (
  code                            varchar(6)   primary key,
  name                            varchar(100) not null,
  child_medical_subsidy_age_limit int          not null
);

-- Audit entries belong to the municipality whose data was accessed: the visit's, or for entries without a
-- visit, the only municipality there was before tenants — the home one.
alter table audit_entry add column municipality_code varchar(6);
update audit_entry set municipality_code = (select v.municipality_code from visit v where v.id = audit_entry.visit_id)
  where visit_id is not null;
update audit_entry set municipality_code = '${home-municipality}' where municipality_code is null;
alter table audit_entry alter column municipality_code set not null;

-- Every read of the visit board and of pending notices is by municipality.
create index visit_municipality on visit (municipality_code, status);
create index move_out_notice_municipality on move_out_notice (to_municipality_code);

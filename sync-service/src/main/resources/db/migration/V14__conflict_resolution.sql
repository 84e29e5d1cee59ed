-- An operator's resolution of a conflict: which value was taken, by whom, when.
alter table conflict add column resolution  varchar(10);
alter table conflict add column resolved_by varchar(200);
alter table conflict add column resolved_at timestamptz;

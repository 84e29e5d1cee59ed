-- Newest delete seen for the entity, even when a newer update outlived it: field values at or before it are gone.
alter table entity_state add column delete_version varchar(64);

-- Keys are identifiers, compared for equality and never sorted for people: byte-wise comparison (COLLATE "C")
-- instead of the database's locale-aware one, which made every probe of the event store's unique indexes (dedupe by
-- event id, sequence per entity) and of the state's primary key several times dearer (docs/benchmarks.md). Every
-- column that is joined on entity_key gets the same collation.
-- JSON that PostgreSQL only stores and returns is json (checked text), not jsonb (rebuilt into a binary tree on every
-- write and back into text on every read); the few queries that look inside (move-in dates, a snapshot's data) work on
-- json alike.
-- This rewrites the tables: on a large store run it in a maintenance window.
alter table event_store
    alter column event_id type varchar(100) collate "C",
    alter column entity_key type varchar(400) collate "C",
    alter column payload type json,
    alter column changed_fields type json;
alter table entity_state
    alter column entity_key type varchar(400) collate "C",
    alter column data type json,
    alter column field_versions type json;
alter table conflict alter column entity_key type varchar(400) collate "C";
alter table move_in_announced alter column entity_key type varchar(400) collate "C";

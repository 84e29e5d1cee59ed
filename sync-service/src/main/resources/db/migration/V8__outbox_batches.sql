-- The outbox keeps one row per transaction (or per 128 KB of it) instead of one per record: the records a
-- projection batch causes, encoded in one bytea value (format: sync-service's OutboxBatch). Inserting, deleting and
-- vacuuming about two rows per change event had been a third of PostgreSQL's work (docs/benchmarks.md).
create table outbox_batch (
    id           bigserial   primary key,
    record_count integer     not null,
    records      bytea       not null,
    created_at   timestamptz not null default now()
);
-- Not compressed: each value is read once and deleted within a second; compressing it costs more CPU than the
-- write-ahead log it saves.
alter table outbox_batch alter column records set storage external;
-- A queue, like the table it replaces (V6): its dead rows and their TOAST chunks are vacuumed away every few seconds.
alter table outbox_batch set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000,
    autovacuum_vacuum_cost_delay = 0, autovacuum_vacuum_insert_scale_factor = 0,
    autovacuum_vacuum_insert_threshold = 1000,
    toast.autovacuum_vacuum_scale_factor = 0, toast.autovacuum_vacuum_threshold = 10000,
    toast.autovacuum_vacuum_cost_delay = 0, toast.autovacuum_vacuum_insert_scale_factor = 0,
    toast.autovacuum_vacuum_insert_threshold = 10000);

-- Records not yet published when the service was upgraded move over in order, one batch each: a format version byte
-- (1), then seven fields, each an int32 length (-1 for null) and its UTF-8 bytes.
create function pg_temp.outbox_field(value text) returns bytea language sql immutable as $$
    select case when value is null then int4send(-1)
                else int4send(octet_length(convert_to(value, 'UTF8'))) || convert_to(value, 'UTF8') end
$$;
insert into outbox_batch (record_count, records, created_at)
select 1, '\x01'::bytea || pg_temp.outbox_field(event_id) || pg_temp.outbox_field(topic)
          || pg_temp.outbox_field(record_key) || pg_temp.outbox_field(ce_type) || pg_temp.outbox_field(ce_subject)
          || pg_temp.outbox_field(org) || pg_temp.outbox_field(payload),
       created_at
from outbox order by id;
drop table outbox;

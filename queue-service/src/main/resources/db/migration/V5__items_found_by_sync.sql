-- Items for what a connector Sync found (after the connection's first Sync) are marked, so operators know no webhook
-- or poll told of them as they happened.
alter table queue_item add column found_by_sync boolean not null default false;

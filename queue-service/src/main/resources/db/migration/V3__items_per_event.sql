-- One lifecycle event can ask for two items (a new resident: creation and invitation); the item id dedupes.
alter table queue_item drop constraint queue_item_source_event_id_key;
create index queue_item_source_event_idx on queue_item (source_event_id);

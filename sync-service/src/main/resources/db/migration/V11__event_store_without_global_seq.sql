-- The event store loses its global sequence. Every row paid for a nextval and an entry in a third btree, and the only
-- reader was the rebuild's catch-up ("events after the highest sequence replayed"), which could miss a transaction
-- that drew its numbers before the rebuild's snapshot and committed after it. The catch-up now compares each
-- entity's last sequence in the live state with the rebuilt one. The key is (entity_key, entity_seq), which was
-- unique already; its index is built anew as the primary key (on a large store: a maintenance window).
alter table event_store drop constraint event_store_pkey, drop column seq;
alter table event_store drop constraint event_store_entity_key_entity_seq_key, add primary key (entity_key, entity_seq);

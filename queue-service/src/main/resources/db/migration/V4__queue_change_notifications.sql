-- Every statement that adds or decides items tells the listening queue-service replicas which organisations changed.
-- The payload is the organisation only (no personal data); PostgreSQL folds equal payloads of one transaction into
-- one notification, so a batch of a thousand items of one organisation is one signal.
create function queue_item_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('queue_item_changes', org) from (select distinct org from changed) organisations;
    return null;
end $$;

create trigger queue_item_inserted after insert on queue_item
    referencing new table as changed for each statement execute function queue_item_notify();
create trigger queue_item_updated after update on queue_item
    referencing new table as changed for each statement execute function queue_item_notify();

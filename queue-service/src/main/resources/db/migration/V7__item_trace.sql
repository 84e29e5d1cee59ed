-- The trace of the change that created an item (W3C traceparent), so its Apply joins the same trace.
alter table queue_item add column trace_parent text;

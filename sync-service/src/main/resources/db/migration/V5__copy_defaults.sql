-- The projection writes event-store rows with COPY and leaves stored_at to the default: each row's own clock time,
-- not its transaction's start, so receivedAt -> stored_at stays the latency of that event.
alter table event_store alter column stored_at set default clock_timestamp();

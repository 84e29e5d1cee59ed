-- Fingerprints carry the time they last changed, so the retention job can purge those of long-unchanged entities
-- (the next read of such an entity emits it once more, which sync-service absorbs as stale or same).
alter table entity_fingerprint add column updated_at timestamptz not null default now();
create index entity_fingerprint_updated_idx on entity_fingerprint (updated_at);
create index writeback_command_finished_idx on writeback_command (completed_at) where status <> 'IN_PROGRESS';

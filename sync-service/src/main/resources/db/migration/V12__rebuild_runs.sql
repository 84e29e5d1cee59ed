-- Rebuild runs in a table, so every replica reports a run's progress and two requests cannot both run: at most one
-- row is RUNNING (unique index). The running replica writes its progress and a heartbeat; a RUNNING row whose
-- heartbeat stopped (the replica died) is ended as FAILED by the next request.
create table rebuild_run (
    id           uuid primary key,
    status       varchar(20) not null,
    events       bigint      not null default 0,
    total_events bigint      not null default 0,
    entities     bigint      not null default 0,
    started_at   timestamptz not null,
    finished_at  timestamptz,
    heartbeat_at timestamptz not null,
    error        varchar(500)
);
create unique index rebuild_run_one_running on rebuild_run ((status)) where status = 'RUNNING';

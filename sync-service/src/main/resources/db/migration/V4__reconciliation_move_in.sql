-- One reconciliation per completed connector Sync: the PMS snapshot compared with the hub's state (drift).
create table reconciliation (
    id                uuid primary key,
    org               varchar(100) not null,
    connection_id     varchar(100) not null,
    entity_types      varchar(400) not null,
    sync_started_at   timestamptz  not null,
    sync_completed_at timestamptz  not null,
    expected_records  bigint       not null,
    status            varchar(20)  not null,
    snapshot_records  bigint,
    missing_in_hub    integer,
    missing_in_pms    integer,
    field_differences integer,
    details           jsonb,
    received_at       timestamptz  not null default now(),
    reconciled_at     timestamptz
);
create index reconciliation_org_connection_idx on reconciliation (org, connection_id, sync_completed_at desc);
-- the snapshot events of a Sync: by connection and arrival time
create index event_store_snapshot_idx on event_store (connection_id, received_at) where op = 'r';

-- Leases whose move-in was announced (status became current, or the move-in date was reached): once per lease.
create table move_in_announced (
    entity_key   varchar(400) primary key,
    cause        varchar(20)  not null,
    announced_at timestamptz  not null default now()
);

-- Per-connection field mapping for the generic adapter: {"lease": {"pmsField": "canonicalField"}}.
alter table connection add column field_mapping jsonb not null default '{}'::jsonb;
alter table connection add column last_success_at timestamptz;
alter table connection add column last_error varchar(500);

-- Polling cursor per connection and entity type: the last PMS time fully read.
create table poll_cursor (
    connection_id varchar(100) not null references connection (id) on delete cascade,
    entity_type   varchar(20)  not null,
    updated_since timestamptz,
    last_poll_at  timestamptz,
    last_success_at timestamptz,
    primary key (connection_id, entity_type)
);

-- Change detection: a digest of the last canonical data emitted per entity, so an unchanged record emits nothing.
create table entity_fingerprint (
    connection_id varchar(100) not null references connection (id) on delete cascade,
    entity_type   varchar(20)  not null,
    external_id   varchar(200) not null,
    digest        varchar(64)  not null,
    primary key (connection_id, entity_type, external_id)
);

-- A Sync run with its checkpoint, so a crash resumes where it stopped.
create table sync_run (
    id            uuid primary key,
    connection_id varchar(100) not null references connection (id) on delete cascade,
    org           varchar(100) not null,
    status        varchar(20)  not null,
    entity_types  varchar(200) not null,
    current_type  varchar(20),
    next_offset   integer      not null default 0,
    pages         integer      not null default 0,
    records       integer      not null default 0,
    errors        integer      not null default 0,
    requested_by  varchar(200),
    started_at    timestamptz  not null,
    updated_at    timestamptz  not null,
    finished_at   timestamptz,
    last_error    varchar(500)
);
create index sync_run_status_idx on sync_run (status);

-- Write-back commands executed, so each command id reaches the PMS at most once.
create table writeback_command (
    command_id    varchar(100) primary key,
    connection_id varchar(100) not null,
    type          varchar(40)  not null,
    status        varchar(20)  not null,
    external_id   varchar(200),
    reason        varchar(500),
    attempts      integer      not null default 0,
    created_at    timestamptz  not null default now(),
    completed_at  timestamptz
);

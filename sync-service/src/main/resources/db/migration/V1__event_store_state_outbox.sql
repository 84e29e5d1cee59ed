-- Every accepted change, append-only. event_id makes consumption idempotent (a replayed record is a no-op).
create table event_store (
    seq            bigserial primary key,
    event_id       varchar(100) not null unique,
    entity_key     varchar(400) not null,
    entity_seq     integer      not null,
    org            varchar(100) not null,
    connection_id  varchar(100) not null,
    entity_type    varchar(20)  not null,
    source         varchar(10)  not null,
    op             char(1)      not null,
    source_version varchar(64)  not null,
    changed_fields jsonb        not null,
    applied        boolean      not null,
    payload        jsonb        not null,
    occurred_at    timestamptz  not null,
    received_at    timestamptz  not null,
    stored_at      timestamptz  not null default now(),
    unique (entity_key, entity_seq)
);

-- Current state per entity; field_versions holds, per field, the version and source it was last set from.
create table entity_state (
    entity_key     varchar(400) primary key,
    org            varchar(100) not null,
    connection_id  varchar(100) not null,
    entity_type    varchar(20)  not null,
    external_id    varchar(200) not null,
    data           jsonb        not null,
    field_versions jsonb        not null,
    version        varchar(64)  not null,
    deleted        boolean      not null default false,
    last_seq       integer      not null,
    updated_at     timestamptz  not null default now()
);
create index entity_state_org_type_idx on entity_state (org, entity_type);

-- Transactional outbox: derived events are written with the state and published after commit.
create table outbox (
    id         bigserial primary key,
    event_id   varchar(100) not null,
    topic      varchar(200) not null,
    record_key varchar(400),
    ce_type    varchar(200) not null,
    ce_subject varchar(400),
    org        varchar(100) not null,
    payload    text,
    created_at timestamptz  not null default now()
);

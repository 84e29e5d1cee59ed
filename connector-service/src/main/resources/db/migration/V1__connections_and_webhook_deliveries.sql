-- PMS connections. Credentials and secrets are references (env:NAME), never values.
create table connection (
    id                    varchar(100) primary key,
    org                   varchar(100) not null,
    pms_type              varchar(40)  not null,
    display_name          varchar(200) not null,
    api_base_url          varchar(500),
    credential_ref        varchar(200),
    webhook_secret_ref    varchar(200),
    mode                  varchar(20)  not null default 'WEBHOOK',
    poll_interval_seconds integer      not null default 300,
    status                varchar(20)  not null default 'CONNECTED',
    created_at            timestamptz  not null default now(),
    updated_at            timestamptz  not null default now()
);
create index connection_org_idx on connection (org);

-- One row per accepted webhook delivery: a redelivery with the same key is acknowledged without a second event.
create table webhook_delivery (
    connection_id varchar(100) not null references connection (id) on delete cascade,
    dedupe_key    varchar(200) not null,
    event_id      varchar(100) not null,
    received_at   timestamptz  not null default now(),
    primary key (connection_id, dedupe_key)
);
create index webhook_delivery_received_idx on webhook_delivery (received_at);

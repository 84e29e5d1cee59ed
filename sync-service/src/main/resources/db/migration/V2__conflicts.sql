-- A losing value of a shared field, kept for an operator to see (and published as an event).
create table conflict (
    id           uuid primary key,
    org          varchar(100) not null,
    entity_key   varchar(400) not null,
    entity_type  varchar(20)  not null,
    property_id  varchar(200),
    field        varchar(100) not null,
    hub_value    jsonb,
    pms_value    jsonb,
    hub_version  varchar(64),
    pms_version  varchar(64),
    rule         varchar(30)  not null,
    winner       varchar(10)  not null,
    status       varchar(10)  not null,
    reason       varchar(500),
    created_at   timestamptz  not null default now()
);
create index conflict_org_idx on conflict (org, status, entity_type);

-- Integration Queue items. source_event_id is unique: the same lifecycle event delivered twice makes one item.
create table queue_item (
    id               uuid primary key,
    org              varchar(100) not null,
    connection_id    varchar(100) not null,
    property_id      varchar(200),
    unit_id          varchar(200),
    entity_type      varchar(20)  not null,
    entity_key       varchar(400) not null,
    type             varchar(40)  not null,
    status           varchar(20)  not null,
    summary          varchar(1000) not null,
    changes          jsonb        not null,
    source_event_id  varchar(100) not null unique,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null
);
create index queue_item_org_status_idx on queue_item (org, status, created_at);
create index queue_item_entity_idx on queue_item (org, entity_key, type);

alter table queue_item add column superseded_by uuid;
alter table queue_item add column suggested_skip boolean not null default false;
alter table queue_item add column suggestion varchar(300);
alter table queue_item add column decided_by varchar(200);
alter table queue_item add column decided_at timestamptz;
alter table queue_item add column reason varchar(500);
alter table queue_item add column automated boolean not null default false;
alter table queue_item add column attempts integer not null default 0;
create index queue_item_pending_entity_idx on queue_item (org, entity_key, type) where status = 'PENDING';

-- Auto-apply per organisation (property_id = '' for the organisation default) and item type.
create table auto_apply_setting (
    org         varchar(100) not null,
    property_id varchar(200) not null default '',
    item_type   varchar(40)  not null,
    enabled     boolean      not null,
    updated_by  varchar(200) not null,
    updated_at  timestamptz  not null,
    primary key (org, property_id, item_type)
);

-- Every executed action and decision. Append-only: updates and deletes are refused by the database itself.
create table action_log (
    id            bigserial primary key,
    org           varchar(100) not null,
    item_id       uuid,
    item_type     varchar(40),
    property_id   varchar(200),
    connection_id varchar(100),
    action        varchar(30)  not null,
    actor         varchar(200) not null,
    outcome       varchar(30)  not null,
    details       varchar(1000),
    at            timestamptz  not null default now()
);
create index action_log_org_at_idx on action_log (org, at desc);

create function action_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'action_log is append-only';
end;
$$;
create trigger action_log_no_update before update or delete on action_log
    for each row execute function action_log_is_append_only();

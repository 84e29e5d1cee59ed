-- What a downstream tool (lock system, resident app) last reported doing with an item's action.
alter table queue_item
    add column downstream_outcome     varchar(10),
    add column downstream_detail      varchar(1000),
    add column downstream_reported_by varchar(200),
    add column downstream_reported_at timestamptz;

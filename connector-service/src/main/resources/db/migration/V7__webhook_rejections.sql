-- Webhooks refused per connection, hour and reason (signature_invalid, timestamp_stale, ...), for the console.
-- Each replica adds its counts every 15 s; rows older than eight days are deleted.
create table webhook_rejections (
    connection_id varchar(100) not null,
    hour          timestamptz  not null,
    reason        varchar(60)  not null,
    count         bigint       not null,
    primary key (connection_id, hour, reason)
);
create index webhook_rejections_hour_idx on webhook_rejections (hour);

-- Leases whose end was announced (LEASE_ARCHIVED: status became past or cancelled, the end date was reached, or the
-- lease was deleted): once per lease, like move-ins.
create table lease_end_announced (
    entity_key   varchar(400) primary key,
    cause        varchar(20)  not null,
    announced_at timestamptz  not null default now()
);

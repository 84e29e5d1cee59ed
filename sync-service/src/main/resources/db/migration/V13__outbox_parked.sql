-- Records the broker refuses for good (too large, say) are parked here with the reason instead of holding up the
-- outbox: the rest of their batch is published, and a platform admin can inspect or replay them.
create table outbox_parked (
    id        bigserial primary key,
    event_id  bytea       not null,
    topic     varchar(200) not null,
    record_key bytea,
    ce_type   bytea       not null,
    subject   bytea,
    org       bytea       not null,
    payload   bytea,
    reason    varchar(500) not null,
    parked_at timestamptz not null default now()
);

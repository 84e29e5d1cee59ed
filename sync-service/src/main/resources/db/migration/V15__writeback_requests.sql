-- Write-backs an operator asked for (create a work order, a lead, post a charge): one per idempotency key, with
-- the outcome the connector reports.
create table writeback_request (
    id              uuid primary key,
    org             varchar(100) not null,
    idempotency_key varchar(200) not null,
    type            varchar(40)  not null,
    connection_id   varchar(100) not null,
    fields          jsonb        not null,
    status          varchar(20)  not null,
    external_id     varchar(200),
    reason          varchar(500),
    requested_by    varchar(200) not null,
    created_at      timestamptz  not null default now(),
    completed_at    timestamptz,
    unique (org, idempotency_key)
);

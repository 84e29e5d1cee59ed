-- Freshness (PMS change time to state) per connection and minute, counted in log-scale buckets (four per doubling of
-- milliseconds). Every replica adds its counts, so the console's p99 covers all of them. Kept two hours.
create table freshness_tally (
    org           varchar(100) not null,
    connection_id varchar(100) not null,
    minute        timestamptz  not null,
    bucket        smallint     not null,
    count         bigint       not null,
    primary key (connection_id, minute, bucket)
);
create index freshness_tally_org_minute_idx on freshness_tally (org, minute);

-- Who made a hub edit (the token's name), for the entity's history; PMS changes name their PMS instead.
create table edit_actors (
    event_id varchar(100) primary key,
    actor    varchar(200) not null
);

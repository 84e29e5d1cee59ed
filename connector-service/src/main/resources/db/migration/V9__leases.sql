-- Work one connector replica at a time may do (a connection's poll, its Sync run), held by a replica until it
-- expires: a replica that dies stops renewing, and another takes the work over once the lease has expired.
create table lease (
    name       text primary key,
    owner      text        not null,
    expires_at timestamptz not null
);

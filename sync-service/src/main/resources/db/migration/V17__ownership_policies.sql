-- Field ownership and conflict rules per organisation (connection_id '') or per connection, every version kept: the
-- latest is in effect, the older ones are the audit trail (who changed what, when).
create table ownership_policy (
    org           varchar(100) not null,
    connection_id varchar(100) not null,
    version       integer      not null,
    document      jsonb        not null,
    changed_by    varchar(200) not null,
    changed_at    timestamptz  not null,
    primary key (org, connection_id, version)
);

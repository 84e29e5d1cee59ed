-- Secrets belong to one connection: encrypted with an AEAD (associated data: connection id and kind) under a
-- key-encryption key named by key_id, so the key can rotate without anyone re-entering a secret. A webhook secret's
-- predecessor stays valid until previous_valid_until.
create table connection_secret (
    connection_id        varchar(100) not null references connection (id) on delete cascade,
    kind                 varchar(20)  not null,
    key_id               varchar(40)  not null,
    ciphertext           bytea        not null,
    fingerprint          varchar(80)  not null,
    rotated_at           timestamptz  not null,
    previous_key_id      varchar(40),
    previous_ciphertext  bytea,
    previous_valid_until timestamptz,
    primary key (connection_id, kind)
);

-- A connection id is never used again, even after a delete: data keyed by it stays one organisation's.
create table retired_connection_id (
    id         varchar(100) primary key,
    org        varchar(100) not null,
    retired_at timestamptz  not null default now()
);

-- Environment references are gone: no organisation can name a process variable.
alter table connection drop column credential_ref;
alter table connection drop column webhook_secret_ref;

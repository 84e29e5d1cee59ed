-- Per-connection settings the PMS does not tell (currency, the income account for charges posted from the hub).
alter table connection add column settings jsonb not null default '{}';

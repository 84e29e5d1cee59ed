-- The outbox is a queue: every row is deleted within a second of its insert. Its dead rows sit at the head of the
-- primary key, exactly where the relay's "order by id limit n" scan starts, so they must be vacuumed away often, not
-- after a fifth of the table (the default). Measured: 800,000 dead rows made each relay batch take 130 ms instead
-- of a few. Servers also need a short autovacuum_naptime (deploy/local/postgresql.conf, docs/kubernetes.md).
alter table outbox set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 10000,
    autovacuum_vacuum_cost_delay = 0, autovacuum_vacuum_insert_scale_factor = 0,
    autovacuum_vacuum_insert_threshold = 10000);

-- Outbox batches are compressed with lz4 after all (V8 stored them uncompressed, measured against pglz, the default).
-- The records are JSON that repeats its field names, topics and keys: lz4 shrinks the write-ahead log of a run of
-- 400,000 change events from ~970 MB to ~570 MB, and copying WAL into the page cache had been the largest share of
-- PostgreSQL's kernel time. Compressing 128 KB and reading it back once costs PostgreSQL less than that
-- (docs/benchmarks.md). Needs a server built with lz4 (every PostgreSQL 14+ package and image we deploy on).
alter table outbox_batch alter column records set storage extended, alter column records set compression lz4;

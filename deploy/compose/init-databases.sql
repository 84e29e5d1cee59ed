-- One role and database per service, as deploy/local/run.sh creates them.
CREATE ROLE connector LOGIN PASSWORD 'connector';
CREATE DATABASE connector OWNER connector;
CREATE ROLE sync LOGIN PASSWORD 'sync';
CREATE DATABASE sync OWNER sync;
CREATE ROLE queue LOGIN PASSWORD 'queue';
CREATE DATABASE queue OWNER queue;

#!/usr/bin/env bash
# Stops everything deploy/local/run.sh started, by the pids it recorded; PostgreSQL only if the scripts started it.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
for module in pms-simulator api-gateway queue-service sync-service connector-service; do
  stop_pid "$RUN_DIR/$module.pid" "$module"
done
keycloak_stop
stop_pid "$RUN_DIR/kafka.pid" "Kafka"
pg_stop_if_ours run
log "stopped"

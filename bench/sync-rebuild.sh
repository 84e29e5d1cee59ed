#!/usr/bin/env bash
# Rebuild time of the running sync-service (deploy/local/run.sh) for an event store of N events: fills the store with
# N synthetic lease changes for E entities straight in PostgreSQL (the rebuild only reads the store; projecting them
# through Kafka first would measure the projection again), then starts a rebuild as pat (platform-admin) through the gateway
# and waits for it. Prints the rebuild's own time (startedAt → finishedAt) and events/s. Removes its events afterwards.
# Usage: bench/sync-rebuild.sh [events=1000000] [entities=200000]
source "$(dirname "${BASH_SOURCE[0]}")/../deploy/local/lib.sh"
pick_java
http_ok 9180 /q/health/ready || die "the stack is not running: start it with deploy/local/run.sh"
events=${1:-1000000}; entities=${2:-200000}; connection="rebuild-$(date +%s)"
psql_sync() { as_postgres "psql -d sync -v ON_ERROR_STOP=1 -tAc \"$1\""; }

log "writing $events events for $entities leases into the event store"
psql_sync "insert into event_store (event_id, entity_key, entity_seq, org, connection_id, entity_type, source, op,
    source_version, changed_fields, applied, payload, occurred_at, received_at)
  select id, 'lease:$connection:L-' || e, s, 'bench', '$connection', 'lease', 'pms', 'u', v, '[\\\"rent\\\"]', true,
    jsonb_build_object('schemaVersion', 1, 'eventId', id, 'org', 'bench', 'connectionId', '$connection',
      'pmsType', 'generic', 'entityType', 'lease', 'externalId', 'L-' || e, 'op', 'u', 'sourceVersion', v,
      'occurredAt', v, 'receivedAt', v, 'data', jsonb_build_object('id', 'L-' || e, 'status', 'CURRENT',
      'rent', (1000 + i % 500) || '.00', 'unitId', 'U-' || e, 'propertyId', 'P-' || (e % 50))),
    v::timestamptz, v::timestamptz
  from (select i, i % $entities as e, i / $entities + 1 as s, gen_random_uuid()::text as id,
          to_char(timestamp '2026-01-01' + (i || ' seconds')::interval, 'YYYY-MM-DD\\\"T\\\"HH24:MI:SS\\\"Z\\\"') as v
        from generate_series(0, $events - 1) i) g" >/dev/null
total=$(psql_sync "select count(*) from event_store")
token=$(curl -s -d grant_type=password -d client_id=pms-gateway -d client_secret=pms-gateway-secret \
  -d username=pat -d password=pat http://127.0.0.1:8180/realms/pms/protocol/openid-connect/token \
  | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
log "rebuilding the projection from $total events"
run=$(curl -s -X POST -H "Authorization: Bearer $token" http://127.0.0.1:8080/api/v1/entities/_rebuilds)
id=$(sed -E 's/.*"id":"([^"]+)".*/\1/' <<<"$run")
while :; do
  view=$(curl -s -H "Authorization: Bearer $token" "http://127.0.0.1:8080/api/v1/entities/_rebuilds/$id")
  grep -q '"status":"RUNNING"' <<<"$view" || break
  sleep 2
done
echo "$view"
java "$ROOT_DIR/bench/RebuildSummary.java" "$view"
psql_sync "delete from entity_state where connection_id = '$connection'; delete from event_store where connection_id = '$connection'" >/dev/null

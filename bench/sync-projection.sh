#!/usr/bin/env bash
# Projection throughput of the running sync-service (deploy/local/run.sh): fills pms.lease.changes.v1 with N change
# events for E leases, then reads the event store's count until every event is projected, and prints events/s.
# Usage: bench/sync-projection.sh [events=100000] [entities=10000]
source "$(dirname "${BASH_SOURCE[0]}")/../deploy/local/lib.sh"
pick_java
http_ok 8082 /q/health/ready || die "the stack is not running: start it with deploy/local/run.sh"
events=${1:-100000}; entities=${2:-10000}; connection="bench-$(date +%s)"
count() { as_postgres "psql -d sync -tAc \"select count(*), extract(epoch from max(stored_at) - min(stored_at)) from event_store where connection_id = '$connection'\""; }
java -cp "$KAFKA_LIB/*" "$ROOT_DIR/bench/ChangeEventLoad.java" 127.0.0.1:9092 "$connection" "$events" "$entities"
deadline=$((SECONDS + 900))
while :; do
  IFS='|' read -r stored seconds <<<"$(count)"
  [ "$stored" -ge "$events" ] && break
  [ $SECONDS -lt $deadline ] || die "only $stored of $events events projected after 15 minutes"
  sleep 1
done
awk -v n="$stored" -v s="$seconds" 'BEGIN { printf "projected %d events in %.1f s (first to last stored): %.0f events/s\n", n, s, n / s }'

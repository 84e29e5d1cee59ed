#!/usr/bin/env bash
# The fault suite (issue 15), against the running local stack (deploy/local/run.sh): signed lease webhooks at a steady
# rate through the gateway while, scenario by scenario, each service and the broker is killed with SIGKILL and started
# again, PostgreSQL is stopped for 60 s, and poison records and over-limit webhooks are injected. Then an oracle reads
# the databases and the dead-letter topic: every accepted change stored once, every expected queue item there once, no
# valid record dead-lettered, each poison record dead-lettered alone.
# Usage: bench/fault-suite.sh [per-second=20] [seconds-per-scenario=40]
source "$(dirname "${BASH_SOURCE[0]}")/../deploy/local/lib.sh"
pick_java
http_ok 9180 /q/health/ready || die "the stack is not running: start it with deploy/local/run.sh"
RATE=${1:-20}
SECONDS_PER=${2:-40}
RUN_ID=$(date +%s)
OUT="$RUN_DIR/fault-suite-$RUN_ID"
mkdir -p "$OUT"
GATEWAY=http://127.0.0.1:8080/webhooks/demo-generic
SECRET=${DEMO_WEBHOOK_SECRET:-pms-demo-secret}
KAFKA_JAVA=(java -cp "$KAFKA_LIB/*" -Dlog4j2.configurationFile="$ROOT_DIR/deploy/local/kafka/log4j2.properties")

psql_in() { as_postgres "psql -d $1 -tAc \"$2\""; }

# SIGKILL a process, then start it again exactly as it ran: same command line, environment, directory and log
restart_like() { # pidfile log
  local pidfile=$1 logfile=$2 pid cwd
  pid=$(cat "$pidfile")
  cwd=$(readlink "/proc/$pid/cwd")
  local -a cmd env
  mapfile -d '' cmd <"/proc/$pid/cmdline"
  mapfile -d '' env <"/proc/$pid/environ"
  kill -9 "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  # the background job is the process itself (not a subshell around it), so its pid is what stop.sh stops
  (cd "$cwd" || exit 1; env -i "${env[@]}" nohup "${cmd[@]}" >>"$logfile" 2>&1 & echo $! >"$pidfile")
}

pg_outage() { # seconds
  local version cluster sudo=""
  read -r version cluster _ <<<"$(pg_lsclusters -h | head -1)"
  [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo pg_ctlcluster "$version" "$cluster" stop -m fast
  sleep "$1"
  $sudo pg_ctlcluster "$version" "$cluster" start
}

poison() { # a record no change event can be, and one naming another organisation than its entity's
  local key="lease:demo-generic:F-$RUN_ID-connector-0"
  printf '%s\t%s\n' "lease:demo-generic:poison-$RUN_ID" '{"eventId":"poison","op":"z"}' \
      "$key" "{\"schemaVersion\":1,\"eventId\":\"$(cat /proc/sys/kernel/random/uuid)\",\"org\":\"intruder\",\"connectionId\":\"demo-generic\",\"pmsType\":\"generic\",\"entityType\":\"lease\",\"externalId\":\"F-$RUN_ID-connector-0\",\"op\":\"u\",\"sourceVersion\":\"2026-12-01T00:00:00Z\",\"occurredAt\":\"2026-12-01T00:00:00Z\",\"receivedAt\":\"2026-12-01T00:00:00Z\",\"data\":{\"rent\":\"1.00\"}}" \
    | "${KAFKA_JAVA[@]}" org.apache.kafka.tools.ConsoleProducer --bootstrap-server 127.0.0.1:9092 \
        --topic pms.lease.changes.v1 --property parse.key=true --property key.separator=$'\t' >/dev/null
  # signed, but over the limits (an id of 201 characters, a version a year ahead): refused at the edge with 400
  local long_id ts body status
  long_id=$(printf 'L%.0s' $(seq 1 201))
  for body in "{\"eventId\":\"over-$RUN_ID\",\"entityType\":\"lease\",\"op\":\"c\",\"updatedAt\":\"2026-12-01T00:00:00Z\",\"entity\":{\"id\":\"$long_id\",\"status\":\"FUTURE\"}}" \
      "{\"eventId\":\"future-$RUN_ID\",\"entityType\":\"lease\",\"op\":\"c\",\"updatedAt\":\"$(date -u -d '+1 year' +%Y-%m-%dT%H:%M:%SZ)\",\"entity\":{\"id\":\"F-future-$RUN_ID\",\"status\":\"FUTURE\"}}"; do
    ts=$(date +%s)
    status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$GATEWAY" -H 'Content-Type: application/json' \
      -H "X-PMS-Timestamp: $ts" \
      -H "X-PMS-Signature: sha256=$(printf '%s' "$ts.$body" | openssl dgst -sha256 -hmac "$SECRET" | awk '{print $NF}')" \
      -d "$body")
    echo "signed over-limit webhook answered $status (expected 400)" >>"$OUT/poison.txt"
  done
}

scenario() { # name fault-command...
  local name=$1; shift
  log "scenario $name: $RATE webhooks/s for $SECONDS_PER s, fault after $((SECONDS_PER / 4)) s"
  java "$ROOT_DIR/bench/SteadyWebhooks.java" "$GATEWAY" "$SECRET" "$RUN_ID-$name" "$RATE" "$SECONDS_PER" \
    "$OUT/$name.accepted" >"$OUT/$name.sender" 2>&1 &
  local sender=$!
  sleep $((SECONDS_PER / 4))
  "$@"
  wait "$sender"
  log "scenario $name: $(cat "$OUT/$name.sender")"
}

scenario connector restart_like "$RUN_DIR/connector-service.pid" "$RUN_DIR/connector-service.log"
scenario sync restart_like "$RUN_DIR/sync-service.pid" "$RUN_DIR/sync-service.log"
scenario queue restart_like "$RUN_DIR/queue-service.pid" "$RUN_DIR/queue-service.log"
scenario gateway restart_like "$RUN_DIR/api-gateway.pid" "$RUN_DIR/api-gateway.log"
scenario broker restart_like "$RUN_DIR/kafka.pid" "$RUN_DIR/kafka.log"
scenario postgres pg_outage 60
scenario poison poison

log "oracle: waiting until every accepted change is queued, or the count has not moved for 60 s"
accepted=$(cat "$OUT"/*.accepted | sort -u | wc -l)
pattern="lease:demo-generic:F-$RUN_ID-%"
last=-1; still=0
while :; do
  queued=$(psql_in queue "select count(distinct entity_key) from queue_item where entity_key like '$pattern'")
  [ "$queued" -ge "$accepted" ] && break
  if [ "$queued" = "$last" ]; then still=$((still + 5)); else still=0; last=$queued; fi
  [ "$still" -ge 60 ] && break
  sleep 5
done
cat "$OUT"/*.accepted | sort -u | sed 's/^/lease:demo-generic:/' >"$OUT/expected.keys"
psql_in sync "select entity_key from entity_state where entity_key like '$pattern'" | sort -u >"$OUT/stored.keys"
psql_in queue "select entity_key from queue_item where entity_key like '$pattern' and type = 'LEASE_CREATION'" \
  | sort >"$OUT/queued.keys"
stored_events=$(psql_in sync "select count(*) from event_store where entity_key like '$pattern' and source = 'pms'")
timeout 60 "${KAFKA_JAVA[@]}" org.apache.kafka.tools.consumer.ConsoleConsumer --bootstrap-server 127.0.0.1:9092 \
  --topic pms.dlq.v1 --from-beginning --property print.key=true --timeout-ms 10000 2>/dev/null \
  | grep -- "-$RUN_ID" >"$OUT/dlq.txt" || true

lost=$(comm -23 "$OUT/expected.keys" "$OUT/stored.keys" | wc -l)
not_queued=$(comm -23 "$OUT/expected.keys" <(sort -u "$OUT/queued.keys") | wc -l)
duplicated_items=$(uniq -d "$OUT/queued.keys" | wc -l)
valid_dead=$(grep "F-$RUN_ID-" "$OUT/dlq.txt" | grep -vc intruder || true)
poison_dead=$(grep -c "poison-$RUN_ID\|intruder" "$OUT/dlq.txt" || true)
stored_total=$(wc -l <"$OUT/stored.keys")
cat <<REPORT | tee "$OUT/report.txt"
fault suite $RUN_ID: $RATE webhooks/s, $SECONDS_PER s per scenario (connector, sync, queue, gateway, broker: kill -9
and restart; postgres: stopped 60 s; poison: an invalid record and an organisation-mismatch record into the change
topic, an over-limit webhook)
$(for f in "$OUT"/*.sender; do printf '  %-10s %s\n' "$(basename "$f" .sender)" "$(cat "$f")"; done)
accepted (202) leases:        $accepted
stored states of accepted:    $((accepted - lost))  (lost: $lost)
stored states in all:         $stored_total
pms events stored:            $stored_events  (more than the stored states = duplicated)
queue items missing:          $not_queued
queue items duplicated:       $duplicated_items
valid records dead-lettered:  $valid_dead
poison records dead-lettered: $poison_dead  (expected 2)
$(cat "$OUT/poison.txt" 2>/dev/null)
details: $OUT
REPORT

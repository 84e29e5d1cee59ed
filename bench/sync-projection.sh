#!/usr/bin/env bash
# Projection throughput and per-event latency of the running sync-service (deploy/local/run.sh): fills
# pms.lease.changes.v1 with N change events for E leases (5 % out of order, 2 % duplicated), waits until the event
# store holds all of them, and prints events/s (first to last stored) and the latency from the event's receivedAt
# (stamped by the producer) to its storage. Without a rate the topic is filled as fast as possible (throughput);
# with a rate (events/s) below the throughput the latency is the projection's own, not the backlog's.
# With --backlog the throughput is also measured over the backlog left when the fill ended: the events stored after
# that moment, from then to the last one. This is the rate of draining a full topic with the load generator no longer
# competing for the same cores (a warm service; the first figure includes the fill's share of the machine).
# With --held sync-service is held (SIGSTOP) while the topic fills and resumed when it is full: the figure is then the
# sustained rate of draining N events, with nothing else on the machine's cores (the JVM stays warm; a fill longer than
# the consumer's 10 s session makes the group rebalance once on resume, before the first event is stored).
# Usage: bench/sync-projection.sh [--backlog | --held] [events=100000] [entities=10000] [rate=0 (unlimited)]
source "$(dirname "${BASH_SOURCE[0]}")/../deploy/local/lib.sh"
pick_java
http_ok 9182 /q/health/ready || die "the stack is not running: start it with deploy/local/run.sh"
backlog=false; held=false
case "${1:-}" in
  --backlog) backlog=true; shift ;;
  --held) held=true; shift ;;
esac
events=${1:-100000}; entities=${2:-10000}; rate=${3:-0}; connection="bench-$(date +%s)"
count() { as_postgres "psql -d sync -tAc \"select count(*), extract(epoch from max(stored_at) - min(stored_at)) from event_store where connection_id = '$connection'\""; }
# Progress is read from sync-service's own counter of handled records, not from the event store: counting a large
# store every few seconds costs PostgreSQL as much CPU as a share of the projection it measures.
handled() { curl -sf "http://127.0.0.1:9182/q/metrics" | awk '/^pms_sync_events_total/ { s += $NF } END { printf "%d", s }'; }
# machine CPU use over the run: says whether the projection waited or the machine was full
cpu() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat; }
before=$(handled)
if $held; then
  pid=$(cat "$RUN_DIR/sync-service.pid" 2>/dev/null) && kill -0 "$pid" 2>/dev/null || die "no sync-service pid in $RUN_DIR"
  trap 'kill -CONT "$pid" 2>/dev/null' EXIT  # never leave the service stopped
  kill -STOP "$pid"
fi
read -r busy0 total0 <<<"$(cpu)"
loaded=$(java -cp "$KAFKA_LIB/*" "$ROOT_DIR/bench/ChangeEventLoad.java" 127.0.0.1:9092 "$connection" "$events" "$entities" "$rate")
filled_at=$(date +%s.%N)
read -r busy_filled total_filled <<<"$(cpu)"
if $held; then
  kill -CONT "$pid"
  read -r busy0 total0 <<<"$(cpu)"  # the machine's use while draining only
fi
echo "$loaded"
duplicates=$(sed -n 's/.*(+\([0-9]*\) duplicates).*/\1/p' <<<"$loaded")
deadline=$((SECONDS + 900))
while [ $(( $(handled) - before )) -lt $((events + duplicates)) ]; do
  [ $SECONDS -lt $deadline ] || die "only $(( $(handled) - before )) of $((events + duplicates)) records handled after 15 minutes"
  sleep 3  # each scrape renders every meter (the Kafka clients have hundreds): not more often than needed
done
read -r busy1 total1 <<<"$(cpu)"
IFS='|' read -r stored seconds <<<"$(count)"
while [ "$stored" -lt "$events" ]; do  # other traffic (the demo's live changes) counts in the metric too
  [ $SECONDS -lt $deadline ] || die "only $stored of $events events projected after 15 minutes"
  sleep 2
  IFS='|' read -r stored seconds <<<"$(count)"
done
what=$($held && echo "drained a full topic of" || echo projected)
awk -v w="$what" -v n="$stored" -v s="$seconds" 'BEGIN { printf "%s %d events in %.1f s (first to last stored): %.0f events/s\n", w, n, s, n / s }'
awk -v w="$($held && echo projecting || echo "loading and projecting")" -v b=$((busy1 - busy0)) -v t=$((total1 - total0)) \
    -v c="$(nproc)" 'BEGIN { printf "machine CPU busy while %s: %.0f %% of %d cores\n", w, 100 * b / t, c }'
if $backlog; then
  as_postgres "psql -d sync -tAc \"select format('backlog after the fill: %s events in %s s: %s events/s', count(*),
      round(extract(epoch from max(stored_at) - to_timestamp($filled_at))::numeric, 1),
      round(count(*) / extract(epoch from max(stored_at) - to_timestamp($filled_at))::numeric))
    from event_store where connection_id = '$connection' and stored_at > to_timestamp($filled_at)\""
  awk -v b=$((busy1 - busy_filled)) -v t=$((total1 - total_filled)) 'BEGIN { printf "machine CPU busy while draining it: %.0f %%\n", 100 * b / t }'
fi
as_postgres "psql -d sync -tAc \"select format('latency receivedAt -> stored: p50 %s ms, p99 %s ms, max %s ms',
    round(percentile_cont(0.5) within group (order by ms)), round(percentile_cont(0.99) within group (order by ms)), round(max(ms)))
  from (select extract(epoch from stored_at - received_at) * 1000 as ms from event_store where connection_id = '$connection') t\""

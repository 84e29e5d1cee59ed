#!/usr/bin/env bash
# Sync rate against the running stack: a second simulator with a bigger portfolio, a Buildium connection to it,
# one Sync through the gateway, records/s as the connector reports it. Cleans up after itself.
# Usage: bench/sync.sh [properties=200] [units-per-property=25]
source "$(dirname "${BASH_SOURCE[0]}")/../deploy/local/lib.sh"
pick_java
http_ok 9180 /q/health/ready || die "the stack is not running: start it with deploy/local/run.sh"
SIM_PORT=8091 SIM_PROPERTIES="${1:-200}" SIM_UNITS_PER_PROPERTY="${2:-25}" SIM_CHANGE_INTERVAL_MS=0 \
  java -jar "$ROOT_DIR/pms-simulator/target/pms-simulator-0.1.0-SNAPSHOT.jar" >"$RUN_DIR/bench-simulator.log" 2>&1 &
echo $! >"$RUN_DIR/bench-simulator.pid"
trap 'stop_pid "$RUN_DIR/bench-simulator.pid" "bench simulator"' EXIT
wait_port 127.0.0.1 8091 30 "bench simulator"
java "$ROOT_DIR/bench/SyncBench.java" http://127.0.0.1:8080 http://127.0.0.1:8180/realms/pms http://127.0.0.1:8091

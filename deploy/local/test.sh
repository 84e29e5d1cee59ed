#!/usr/bin/env bash
# Runs every test (unit and integration). Starts a throw-away Kafka broker (127.0.0.1:19092) and the machine's
# PostgreSQL with fresh test databases, runs ./mvnw verify, stops what it started, then runs the offline checks of
# deploy/ (deploy/checks/run.sh: Kubernetes overlays, alert rules, dashboards, metric catalogue). Extra arguments go
# to Maven.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
pick_java
log "JDK: $JAVA_HOME"

cleanup() {
  # quiet, so the output ends with the test runner's summary
  PMS_QUIET=1
  stop_pid "$RUN_DIR/kafka-test.pid" "test Kafka"
  pg_stop_if_ours test
}
trap cleanup EXIT

pg_ensure test
pg_role pms_test pms_test
for db in connector_test sync_test queue_test; do pg_database "$db" pms_test fresh; done
kafka_start kafka-test 19092 19093 fresh

mvnw verify "$@"
cleanup
trap - EXIT
exec "$ROOT_DIR/deploy/checks/run.sh"

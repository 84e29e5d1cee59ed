#!/usr/bin/env bash
# Runs every test (unit and integration). Starts a throw-away Kafka broker (127.0.0.1:19092), the machine's
# PostgreSQL with fresh test databases and Keycloak with the demo realm (for the console's browser tests, which drive
# Debian's chromium: installed here when missing), runs ./mvnw verify, stops what it started, then runs the offline checks of
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
  [ -n "${KEYCLOAK_OURS:-}" ] && keycloak_stop
  return 0
}
trap cleanup EXIT

pg_ensure test
pg_role pms_test pms_test
for db in connector_test sync_test queue_test; do pg_database "$db" pms_test fresh; done
kafka_start kafka-test 19092 19093 fresh
# the console's browser tests log in through Keycloak's own form in Debian's chromium
if ! command -v chromium >/dev/null; then
  [ "$(id -u)" = 0 ] || die "the console tests need Debian's chromium: sudo apt-get install -y chromium"
  log "installing Debian's chromium for the console's browser tests"
  (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium) >"$RUN_DIR/chromium-install.log" 2>&1 \
    || die "could not install chromium; see $RUN_DIR/chromium-install.log"
fi
pid_alive "$RUN_DIR/keycloak.pid" || KEYCLOAK_OURS=1
keycloak_start   # boots while Maven builds; the console tests wait for it

rm -f "$ROOT_DIR"/system-tests/target/failsafe-reports/failsafe-summary*.xml  # failsafe merges an old summary into a new one
mvnw verify -Dpms.test.chromium="$(command -v chromium)" "$@"
cleanup
trap - EXIT
exec "$ROOT_DIR/deploy/checks/run.sh"

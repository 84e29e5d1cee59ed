#!/usr/bin/env bash
# Offline checks of deploy/ and docs/asyncapi.yaml: renders every Kustomize overlay and validates the objects against
# Kubernetes, prometheus-operator and Strimzi schemas; promtool checks and unit-tests the alert rules and checks the
# Prometheus config; the dashboards and alerts are checked against docs/metrics.md and against the metrics the
# services exported during the system tests. Run after ./mvnw verify (deploy/local/test.sh does).
# Tools are fetched once into .local-stack/tools: npm packages (package-lock.json), promtool from Debian's
# prometheus package (extracted, not installed), Strimzi's CRD generator from Maven Central.
source "$(cd "$(dirname "${BASH_SOURCE[0]}")/../local" && pwd)/lib.sh"
pick_java
CHECKS="$ROOT_DIR/deploy/checks"
TOOLS="$RUN_DIR/tools"
mkdir -p "$TOOLS"

command -v node >/dev/null || die "node is needed for the offline checks (Debian: apt-get install nodejs npm)"
command -v kubectl >/dev/null || die "kubectl is needed to render the overlays (kubectl kustomize)"

if [ ! -d "$CHECKS/node_modules" ] || [ "$CHECKS/package-lock.json" -nt "$CHECKS/node_modules" ]; then
  log "installing the check tools (npm ci)"
  (cd "$CHECKS" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || die "npm ci failed"
  touch "$CHECKS/node_modules"
fi

if [ ! -d "$CHECKS/asyncapi/node_modules" ] || [ "$CHECKS/asyncapi/package-lock.json" -nt "$CHECKS/asyncapi/node_modules" ]; then
  log "installing the AsyncAPI parser (npm ci)"
  (cd "$CHECKS/asyncapi" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || die "npm ci failed"
  touch "$CHECKS/asyncapi/node_modules"
fi

for tool in compose; do
  if [ ! -d "$CHECKS/$tool/node_modules" ] || [ "$CHECKS/$tool/package-lock.json" -nt "$CHECKS/$tool/node_modules" ]; then
    (cd "$CHECKS/$tool" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || die "npm ci in $tool failed"
    touch "$CHECKS/$tool/node_modules"
  fi
done

PROMTOOL=$(command -v promtool || echo "$TOOLS/prometheus/usr/bin/promtool")
if [ ! -x "$PROMTOOL" ]; then
  log "fetching promtool (Debian package prometheus, extracted into $TOOLS)"
  (cd "$TOOLS" && rm -f prometheus_*.deb && { apt-get download prometheus >/dev/null 2>&1 \
      || { [ "$(id -u)" = 0 ] && apt-get update -qq >/dev/null && apt-get download prometheus >/dev/null; }; } \
      && dpkg-deb -x prometheus_*.deb prometheus && rm -f prometheus_*.deb) || die "could not fetch the prometheus package"
fi

STRIMZI="$TOOLS/strimzi-1.2.0"
if [ ! -f "$STRIMZI/crds/user.yaml" ]; then
  log "generating the Strimzi CRDs (io.strimzi:crd-generator from Maven Central)"
  mvnw -q -B -f "$CHECKS/strimzi-crds/pom.xml" dependency:copy-dependencies -DoutputDirectory="$STRIMZI/lib" >/dev/null
  mkdir -p "$STRIMZI/crds"
  "$JAVA_HOME/bin/java" -cp "$STRIMZI/lib/*" io.strimzi.crdgenerator.CrdGenerator --yaml \
    io.strimzi.api.kafka.model.kafka.Kafka="$STRIMZI/crds/kafka.yaml" \
    io.strimzi.api.kafka.model.topic.KafkaTopic="$STRIMZI/crds/topic.yaml" \
    io.strimzi.api.kafka.model.nodepool.KafkaNodePool="$STRIMZI/crds/nodepool.yaml" \
    io.strimzi.api.kafka.model.user.KafkaUser="$STRIMZI/crds/user.yaml" >/dev/null \
    || die "Strimzi CRD generation failed"
fi

[ -d "$ROOT_DIR/event-contract/target/classes" ] || die "build first (./mvnw verify): event-contract's Topics lists the topics"
"$JAVA_HOME/bin/java" -cp "$ROOT_DIR/event-contract/target/classes" com.pmsbridge.contract.Topics > "$TOOLS/contract-topics.txt"

status=0
log "promtool: alert rules, their unit tests, the Prometheus config"
"$PROMTOOL" check rules "$ROOT_DIR/deploy/monitoring/alerts/pms-bridge-rules.yaml" || status=1
(cd "$ROOT_DIR/deploy/monitoring/alerts" && "$PROMTOOL" test rules pms-bridge-rules.test.yaml) || status=1
"$PROMTOOL" check config "$ROOT_DIR/deploy/monitoring/prometheus/prometheus.yml" || status=1
# the compose config expects the rules where docker-compose mounts them
compose_prometheus=$(mktemp -d)
mkdir -p "$compose_prometheus/rules"
cp "$ROOT_DIR/deploy/monitoring/prometheus/prometheus-compose.yml" "$compose_prometheus/prometheus.yml"
cp "$ROOT_DIR/deploy/monitoring/alerts/pms-bridge-rules.yaml" "$compose_prometheus/rules/"
"$PROMTOOL" check config "$compose_prometheus/prometheus.yml" || status=1
rm -rf "$compose_prometheus"

log "docker-compose.yml against the Compose Specification (dclint, errors only)"
"$CHECKS/compose/node_modules/.bin/dclint" --quiet --color=false "$ROOT_DIR/docker-compose.yml" || status=1
printf 'services:\n  a:\n    image: x\n    depends_on: {b: {condition: nope}}\n' >"$TOOLS/broken-compose.yml"
if "$CHECKS/compose/node_modules/.bin/dclint" --quiet "$TOOLS/broken-compose.yml" >/dev/null 2>&1; then
  echo "FAIL dclint accepted a broken compose file"; status=1
fi

log "AsyncAPI document"
CONTRACT_TOPICS="$TOOLS/contract-topics.txt" node "$CHECKS/asyncapi/check-asyncapi.mjs" || status=1

log "Kubernetes overlays, dashboards, alerts and the metric catalogue"
STRIMZI_CRDS="$STRIMZI/crds" CONTRACT_TOPICS="$TOOLS/contract-topics.txt" \
  CAPTURED_METRICS="${CAPTURED_METRICS:-$ROOT_DIR/system-tests/target/captured-metrics}" node "$CHECKS/ops-checks.mjs" || status=1
exit $status

#!/usr/bin/env bash
# Runs the whole system locally without Docker: PostgreSQL, a Kafka broker (KRaft), Keycloak, the four services
# built from source, and demo data. Stop it with deploy/local/stop.sh.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
pick_java
started=$SECONDS
log "JDK: $JAVA_HOME"

pg_ensure run
for svc in connector sync queue; do
  pg_role "$svc" "$svc"
  pg_database "$svc" "$svc"
done
kafka_start kafka 9092 9093
keycloak_start            # boots while the services build

log "building the services"
mvnw -q package -DskipTests || die "build failed"
kafka_create_topics 127.0.0.1:9092

start_service() { # module port [ENV=value ...]
  local module=$1 port=$2; shift 2
  local pidfile="$RUN_DIR/$module.pid"
  if pid_alive "$pidfile"; then log "$module already running"; return 0; fi
  # sync-service holds polled batches of change events in memory while it projects them: every young collection
  # copies them, so a large young generation (half the heap) and the parallel collector cost it the least CPU under
  # load (docs/benchmarks.md); 256 MB had made it spend a fifth of its time in garbage collection
  local jvm=(-Xmx256m); [ "$module" = sync-service ] && jvm=(-Xmx2g -XX:NewRatio=1 -XX:+UseParallelGC)
  # lz4-java's JNI library (loaded by NativeLz4 for the Kafka clients), without JDK 24+'s restricted-method warning
  jvm+=(--enable-native-access=ALL-UNNAMED)
  env QUARKUS_HTTP_PORT="$port" "$@" nohup java "${jvm[@]}" -jar "$ROOT_DIR/$module/target/quarkus-app/quarkus-run.jar" \
    >"$RUN_DIR/$module.log" 2>&1 &
  echo $! >"$pidfile"
}

start_simulator() {
  local pidfile="$RUN_DIR/pms-simulator.pid"
  if pid_alive "$pidfile"; then log "PMS simulator already running"; return 0; fi
  # 384 MB: it holds Buildium's published OpenAPI document to check every request and answer against it
  SIM_PORT=8090 SIM_WEBHOOK_URL=http://127.0.0.1:8080/webhooks/demo-buildium \
    SIM_APPFOLIO_WEBHOOK_URL=http://127.0.0.1:8080/webhooks/demo-appfolio SIM_CHANGE_INTERVAL_MS=4000 \
    nohup java -Xmx384m -jar "$ROOT_DIR/pms-simulator/target/pms-simulator-0.1.0-SNAPSHOT.jar" \
    >"$RUN_DIR/pms-simulator.log" 2>&1 &
  echo $! >"$pidfile"
}

start_simulator
keycloak_wait
# The key that encrypts connection secrets at rest: made once per local stack and kept with its database.
kek_file="$RUN_DIR/connector-secrets-key"
[ -s "$kek_file" ] || (umask 077; head -c 32 /dev/urandom | base64 >"$kek_file")
start_service connector-service 8081 CONNECTOR_DEMO_ENABLED=true \
  CONNECTOR_DEMO_WEBHOOK_SECRET="${DEMO_WEBHOOK_SECRET:-pms-demo-secret}" \
  CONNECTOR_DEMO_SIMULATOR_CREDENTIALS=sim-client:sim-secret CONNECTOR_DEMO_SIMULATOR_WEBHOOK_SECRET=sim-webhook-secret \
  CONNECTOR_SECRETS_KEYS="local:$(cat "$kek_file")" CONNECTOR_SECRETS_PRIMARY_KEY_ID=local \
  CONNECTOR_OUTBOUND_PLATFORM_HOSTS=127.0.0.1 CONNECTOR_DEMO_SIMULATOR_URL=http://127.0.0.1:8090
start_service sync-service 8082
start_service queue-service 8083
start_service api-gateway 8080 GATEWAY_OIDC_CLIENT_SECRET=pms-gateway-secret  # the demo realm's client secret
# health and metrics on each service's management port (connector 9181, sync 9182, queue 9183, gateway 9180)
for port in 9181 9182 9183 9180; do wait_http "$port" /q/health/ready 120 "service with management port $port"; done

log "sending demo data, syncing the simulated Buildium and AppFolio accounts, starting live changes"
java "$ROOT_DIR/deploy/local/DemoData.java" http://127.0.0.1:8080 "${DEMO_WEBHOOK_SECRET:-pms-demo-secret}" \
  http://127.0.0.1:8180/realms/pms demo-buildium

cat <<MSG

PMS Bridge is running (started in $((SECONDS - started)) s).
  Gateway:   http://127.0.0.1:8080   (API under /api/v1, webhooks under /webhooks/{connectionId})
  Keycloak:  http://127.0.0.1:8180   (realm pms; admin console login admin / admin)
  Logins:    olivia / olivia (operator, org acme)   adam / adam (admin, org acme)   victor / victor (viewer, org globex)
             pat / pat (platform-admin: rebuilds across organisations)

  Try it:
    TOKEN=\$(curl -s -d grant_type=password -d client_id=pms-gateway -d client_secret=pms-gateway-secret \\
      -d username=olivia -d password=olivia http://127.0.0.1:8180/realms/pms/protocol/openid-connect/token \\
      | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
    curl -H "Authorization: Bearer \$TOKEN" 'http://127.0.0.1:8080/api/v1/queue/items?status=PENDING'

  PMS simulator: http://127.0.0.1:8090 (Buildium API under /v1, AppFolio under /appfolio); it changes the
  portfolio every 4 s and sends signed webhooks to demo-buildium (org acme) and demo-appfolio (org globex).

  Logs and pids: $RUN_DIR      Stop: deploy/local/stop.sh
MSG

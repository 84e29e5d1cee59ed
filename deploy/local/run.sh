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
  env QUARKUS_HTTP_PORT="$port" "$@" nohup java -Xmx256m -jar "$ROOT_DIR/$module/target/quarkus-app/quarkus-run.jar" \
    >"$RUN_DIR/$module.log" 2>&1 &
  echo $! >"$pidfile"
}

keycloak_wait
start_service connector-service 8081 CONNECTOR_DEMO_ENABLED=true DEMO_WEBHOOK_SECRET="${DEMO_WEBHOOK_SECRET:-pms-demo-secret}"
start_service sync-service 8082
start_service queue-service 8083
start_service api-gateway 8080
for port in 8081 8082 8083 8080; do wait_http "http://127.0.0.1:$port/q/health/ready" 120 "service on $port"; done

log "sending demo data"
java "$ROOT_DIR/deploy/local/DemoData.java" http://127.0.0.1:8080 "${DEMO_WEBHOOK_SECRET:-pms-demo-secret}"

cat <<MSG

PMS Bridge is running (started in $((SECONDS - started)) s).
  Gateway:   http://127.0.0.1:8080   (API under /api/v1, webhooks under /webhooks/{connectionId})
  Keycloak:  http://127.0.0.1:8180   (realm pms; admin console login admin / admin)
  Logins:    olivia / olivia (operator, org acme)   adam / adam (admin, org acme)   victor / victor (viewer, org globex)

  Try it:
    TOKEN=\$(curl -s -d grant_type=password -d client_id=pms-gateway -d client_secret=pms-gateway-secret \\
      -d username=olivia -d password=olivia http://127.0.0.1:8180/realms/pms/protocol/openid-connect/token \\
      | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
    curl -H "Authorization: Bearer \$TOKEN" 'http://127.0.0.1:8080/api/v1/queue/items?status=PENDING'

  Logs and pids: $RUN_DIR      Stop: deploy/local/stop.sh
MSG

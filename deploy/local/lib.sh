#!/usr/bin/env bash
# Shared functions of the local stack scripts. Everything the scripts start keeps its pid and log under $RUN_DIR.
set -euo pipefail

ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUN_DIR="${PMS_RUN_DIR:-$ROOT_DIR/.local-stack}"
KAFKA_LIB="$RUN_DIR/kafka-lib"
KEYCLOAK_VERSION="26.5.6"
mkdir -p "$RUN_DIR"

log() { [ -n "${PMS_QUIET:-}" ] && return 0; printf '\033[1;34m[pms]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[pms] %s\033[0m\n' "$*" >&2; exit 1; }

# A JDK of at least 21: JAVA_HOME if it is one, else the newest under /usr/lib/jvm, else java on the PATH.
pick_java() {
  local candidate version
  for candidate in "${JAVA_HOME:-}" $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV) "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")"; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    version=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
    if [ "${version%%.*}" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME="${candidate%/}"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  die "no JDK 21 or newer found (set JAVA_HOME)"
}

mvnw() { "$ROOT_DIR/mvnw" -B -ntp "$@"; }

pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

wait_port() { # host port seconds name
  local deadline=$((SECONDS + $3))
  until (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; do
    [ $SECONDS -lt $deadline ] || die "$4 did not open $1:$2 within $3 s"
    sleep 0.2
  done
}

# True when GET http://127.0.0.1:<port><path> answers 200. Plain bash, so a fresh machine needs no curl.
http_ok() { # port path
  (exec 3<>"/dev/tcp/127.0.0.1/$1" && printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$2" >&3 \
    && head -1 <&3 | grep -q ' 200 ') 2>/dev/null
}

wait_http() { # port path seconds name
  local deadline=$((SECONDS + $3))
  until http_ok "$1" "$2"; do
    [ $SECONDS -lt $deadline ] || die "$4 was not ready at 127.0.0.1:$1$2 within $3 s"
    sleep 0.5
  done
}

# Stops the process whose pid file is given, and waits for it to go.
stop_pid() { # pidfile name
  local pidfile=$1 pid
  [ -f "$pidfile" ] || return 0
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    log "stopping $2 (pid $pid)"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

# ---------------------------------------------------------------- Kafka (KRaft, one broker+controller)
kafka_resolve() {
  [ -f "$KAFKA_LIB/.complete" ] && return 0
  log "resolving the Kafka broker from Maven Central into $KAFKA_LIB"
  rm -rf "$KAFKA_LIB"
  mvnw -q -f "$ROOT_DIR/deploy/local/kafka/pom.xml" dependency:copy-dependencies -DoutputDirectory="$KAFKA_LIB" \
    || die "could not resolve the Kafka broker"
  touch "$KAFKA_LIB/.complete"
}

kafka_start() { # name port controller-port [fresh]
  local name=$1 port=$2 cport=$3 fresh=${4:-}
  local dir="$RUN_DIR/$name" pidfile="$RUN_DIR/$name.pid"
  if pid_alive "$pidfile"; then log "$name already running (pid $(cat "$pidfile"))"; return 0; fi
  kafka_resolve
  [ "$fresh" = fresh ] && rm -rf "$dir"
  mkdir -p "$dir/data"
  cat > "$dir/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$cport
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$cport
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$dir/data
num.partitions=6
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
PROPS
  local cp="$KAFKA_LIB/*"
  local jvm=(-Xms256m -Xmx512m -Dlog4j2.configurationFile="$ROOT_DIR/deploy/local/kafka/log4j2.properties")
  if [ ! -f "$dir/data/meta.properties" ]; then
    local cluster_id
    cluster_id=$(java -cp "$cp" "${jvm[@]}" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)
    java -cp "$cp" "${jvm[@]}" kafka.tools.StorageTool format -t "$cluster_id" -c "$dir/server.properties" >"$dir/format.log" 2>&1 \
      || die "could not format Kafka storage (see $dir/format.log)"
  fi
  log "starting Kafka $name on 127.0.0.1:$port"
  nohup java -cp "$cp" "${jvm[@]}" kafka.Kafka "$dir/server.properties" >"$RUN_DIR/$name.log" 2>&1 &
  echo $! >"$pidfile"
  wait_port 127.0.0.1 "$port" 60 "Kafka $name"
}

# Creates every contract topic (state topics compacted). The list comes from the contract module (Topics.main),
# so it has one source; the module must be compiled first.
kafka_create_topics() { # bootstrap
  local kafka_java=(java -cp "$KAFKA_LIB/*" -Dlog4j2.configurationFile="$ROOT_DIR/deploy/local/kafka/log4j2.properties")
  local existing topic policy
  existing=$("${kafka_java[@]}" org.apache.kafka.tools.TopicCommand --bootstrap-server "$1" --list 2>/dev/null || true)
  while read -r topic policy; do
    grep -qx "$topic" <<<"$existing" && continue
    "${kafka_java[@]}" org.apache.kafka.tools.TopicCommand --bootstrap-server "$1" --create --if-not-exists \
      --topic "$topic" --partitions 6 --replication-factor 1 --config "cleanup.policy=$policy" >/dev/null
  done < <(java -cp "$ROOT_DIR/event-contract/target/classes" com.pmsbridge.contract.Topics)
}

# ---------------------------------------------------------------- PostgreSQL (the machine's Debian cluster)
# Which script started PostgreSQL: the last of them to stop it stops it, so tests never take the database away
# from a running stack.
pg_flag() { echo "$RUN_DIR/postgres.started-by-$1"; }

as_postgres() {
  if [ "$(id -u)" = 0 ]; then su postgres -c "$*"; else sudo -u postgres bash -c "$*"; fi
}

pg_ensure() { # owner (run or test)
  local owner=$1
  if ! command -v pg_lsclusters >/dev/null 2>&1; then
    log "installing Debian's postgresql"
    local sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q postgresql >/dev/null || {
      $sudo apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q postgresql >/dev/null; } \
      || die "could not install postgresql"
  fi
  local line version cluster status
  line=$(pg_lsclusters -h | head -1)
  [ -n "$line" ] || die "no PostgreSQL cluster found (pg_lsclusters is empty)"
  read -r version cluster _ status _ <<<"$line"
  local changed=""; pg_configure "$version" "$cluster" && changed=yes
  if [ "$status" != online ]; then
    log "starting PostgreSQL $version/$cluster"
    local sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo pg_ctlcluster "$version" "$cluster" start
    echo "$version $cluster" >"$(pg_flag "$owner")"
  elif [ -n "$changed" ]; then
    # running already (perhaps not ours): reload, do not restart; shared_buffers follows at its next start
    log "reloading PostgreSQL $version/$cluster with deploy/local/postgresql.conf"
    local sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo pg_ctlcluster "$version" "$cluster" reload
  fi
  if [ "$status" = online ] && [ ! -f "$(pg_flag "$owner")" ] && ls "$RUN_DIR"/postgres.started-by-* >/dev/null 2>&1; then
    # another of our scripts started it: share it, and keep it running until both are done
    cp "$(ls "$RUN_DIR"/postgres.started-by-* | head -1)" "$(pg_flag "$owner")"
  fi
  wait_port 127.0.0.1 5432 30 PostgreSQL
}

# Puts deploy/local/postgresql.conf into the cluster's conf.d; true when it was missing or different.
pg_configure() { # version cluster
  local target="/etc/postgresql/$1/$2/conf.d/pms-bridge.conf" sudo=""
  [ -d "$(dirname "$target")" ] || return 1
  cmp -s "$ROOT_DIR/deploy/local/postgresql.conf" "$target" && return 1
  [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo install -m 0644 "$ROOT_DIR/deploy/local/postgresql.conf" "$target"
}

# Stops PostgreSQL only when these scripts started it and no other of them still uses it.
pg_stop_if_ours() { # owner
  local flag version cluster sudo=""
  flag=$(pg_flag "$1")
  [ -f "$flag" ] || return 0
  read -r version cluster <"$flag"
  rm -f "$flag"
  ls "$RUN_DIR"/postgres.started-by-* >/dev/null 2>&1 && return 0
  [ "$(id -u)" = 0 ] || sudo=sudo
  log "stopping PostgreSQL $version/$cluster"
  $sudo pg_ctlcluster "$version" "$cluster" stop || true
}

pg_role() { # name password
  as_postgres "psql -q -v ON_ERROR_STOP=1 -c \"DO \\\$\\\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$1') THEN CREATE ROLE $1 LOGIN PASSWORD '$2'; END IF; END \\\$\\\$;\"" >/dev/null
}

pg_database() { # name owner [fresh]
  if [ "${3:-}" = fresh ]; then
    as_postgres "PGOPTIONS='-c client_min_messages=warning' psql -q -c 'DROP DATABASE IF EXISTS $1 WITH (FORCE)'" >/dev/null
  fi
  as_postgres "psql -tAc \"SELECT 1 FROM pg_database WHERE datname = '$1'\"" | grep -q 1 \
    || as_postgres "psql -q -v ON_ERROR_STOP=1 -c 'CREATE DATABASE $1 OWNER $2'" >/dev/null
}

# ---------------------------------------------------------------- Keycloak (dev mode, realm from deploy/keycloak)
keycloak_start() {
  local home="$RUN_DIR/keycloak-$KEYCLOAK_VERSION" pidfile="$RUN_DIR/keycloak.pid"
  if pid_alive "$pidfile"; then log "Keycloak already running"; return 0; fi
  if [ ! -x "$home/bin/kc.sh" ]; then
    log "resolving Keycloak $KEYCLOAK_VERSION from Maven Central (about 165 MB, once)"
    mvnw -q dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" -DoutputDirectory="$RUN_DIR" \
      || die "could not resolve Keycloak"
    # the JDK's jar tool unpacks zips (no unzip needed); it drops file modes, so restore the scripts' x bit
    (cd "$RUN_DIR" && jar xf "keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip" && rm -f "keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip")
    chmod +x "$RUN_DIR/keycloak-$KEYCLOAK_VERSION"/bin/*.sh
    [ -d "$RUN_DIR/keycloak-$KEYCLOAK_VERSION" ] || die "unexpected Keycloak archive layout"
  fi
  # --import-realm skips an existing realm: re-import the file each start so the realm matches the repository.
  rm -rf "$home/data/h2" "$home/data/import"
  mkdir -p "$home/data/import"
  cp "$ROOT_DIR/deploy/keycloak/pms-realm.json" "$home/data/import/"
  log "starting Keycloak on http://127.0.0.1:8180"
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="${KEYCLOAK_ADMIN_PASSWORD:-admin}" \
    setsid nohup "$home/bin/kc.sh" start-dev --http-port=8180 --http-host=127.0.0.1 --hostname=http://127.0.0.1:8180 \
    --health-enabled=true --import-realm >"$RUN_DIR/keycloak.log" 2>&1 &
  echo $! >"$pidfile"
}

keycloak_wait() {
  wait_http 8180 /realms/pms/.well-known/openid-configuration 180 Keycloak
}

keycloak_stop() {
  local pidfile="$RUN_DIR/keycloak.pid" pid
  [ -f "$pidfile" ] || return 0
  pid=$(cat "$pidfile")
  # kc.sh forks the Keycloak JVM: stop the whole process group it leads.
  if kill -0 "$pid" 2>/dev/null; then
    log "stopping Keycloak (process group $pid)"
    kill -- -"$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 150); do kill -0 -- -"$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 -- -"$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

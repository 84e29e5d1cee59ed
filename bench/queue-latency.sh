#!/usr/bin/env bash
# Latency from a webhook's 202 to its item in GET /api/v1/queue/items, at a fixed webhook rate, against the running
# stack (deploy/local/run.sh). Usage: bench/queue-latency.sh [webhooks-per-second=20] [count=600]
source "$(dirname "${BASH_SOURCE[0]}")/../deploy/local/lib.sh"
pick_java
http_ok 9180 /q/health/ready || die "the stack is not running: start it with deploy/local/run.sh"
java "$ROOT_DIR/bench/QueueLatency.java" http://127.0.0.1:8080 http://127.0.0.1:8180/realms/pms \
  "${DEMO_WEBHOOK_SECRET:-pms-demo-secret}" "${1:-20}" "${2:-600}"

#!/usr/bin/env bash
# Webhook ingest throughput against the running stack (start it with deploy/local/run.sh).
# Usage: bench/webhook-ingest.sh [count=5000] [concurrency=32] [url=gateway's demo-generic webhook]
source "$(dirname "${BASH_SOURCE[0]}")/../deploy/local/lib.sh"
pick_java
http_ok 9181 /q/health/ready || die "the stack is not running: start it with deploy/local/run.sh"
java "$ROOT_DIR/bench/WebhookLoad.java" "${3:-http://127.0.0.1:8080/webhooks/demo-generic}" \
  "${DEMO_WEBHOOK_SECRET:-pms-demo-secret}" "${1:-5000}" "${2:-32}"

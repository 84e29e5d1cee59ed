#!/usr/bin/env bash
# Creates the contract's topics from event-contract's Topics list (the one source), inside the apache/kafka image.
set -euo pipefail
java -cp /contract com.pmsbridge.contract.Topics | while read -r topic policy; do
  /opt/kafka/bin/kafka-topics.sh --bootstrap-server kafka:9092 --create --if-not-exists --topic "$topic" \
    --partitions 6 --replication-factor 1 --config "cleanup.policy=$policy"
done

package com.pmsbridge.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Points the service at the real test broker and makes sure every contract topic exists before consumers start. */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String bootstrap = TestInfrastructure.kafkaBootstrapServers();
        KafkaTopics.createContractTopics(bootstrap);
        return Map.of("kafka.bootstrap.servers", bootstrap);
    }

    @Override
    public void stop() {
        // the broker belongs to deploy/local/test.sh, which stops it
    }
}

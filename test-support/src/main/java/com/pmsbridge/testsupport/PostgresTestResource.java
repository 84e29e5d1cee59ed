package com.pmsbridge.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Points the service at its own database on the real test PostgreSQL server (init arg {@code database}). */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {
    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", "pms_test");
    }

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.datasource.jdbc.url", TestInfrastructure.jdbcUrl(database),
                "quarkus.datasource.username", TestInfrastructure.dbUser(),
                "quarkus.datasource.password", TestInfrastructure.dbPassword());
    }

    @Override
    public void stop() {
        // the server belongs to deploy/local/test.sh
    }
}

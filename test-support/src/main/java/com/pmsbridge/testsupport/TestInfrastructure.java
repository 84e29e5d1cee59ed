package com.pmsbridge.testsupport;

/**
 * Where the real test broker and database are. deploy/local/test.sh starts them and Failsafe passes these
 * system properties; the defaults match the script so a test can also run from an IDE after the script started them.
 * With {@code -Ptestcontainers} the test-containers module starts them in Docker and sets the properties instead.
 */
public final class TestInfrastructure {
    private TestInfrastructure() {}

    public static String kafkaBootstrapServers() {
        return System.getProperty("pms.test.kafka", "127.0.0.1:19092");
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + System.getProperty("pms.test.db-host", "127.0.0.1") + ":"
                + System.getProperty("pms.test.db-port", "5432") + "/" + database;
    }

    public static String dbUser() {
        return System.getProperty("pms.test.db-user", "pms_test");
    }

    public static String dbPassword() {
        return System.getProperty("pms.test.db-password", "pms_test");
    }
}

package com.pmsbridge.connector.retention;

import com.pmsbridge.testsupport.KafkaTestResource;
import com.pmsbridge.testsupport.PostgresTestResource;
import com.pmsbridge.testsupport.TestOidcResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@QuarkusTestResource(TestOidcResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "connector_test"))
class RetentionIT {
    @Inject
    Retention retention;

    @Inject
    EntityManager em;

    @Test
    void givenRowsPastAndWithinTheirAges_whenPurged_thenOnlyThoseTooOldAndFinishedAreGone() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        QuarkusTransaction.requiringNew().run(() -> {
            execute("insert into webhook_delivery (connection_id, dedupe_key, event_id, received_at) values"
                    + " ('demo-generic', 'old-" + run + "', 'e1', now() - interval '15 days'),"
                    + " ('demo-generic', 'new-" + run + "', 'e2', now() - interval '13 days')");
            execute(
                    "insert into entity_fingerprint (connection_id, entity_type, external_id, digest, updated_at) values"
                            + " ('demo-generic', 'lease', 'old-" + run + "', 'd', now() - interval '91 days'),"
                            + " ('demo-generic', 'lease', 'new-" + run + "', 'd', now() - interval '1 day')");
            execute("insert into writeback_command (command_id, connection_id, type, status, created_at, completed_at)"
                    + " values ('done-old-" + run + "', 'c', 'T', 'SUCCEEDED', now() - interval '100 days',"
                    + " now() - interval '91 days'),"
                    + " ('running-old-" + run + "', 'c', 'T', 'IN_PROGRESS', now() - interval '100 days', null),"
                    + " ('done-new-" + run
                    + "', 'c', 'T', 'FAILED', now() - interval '2 days', now() - interval '1 day')");
        });

        retention.purge();

        assertThat(count("webhook_delivery", "dedupe_key", run)).containsExactly("new-" + run);
        assertThat(count("entity_fingerprint", "external_id", run)).containsExactly("new-" + run);
        assertThat(count("writeback_command", "command_id", run))
                .containsExactlyInAnyOrder("running-old-" + run, "done-new-" + run);
    }

    private void execute(String sql) {
        em.createNativeQuery(sql).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private List<String> count(String table, String column, String run) {
        return QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery(
                                "select " + column + " from " + table + " where " + column + " like '%" + run + "'")
                        .getResultList());
    }
}

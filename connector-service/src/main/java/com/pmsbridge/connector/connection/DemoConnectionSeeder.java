package com.pmsbridge.connector.connection;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/** Creates the demo connection of a generic PMS when {@code connector.demo.enabled} is set. */
@ApplicationScoped
public class DemoConnectionSeeder {
    private static final Logger LOG = Logger.getLogger(DemoConnectionSeeder.class);

    @Transactional
    void onStart(@Observes StartupEvent event, DemoConnectionConfig demo) {
        if (!demo.enabled() || Connection.findById(demo.connectionId()) != null) {
            return;
        }
        Connection connection = new Connection();
        connection.id = demo.connectionId();
        connection.org = demo.org();
        connection.pmsType = "generic";
        connection.displayName = "Demo generic PMS";
        connection.webhookSecretRef = demo.webhookSecretRef();
        connection.persist();
        LOG.infof("created demo connection %s for org %s", connection.id, connection.org);
    }
}

package com.pmsbridge.connector.connection;

import io.quarkus.runtime.StartupEvent;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

/** Creates the demo connection of a generic PMS when {@code connector.demo.enabled} is set. */
@ApplicationScoped
public class DemoConnectionSeeder {
    private static final Logger LOG = Logger.getLogger(DemoConnectionSeeder.class);

    @Transactional
    void onStart(@Observes StartupEvent event, DemoConnectionConfig demo) {
        if (!demo.enabled()) {
            return;
        }
        create(
                demo.connectionId(),
                demo.org(),
                "generic",
                "Demo generic PMS",
                null,
                null,
                demo.webhookSecretRef(),
                null,
                ConnectionMode.WEBHOOK);
        demo.simulatorUrl().ifPresent(url -> {
            create(
                    "demo-buildium",
                    "acme",
                    "buildium",
                    "Demo Buildium (simulator)",
                    url,
                    "env:DEMO_BUILDIUM_CREDENTIALS",
                    "env:DEMO_BUILDIUM_WEBHOOK_SECRET",
                    null,
                    ConnectionMode.BOTH);
            create(
                    "demo-appfolio",
                    "globex",
                    "appfolio",
                    "Demo AppFolio (simulator)",
                    url + "/appfolio",
                    "env:DEMO_APPFOLIO_CREDENTIALS",
                    null,
                    url + "/appfolio",
                    ConnectionMode.WEBHOOK);
        });
    }

    private static void create(
            String id,
            String org,
            String pmsType,
            String name,
            String apiBaseUrl,
            String credentialRef,
            String webhookSecretRef,
            String issuer,
            ConnectionMode mode) {
        if (Connection.findById(id) != null) {
            return;
        }
        Connection connection = new Connection();
        connection.id = id;
        connection.org = org;
        connection.pmsType = pmsType;
        connection.displayName = name;
        connection.apiBaseUrl = apiBaseUrl;
        connection.credentialRef = credentialRef;
        connection.webhookSecretRef = webhookSecretRef;
        connection.webhookIssuerUrl = issuer;
        connection.mode = mode;
        connection.persist();
        LOG.infof("created demo connection %s for org %s", connection.id, connection.org);
    }
}

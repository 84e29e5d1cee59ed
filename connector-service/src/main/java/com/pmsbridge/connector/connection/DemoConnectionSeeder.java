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

    private final ConnectionSecrets secrets;

    DemoConnectionSeeder(ConnectionSecrets secrets) {
        this.secrets = secrets;
    }

    @Transactional
    void onStart(@Observes StartupEvent event, DemoConnectionConfig demo) {
        if (!demo.enabled()) {
            return;
        }
        create(demo.connectionId(), demo.org(), "generic", "Demo generic PMS", null, null, ConnectionMode.WEBHOOK);
        demo.webhookSecret().ifPresent(secret -> seedSecret(demo.connectionId(), SecretKind.WEBHOOK, secret));
        demo.simulatorUrl().ifPresent(url -> {
            create("demo-buildium", "acme", "buildium", "Demo Buildium (simulator)", url, null, ConnectionMode.BOTH);
            create(
                    "demo-appfolio",
                    "globex",
                    "appfolio",
                    "Demo AppFolio (simulator)",
                    url + "/appfolio",
                    url + "/appfolio",
                    ConnectionMode.WEBHOOK);
            demo.simulatorCredentials().ifPresent(credential -> {
                seedSecret("demo-buildium", SecretKind.CREDENTIAL, credential);
                seedSecret("demo-appfolio", SecretKind.CREDENTIAL, credential);
            });
            demo.simulatorWebhookSecret().ifPresent(secret -> seedSecret("demo-buildium", SecretKind.WEBHOOK, secret));
        });
    }

    /** Sets a demo secret once; a value an operator changed since is kept. */
    private void seedSecret(String connectionId, SecretKind kind, String value) {
        if (Connection.findById(connectionId) != null
                && secrets.summary(connectionId, kind).isEmpty()) {
            secrets.set(connectionId, kind, value);
        }
    }

    private static void create(
            String id, String org, String pmsType, String name, String apiBaseUrl, String issuer, ConnectionMode mode) {
        if (Connection.findById(id) != null) {
            return;
        }
        Connection connection = new Connection();
        connection.id = id;
        connection.org = org;
        connection.pmsType = pmsType;
        connection.displayName = name;
        connection.apiBaseUrl = apiBaseUrl;
        connection.webhookIssuerUrl = issuer;
        connection.mode = mode;
        connection.persist();
        LOG.infof("created demo connection %s for org %s", connection.id, connection.org);
    }
}

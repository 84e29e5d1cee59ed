package com.pmsbridge.simulator;

import com.pmsbridge.simulator.appfolio.AppFolioApi;
import com.pmsbridge.simulator.appfolio.AppFolioKeys;
import com.pmsbridge.simulator.appfolio.AppFolioWebhookSender;
import com.pmsbridge.simulator.buildium.BuildiumApi;
import com.pmsbridge.simulator.buildium.BuildiumWebhookSender;
import com.pmsbridge.simulator.portfolio.Portfolio;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The simulated PMS: the HTTP API, the portfolio, the change engine and the webhook sender. */
public final class PmsSimulator implements AutoCloseable {
    private final HttpServer server;
    private final Portfolio portfolio;
    private final BuildiumApi buildium;
    private final BuildiumWebhookSender webhooks;
    private final ChangeEngine engine;
    private ScheduledExecutorService scheduler;
    private final AppFolioKeys appFolioKeys = new AppFolioKeys();
    private final AppFolioWebhookSender appFolioWebhooks;

    private PmsSimulator(SimulatorConfig config) throws IOException {
        Clock clock = Clock.systemUTC();
        portfolio = Portfolio.generate(config.properties(), config.unitsPerProperty(), config.seed());
        webhooks = new BuildiumWebhookSender(
                config.webhookUrl(),
                config.webhookSecret(),
                config.accountId(),
                config.duplicateRate(),
                config.outOfOrderRate(),
                new Random(config.seed() + 1),
                clock);
        buildium = new BuildiumApi(
                portfolio, config.clientId(), config.clientSecret(), config.requestsPerSecond(), clock, webhooks::send);
        String appFolioUrl = config.appFolioWebhookUrl();
        engine = new ChangeEngine(portfolio, clock, (eventName, ids) -> {
            webhooks.send(eventName, ids);
            if (appFolioUrl != null && !appFolioUrl.isBlank()) {
                forwardToAppFolio(appFolioUrl, eventName, ids);
            }
        });
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/v1/", buildium);
        server.createContext(
                "/appfolio/", new AppFolioApi(portfolio, appFolioKeys, config.clientId(), config.clientSecret()));
        appFolioWebhooks = new AppFolioWebhookSender(appFolioKeys, config.clientId(), clock);
        server.start();
        if (config.changeIntervalMs() > 0) {
            startChanges(config.changeIntervalMs());
        }
    }

    public static PmsSimulator start(SimulatorConfig config) {
        try {
            return new PmsSimulator(config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public Portfolio portfolio() {
        return portfolio;
    }

    public BuildiumApi buildium() {
        return buildium;
    }

    /** AppFolio's signing keys (rotate them to test JWKS refresh). */
    public AppFolioKeys appFolioKeys() {
        return appFolioKeys;
    }

    public AppFolioWebhookSender appFolioWebhooks() {
        return appFolioWebhooks;
    }

    /** The AppFolio issuer base: the JWKS is at {@code <issuer>/.well-known/jwks.json}. */
    public String appFolioIssuer() {
        return baseUrl() + "/appfolio";
    }

    public ChangeEngine engine() {
        return engine;
    }

    public BuildiumWebhookSender webhooks() {
        return webhooks;
    }

    /** The same change as AppFolio announces it, for the entities the AppFolio side serves. */
    private void forwardToAppFolio(String url, String eventName, Map<String, Object> ids) {
        String entity = eventName.substring(0, eventName.indexOf('.'));
        Map<String, String> topics =
                Map.of("WorkOrder", "work_order_updates", "LeaseTenant", "tenant_updates", "Lease", "lease_updates");
        Map<String, String> idFields =
                Map.of("WorkOrder", "WorkOrderId", "LeaseTenant", "TenantId", "Lease", "LeaseId");
        if (topics.containsKey(entity) && ids.get(idFields.get(entity)) != null) {
            appFolioWebhooks.send(
                    url,
                    appFolioWebhooks.event(
                            topics.get(entity), ids.get(idFields.get(entity)).toString()));
        }
    }

    /** Starts changing the portfolio every {@code intervalMs} (the change engine's own schedule). */
    public synchronized void startChanges(long intervalMs) {
        stopChanges();
        scheduler = Executors.newSingleThreadScheduledExecutor();
        scheduler.scheduleWithFixedDelay(this::safeTick, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
    }

    /** Stops the scheduled changes and waits for a change in progress to finish. */
    public synchronized void stopChanges() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scheduler = null;
        }
    }

    private void safeTick() {
        try {
            engine.tick();
        } catch (RuntimeException e) {
            System.err.println("simulator change failed: " + e);
        }
    }

    @Override
    public void close() {
        stopChanges();
        server.stop(0);
    }
}

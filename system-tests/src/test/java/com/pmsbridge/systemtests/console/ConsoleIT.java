package com.pmsbridge.systemtests.console;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.pmsbridge.simulator.PmsSimulator;
import com.pmsbridge.simulator.SimulatorConfig;
import com.pmsbridge.systemtests.RunningSystem;
import com.pmsbridge.testsupport.TestWebhooks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operator console in headless Chromium (Debian's), signed in through Keycloak's login form as the demo realm's
 * users, against the four services running as processes. Each test makes its own queue items, tagged so it can find
 * them among others (the search box), and checks every page it visits with axe-core.
 */
class ConsoleIT {
    private static Playwright playwright;
    private static com.microsoft.playwright.Browser chromium;
    private BrowserContext context;

    @BeforeAll
    static void system() {
        // deploy/local/test.sh starts Keycloak while Maven builds: it may still be booting
        await("Keycloak's demo realm at " + RunningSystem.keycloakIssuer())
                .atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(() -> given().get(RunningSystem.keycloakIssuer() + "/.well-known/openid-configuration")
                                .statusCode()
                        == 200);
        RunningSystem.startWithKeycloak();
        playwright = Playwright.create();
        chromium = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Path.of(System.getProperty("pms.test.chromium", "/usr/bin/chromium")))
                        .setArgs(List.of("--no-sandbox"))
                        .setHeadless(true));
    }

    @AfterAll
    static void close() {
        if (playwright != null) {
            playwright.close();
        }
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    private Page as(String user) {
        context = chromium.newContext(
                new NewContextOptions().setViewportSize(1280, 900).setLocale("en-GB"));
        Page page = context.newPage();
        Browser.signIn(page, user);
        return page;
    }

    @Test
    void givenOlivia_whenTheQueueOpens_thenHerItemsShowOldestFirstAndOneOpensWithItsChanges() {
        String tag = tag();
        // the lease's resident and unit (U-101), known by name
        sendEntity("resident", "{\"id\":\"R-1\",\"firstName\":\"Rosa\",\"lastName\":\"Ortega\",\"unitId\":\"U-101\"}");
        sendEntity("unit", "{\"id\":\"U-101\",\"propertyId\":\"P-100\",\"number\":\"101\"}");
        Page page = as("olivia");
        // the queue orders by arrival: the second is sent once the first has arrived
        sendLease(tag + "-1", "FUTURE");
        search(page, tag, 1);
        sendLease(tag + "-2", "FUTURE");
        search(page, tag, 2);

        Locator rows = page.locator("tbody#rows tr[data-item]");
        assertThat(rows.nth(0)).containsText(tag + "-1");
        assertThat(rows.nth(1)).containsText(tag + "-2");
        assertThat(page.getByTestId("who")).containsText("acme");
        Browser.assertAccessible(page);
        Browser.screenshots(page, "queue");

        page.getByTestId("sort-toggle").click();
        assertThat(page.locator("tbody#rows tr[data-item]").nth(0)).containsText(tag + "-2");

        page.locator("tbody#rows tr[data-item] a[data-action=open]").first().click();
        assertThat(page.getByTestId("item-status")).hasText("PENDING");
        // who and what it is about, by name (read with her own token)
        await().atMost(Duration.ofSeconds(60))
                .pollInSameThread()
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    page.reload();
                    return page.getByTestId("item-residents").innerText().contains("Rosa Ortega");
                });
        assertThat(page.getByTestId("item-unit")).hasText("101 (U-101)");
        assertThat(page.locator("table.changes")).containsText("status");
        Browser.assertAccessible(page);
        Browser.screenshots(page, "item");
    }

    @Test
    void givenPendingItems_whenOliviaAppliesOneAndSkipsOneWithAReason_thenTheyLeaveTheQueueAndTheLogNamesHer() {
        String tag = tag();
        sendLease(tag + "-a", "FUTURE");
        sendLease(tag + "-s", "FUTURE");
        Page page = as("olivia");
        search(page, tag, 2);

        row(page, tag + "-a").locator("[data-action=apply]").click();
        assertThat(page.locator(".notice")).containsText("Applied 1 item");
        row(page, tag + "-s").locator("[data-action=reason]").fill("already handled by phone");
        row(page, tag + "-s").locator("[data-action=skip]").click();
        assertThat(page.locator(".notice")).containsText("Skipped 1 item");
        assertThat(page.getByTestId("queue-empty")).isVisible();

        String name = page.getByTestId("who").innerText().split(" · ")[0];
        page.navigate(RunningSystem.gateway() + "/console/log?actor=" + name.replace(" ", "+"));
        Locator log = page.locator("table.log tbody");
        assertThat(log).containsText("applied");
        assertThat(log).containsText(tag + "-a");
        assertThat(log).containsText(name);
        assertThat(log).containsText("already handled by phone");
        Browser.assertAccessible(page);
        Browser.screenshots(page, "log");
        // the export link, fetched with the browser's own session (headless Chromium cancels attachment downloads)
        com.microsoft.playwright.APIResponse csv = context.request()
                .get(RunningSystem.gateway() + page.getByTestId("log-csv").getAttribute("href"));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.headers().get("content-type")).startsWith("text/csv");
        assertThat(csv.text())
                .startsWith("at,action,itemType,")
                .contains(tag + "-a")
                .contains(name);
    }

    @Test
    void givenAFilteredSet_whenOliviaAppliesItInBulk_thenExactlyThoseItemsAreApplied() {
        String tag = tag();
        String other = tag();
        sendLease(tag + "-1", "FUTURE");
        sendLease(tag + "-2", "FUTURE");
        sendLease(tag + "-3", "FUTURE");
        sendLease(other + "-x", "FUTURE");
        Page page = as("olivia");
        search(page, tag, 3);

        page.getByTestId("bulk-apply").click();

        assertThat(page.locator(".notice")).containsText("Applied 3 items");
        assertThat(page.getByTestId("queue-empty")).isVisible();
        search(page, other, 1); // outside the filter: untouched
    }

    @Test
    void givenAdam_whenHeTurnsAutoApplyOnForATypeWithPendingItems_thenItIsOnAndHeIsOfferedToApplyThem() {
        String tag = tag();
        sendLease(tag + "-1", "FUTURE");
        Page page = as("adam");
        search(page, tag, 1);
        page.navigate(RunningSystem.gateway() + "/console/settings");
        try {
            page.getByTestId("toggle-LEASE_CREATION").click();

            assertThat(page.locator(".notice").first()).containsText("Auto-apply on for LEASE_CREATION");
            assertThat(page.getByTestId("toggle-LEASE_CREATION")).hasText("On");
            assertThat(page.getByTestId("offer")).containsText("already pending");
            Browser.assertAccessible(page);
            Browser.screenshots(page, "settings");
        } finally {
            // other tests expect their lease items to wait for a decision
            page.navigate(RunningSystem.gateway() + "/console/settings");
            if ("On".equals(page.getByTestId("toggle-LEASE_CREATION").innerText())) {
                page.getByTestId("toggle-LEASE_CREATION").click();
            }
        }
        assertThat(page.getByTestId("toggle-LEASE_CREATION")).hasText("Off");
    }

    @Test
    void givenABuildiumConnection_whenOliviaStartsASync_thenItsProgressShowsAndASecondOneIsRefused() {
        // a PMS that allows one request a second: the Sync lasts long enough to ask for a second one
        try (PmsSimulator pms = PmsSimulator.start(
                SimulatorConfig.defaults().withPortfolio(30, 20).withRequestsPerSecond(1))) {
            String connection = buildiumConnection(pms.baseUrl());
            Page page = as("olivia");
            page.navigate(RunningSystem.gateway() + "/console/connections");
            page.getByTestId("test-" + connection).click();
            assertThat(page.locator(".notice")).containsText(connection + " answered in");

            page.getByTestId("sync-" + connection).click();
            assertThat(page.locator(".notice")).containsText("Sync of " + connection + " started");
            assertThat(page.getByTestId("progress-" + connection)).containsText("records");
            page.getByTestId("sync-" + connection).click();

            assertThat(page.locator(".error")).containsText("is running");
            Browser.assertAccessible(page);
            Browser.screenshots(page, "connections");
            page.navigate(RunningSystem.gateway() + "/console/drift?connectionId=" + connection);
            assertThat(page.locator("h1")).hasText("Drift");
            Browser.assertAccessible(page);
            Browser.screenshots(page, "drift");
        }
    }

    @Test
    void givenHerEditThatThePmsRefused_whenOliviaKeepsTheHubValue_thenTheConflictIsResolvedAndHistoryShowsHerEdit() {
        String workOrder = tag();
        String key = "workorder:demo-generic:" + workOrder;
        sendWorkOrder(workOrder, "NEW", "2026-11-23T08:00:00Z");
        Page page = as("olivia");
        await().atMost(Duration.ofSeconds(60))
                .pollInSameThread()
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    page.navigate(RunningSystem.gateway() + "/console/entities/" + key);
                    return page.locator("table.changes").count() > 0;
                });
        Browser.assertAccessible(page);
        Browser.screenshots(page, "entity");

        // her edit of the shared status is written back; this demo PMS takes no write-back: an open conflict
        page.locator("select[name=field]").selectOption("status");
        page.locator("input[name=value]").fill("IN_PROGRESS");
        page.locator("form.filters button").click();
        assertThat(page.locator(".notice")).containsText("Saved status");
        Locator conflict = page.locator("[data-testid=conflict]", new Page.LocatorOptions().setHasText(key));
        await().atMost(Duration.ofSeconds(60))
                .pollInSameThread()
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    page.navigate(RunningSystem.gateway() + "/console/conflicts?entityType=workorder");
                    return conflict.count() == 1;
                });
        assertThat(conflict).containsText("IN_PROGRESS");
        assertThat(conflict).containsText("writeback-rejected");
        Browser.assertAccessible(page);
        Browser.screenshots(page, "conflicts");

        conflict.getByTestId("take-hub").click();

        assertThat(page.locator(".notice")).containsText("Resolved: status now has the HUB value");
        assertThat(conflict).hasCount(0);
        String name = page.getByTestId("who").innerText().split(" · ")[0];
        page.navigate(RunningSystem.gateway() + "/console/conflicts?entityType=workorder&status=RESOLVED");
        assertThat(conflict).containsText("Resolved by " + name);
        page.navigate(RunningSystem.gateway() + "/console/entities/" + key);
        assertThat(page.locator("table.changes tr", new Page.LocatorOptions().setHasText("status")))
                .containsText("IN_PROGRESS");
        // the history names her and the value she set
        assertThat(page.locator("table.log tbody tr", new Page.LocatorOptions().setHasText("status: IN_PROGRESS"))
                        .first())
                .containsText(name);
    }

    @Test
    void givenARefusedAndAnAppliedWebhook_whenOliviaOpensConnections_thenTheConnectionShowsRejectionsAndFreshness() {
        String unit = tag();
        String timestamp = TestWebhooks.nowSeconds();
        given().baseUri(RunningSystem.gateway())
                .contentType("application/json")
                .header("X-PMS-Timestamp", timestamp)
                .header("X-PMS-Signature", TestWebhooks.genericSignature("not-the-secret", timestamp, "{}"))
                .body("{}")
                .post("/webhooks/demo-generic")
                .then()
                .statusCode(401);
        sendEntity("unit", "{\"id\":\"%s\",\"propertyId\":\"P-100\",\"number\":\"%s\"}".formatted(unit, unit));

        Page page = as("olivia");
        Locator rejected = page.getByTestId("rejected-demo-generic");
        Locator freshness = page.getByTestId("freshness-demo-generic");
        // both are counted in memory and added up in the database every 2 s here (15 s and 30 s by default)
        await().atMost(Duration.ofSeconds(60))
                .pollInSameThread()
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    page.navigate(RunningSystem.gateway() + "/console/connections");
                    return rejected.innerText().contains("signature invalid")
                            && freshness.innerText().contains("changes in the last hour");
                });
        assertThat(freshness).containsText("p50");
    }

    @Test
    void givenACompletedSync_whenOliviaOpensItsDriftReport_thenTheReportShowsItsCounts() {
        try (PmsSimulator pms = PmsSimulator.start(SimulatorConfig.defaults().withPortfolio(2, 3))) {
            String connection = buildiumConnection(pms.baseUrl());
            Page page = as("olivia");
            page.navigate(RunningSystem.gateway() + "/console/connections");
            page.getByTestId("sync-" + connection).click();
            assertThat(page.locator(".notice")).containsText("Sync of " + connection + " started");

            // sync-service reconciles once every record of the Sync is projected
            Locator report = page.locator("table.log tbody tr", new Page.LocatorOptions().setHasText(connection))
                    .locator("a");
            await().atMost(Duration.ofSeconds(90))
                    .pollInSameThread()
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        page.navigate(RunningSystem.gateway() + "/console/drift?connectionId=" + connection);
                        return report.count() > 0;
                    });
            report.first().click();

            assertThat(page.locator("h1")).hasText("Drift of " + connection);
            assertThat(page.locator("dl.facts")).containsText("expected");
            Browser.assertAccessible(page);
            Browser.screenshots(page, "drift-report");
        }
    }

    @Test
    void givenAdam_whenHeSetsAConnectionsSecrets_thenOnlyTheirFingerprintsShow() {
        String connection = buildiumConnection("http://127.0.0.1:1"); // never called: only its secrets matter
        Page page = as("adam");
        page.navigate(RunningSystem.gateway() + "/console/connections");
        Locator section = page.locator("section.connection", new Page.LocatorOptions().setHasText(connection));
        section.locator("summary").click();

        section.locator("input[name=webhookSecret]").fill("rotated-webhook-secret-of-" + connection);
        section.locator("form.filters button").click();

        assertThat(page.locator(".notice")).containsText("Secrets of " + connection + " saved");
        section.locator("summary").click();
        assertThat(section).containsText("Webhook secret: fingerprint");
        assertThat(page.locator("body")).not().containsText("rotated-webhook-secret-of-");
    }

    @Test
    void givenPat_whenHeSignsIn_thenThePlatformPageOffersARebuildThatOliviaNeverSees() {
        Page page = as("pat");
        page.locator("nav a", new Page.LocatorOptions().setHasText("Platform")).click();
        assertThat(page.getByTestId("rebuild")).isVisible();
        Browser.assertAccessible(page);
        // a rebuild's progress as the page shows it; an id no rebuild has says so
        page.navigate(RunningSystem.gateway() + "/console/platform?run=" + UUID.randomUUID());
        assertThat(page.locator(".progress")).containsText("No progress known for this rebuild");
        Browser.assertAccessible(page);
        context.close();

        Page operator = as("olivia");
        assertThat(operator.locator("nav a", new Page.LocatorOptions().setHasText("Platform")))
                .hasCount(0);
        operator.navigate(RunningSystem.gateway() + "/console/platform");
        assertThat(operator.getByTestId("rebuild")).hasCount(0);
    }

    @Test
    void givenVictorOfAnotherOrganisation_whenHeLooks_thenHeSeesNoActionAndNoneOfAcmesItems() {
        String tag = tag();
        sendLease(tag + "-1", "FUTURE");
        Page page = as("victor");

        page.navigate(RunningSystem.gateway() + "/console/queue?q=" + tag);
        assertThat(page.getByTestId("queue-empty")).isVisible();
        assertThat(page.getByTestId("who")).containsText("globex");
        assertThat(page.locator("[data-action=apply], [data-testid=bulk-apply]"))
                .hasCount(0);
        page.navigate(RunningSystem.gateway() + "/console/connections");
        assertThat(page.locator("[data-testid^=sync-]")).hasCount(0);
        page.navigate(RunningSystem.gateway() + "/console/settings");
        assertThat(page.locator("[data-testid^=toggle-]")).hasCount(0);
    }

    @Test
    void givenQueueServiceStopped_whenTheQueueOpens_thenAnErrorShowsNotAnEmptyQueue() {
        Page page = as("olivia");
        RunningSystem.queue().stop();
        try {
            page.navigate(RunningSystem.gateway() + "/console/queue");

            assertThat(page.getByTestId("queue-error")).containsText("could not be loaded");
            assertThat(page.getByTestId("queue-empty")).hasCount(0);
            Browser.assertAccessible(page);
        } finally {
            RunningSystem.queue().startAgain();
        }
    }

    @Test
    void givenAnOpenQueuePage_whenAWebhookIsAccepted_thenItsItemAppearsWithoutAReload() {
        String tag = tag();
        Page page = as("olivia");
        page.navigate(RunningSystem.gateway() + "/console/queue?q=" + tag);
        assertThat(page.getByTestId("queue-empty")).isVisible();

        long accepted = System.nanoTime();
        sendLease(tag + "-live", "FUTURE");
        page.locator("tbody#rows tr[data-item]").first().waitFor(new Locator.WaitForOptions().setTimeout(60_000));

        // a figure for the closing note, not an assertion: the page follows the queue's change stream
        System.out.printf(
                "console: webhook 202 -> item on an open page in %d ms%n", (System.nanoTime() - accepted) / 1_000_000);
        assertThat(page.locator("tbody#rows")).containsText(tag + "-live");
        // the stream the page follows answers through the gateway with the browser's session
        Object first = page.evaluate("() => new Promise(done => { const s = new EventSource('/console/queue/changes');"
                + " s.onmessage = m => { s.close(); done(m.data); };"
                + " setTimeout(() => { s.close(); done('no event in 15 s'); }, 15000); })");
        assertThat(String.valueOf(first)).contains("heartbeat");
    }

    // ---------------------------------------------------------------------------------------------------------

    private static String tag() {
        return "T" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Searches the queue for a tag and waits until exactly {@code expected} of its items are listed. */
    private static void search(Page page, String tag, int expected) {
        page.navigate(RunningSystem.gateway() + "/console/queue?q=" + tag);
        // items arrive through Kafka; each reload shows what has (Playwright wants its own thread)
        await().atMost(Duration.ofSeconds(60))
                .pollInSameThread()
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    page.reload();
                    return page.locator("tbody#rows tr[data-item]").count() == expected;
                });
    }

    private static Locator row(Page page, String text) {
        return page.locator("tbody#rows tr[data-item]", new Page.LocatorOptions().setHasText(text));
    }

    /** A webhook of the demo's generic connection, signed with its secret; 202 expected. */
    private static void sendSigned(String body) {
        String timestamp = TestWebhooks.nowSeconds();
        given().baseUri(RunningSystem.gateway())
                .contentType("application/json")
                .header("X-PMS-Timestamp", timestamp)
                .header("X-PMS-Signature", TestWebhooks.genericSignature(TestWebhooks.DEMO_SECRET, timestamp, body))
                .body(body)
                .post("/webhooks/demo-generic")
                .then()
                .statusCode(202);
    }

    private static void sendLease(String leaseId, String status) {
        String body = TestWebhooks.leaseBody("evt-" + UUID.randomUUID(), "c", leaseId, status, "2026-11-23T08:00:00Z");
        sendSigned(body);
    }

    private static void sendEntity(String type, String entityJson) {
        String body = """
                {"eventId":"evt-%s","entityType":"%s","op":"u","updatedAt":"%s","entity":%s}""".formatted(UUID.randomUUID(), type, java.time.Instant.now(), entityJson);
        sendSigned(body);
    }

    private static void sendWorkOrder(String id, String status, String updatedAt) {
        String body = """
                {"eventId":"evt-%s","entityType":"workorder","op":"u","updatedAt":"%s","entity":{"id":"%s",\
                "propertyId":"P-100","unitId":"U-101","title":"Leaking faucet","status":"%s"}}""".formatted(UUID.randomUUID(), updatedAt, id, status);
        sendSigned(body);
    }

    private static String buildiumConnection(String url) {
        String admin = Keycloak.token("adam");
        String id = given().baseUri(RunningSystem.gateway())
                .auth()
                .oauth2(admin)
                .contentType("application/json")
                .body(Map.of(
                        "pmsType", "buildium", "apiBaseUrl", url, "mode", "POLLING", "displayName", "Console test"))
                .post("/api/v1/connections")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().baseUri(RunningSystem.gateway())
                .auth()
                .oauth2(admin)
                .contentType("application/json")
                .body(Map.of("credential", "sim-client:sim-secret"))
                .put("/api/v1/connections/" + id + "/credentials")
                .then()
                .statusCode(200);
        return id;
    }
}

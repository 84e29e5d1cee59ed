package com.pmsbridge.queue;

import com.pmsbridge.contract.event.LifecycleEvent;
import com.pmsbridge.contract.event.LifecycleType;
import com.pmsbridge.testsupport.KafkaTestResource;
import com.pmsbridge.testsupport.PostgresTestResource;
import com.pmsbridge.testsupport.TestKafkaWriter;
import com.pmsbridge.testsupport.TestOidcResource;
import com.pmsbridge.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@QuarkusTestResource(TestOidcResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "queue_test"))
class QueueItemsIT {
    private static final String ITEMS = "/api/v1/queue/items";
    private static TestKafkaWriter writer;

    @BeforeAll
    static void open() {
        writer = new TestKafkaWriter();
    }

    @AfterAll
    static void close() {
        writer.close();
    }

    @Test
    void givenLeaseCreated_whenConsumed_thenPendingItemVisibleToItsOrgOnly() {
        // given
        String entityKey = "lease:conn-q:" + UUID.randomUUID();
        LifecycleEvent event = leaseCreated(entityKey, "acme");

        // when
        publish(event);

        // then
        String acme = TestTokens.of("olivia", "acme", "operator", "viewer");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().auth()
                        .oauth2(acme)
                        .queryParam("status", "PENDING")
                        .get(ITEMS)
                        .then()
                        .statusCode(200)
                        .body("findAll { it.entityKey == '" + entityKey + "' }", hasSize(1))
                        .body("find { it.entityKey == '" + entityKey + "' }.type", equalTo("LEASE_CREATION"))
                        .body("find { it.entityKey == '" + entityKey + "' }.unitId", equalTo("U-7")));
        given().auth()
                .oauth2(TestTokens.of("victor", "globex", "viewer"))
                .get(ITEMS)
                .then()
                .statusCode(200)
                .body("findAll { it.entityKey == '" + entityKey + "' }", empty());
    }

    @Test
    void givenALeaseFoundBySync_whenConsumed_thenItsItemSaysSo() {
        String entityKey = "lease:conn-q:" + UUID.randomUUID();
        LifecycleEvent reported = leaseCreated(entityKey, "acme");
        publish(new LifecycleEvent(
                reported.schemaVersion(),
                reported.eventId(),
                reported.type(),
                reported.org(),
                reported.connectionId(),
                reported.entityType(),
                reported.entityKey(),
                reported.propertyId(),
                reported.unitId(),
                reported.changedFields(),
                reported.before(),
                reported.after(),
                reported.causedBy(),
                reported.occurredAt(),
                true));

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().auth()
                        .oauth2(TestTokens.of("olivia", "acme", "viewer"))
                        .get(ITEMS)
                        .then()
                        .body("find { it.entityKey == '" + entityKey + "' }.foundBySync", equalTo(true)));
    }

    @Test
    void givenSameLifecycleEventTwice_whenConsumed_thenOneItem() {
        // given
        String entityKey = "lease:conn-q:" + UUID.randomUUID();
        LifecycleEvent event = leaseCreated(entityKey, "acme");
        String marker = "lease:conn-q:" + UUID.randomUUID();

        // when
        publish(event);
        publish(event);
        publish(leaseCreated(marker, "acme"));

        // then
        String token = TestTokens.of("olivia", "acme", "viewer");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().auth()
                        .oauth2(token)
                        .get(ITEMS)
                        .then()
                        .body("findAll { it.entityKey == '" + marker + "' }", hasSize(1)));
        given().auth()
                .oauth2(token)
                .get(ITEMS)
                .then()
                .body("findAll { it.entityKey == '" + entityKey + "' }", hasSize(1));
    }

    @Test
    void givenNoToken_whenListing_thenUnauthorized() {
        given().get(ITEMS).then().statusCode(401);
    }

    @Test
    void givenExpiredToken_whenListing_thenUnauthorized() {
        given().auth()
                .oauth2(TestTokens.expired("olivia", "acme", "viewer"))
                .get(ITEMS)
                .then()
                .statusCode(401);
    }

    @Test
    void givenTokenFromAnotherIssuer_whenListing_thenUnauthorized() {
        given().auth()
                .oauth2(TestTokens.withIssuer("https://evil.example.com", "olivia", "acme", "viewer"))
                .get(ITEMS)
                .then()
                .statusCode(401);
    }

    @Test
    void givenTokenForAnotherAudience_whenListing_thenUnauthorized() {
        given().auth()
                .oauth2(TestTokens.withAudience("another-api", "olivia", "acme", "viewer"))
                .get(ITEMS)
                .then()
                .statusCode(401);
    }

    @Test
    void givenTokenWithoutRole_whenListing_thenForbidden() {
        given().auth().oauth2(TestTokens.of("nobody", "acme")).get(ITEMS).then().statusCode(403);
    }

    @Test
    void givenThreeItemsInArrivalOrder_whenPagedOldestFirst_thenTheCursorWalksThemInThatOrderAndCountsMatch() {
        String organisation = "org-" + UUID.randomUUID();
        String tag = "T" + UUID.randomUUID().toString().substring(0, 8);
        String token = TestTokens.of("olivia", organisation, "operator", "viewer");
        List<String> keys = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String key = "lease:conn-q:" + tag + "-" + i;
            keys.add(key);
            publish(leaseCreated(key, organisation));
            int arrived = i;
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(
                            () -> given().auth().oauth2(token).get(ITEMS).then().body("size()", equalTo(arrived)));
        }

        var first = given().auth()
                .oauth2(token)
                .queryParam("q", tag.toLowerCase())
                .queryParam("sort", "oldest")
                .queryParam("limit", 2)
                .get(ITEMS);
        first.then().statusCode(200).body("entityKey", Matchers.contains(keys.get(0), keys.get(1)));
        String cursor = first.header("X-Next-Cursor");
        given().auth()
                .oauth2(token)
                .queryParam("q", tag)
                .queryParam("sort", "oldest")
                .queryParam("limit", 2)
                .queryParam("after", cursor)
                .get(ITEMS)
                .then()
                .statusCode(200)
                .header("X-Next-Cursor", Matchers.nullValue())
                .body("entityKey", Matchers.contains(keys.get(2)));
        given().auth()
                .oauth2(token)
                .queryParam("sort", "newest")
                .get(ITEMS)
                .then()
                .body("[0].entityKey", equalTo(keys.get(2)));
        given().auth()
                .oauth2(token)
                .get(ITEMS + "/_counts")
                .then()
                .statusCode(200)
                .body("LEASE_CREATION", equalTo(3))
                .body("MOVE_IN", equalTo(0));
        given().auth()
                .oauth2(token)
                .queryParam("q", "no-such-" + tag)
                .get(ITEMS)
                .then()
                .body("$", empty());
    }

    @Test
    void givenMalformedSortOrCursor_whenListed_then400NamingTheParameter() {
        String token = TestTokens.of("olivia", "acme", "viewer");
        given().auth()
                .oauth2(token)
                .queryParam("sort", "sideways")
                .get(ITEMS)
                .then()
                .statusCode(400)
                .body("detail", Matchers.containsString("'sort'"));
        given().auth()
                .oauth2(token)
                .queryParam("after", "bm90LWEtY3Vyc29y")
                .get(ITEMS)
                .then()
                .statusCode(400)
                .body("detail", Matchers.containsString("'after'"));
    }

    private static LifecycleEvent leaseCreated(String entityKey, String org) {
        return LifecycleEvents.of(
                LifecycleType.LEASE_CREATED,
                org,
                entityKey,
                "P-7",
                "U-7",
                Map.of(),
                Map.of("status", "FUTURE", "rent", "1200.00"));
    }

    private static void publish(LifecycleEvent event) {
        LifecycleEvents.publish(writer, event);
    }
}

package io.journeyengine.api.debug;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.journeyengine.api.support.Api;
import io.journeyengine.api.support.Api.Answer;
import io.journeyengine.api.support.RunningEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Export from one running engine, import into a second, fresh one: the second holds the same streams and builds the
 * same views (customer 360, cart, timeline, time travel, every analytics figure), and goes on deciding like the
 * first. Importing customers that exist, or a file with a bad line, is refused and writes nothing.
 */
class ExportImportTest {

    private static final String CANONICAL = "cust-42";
    private static final String RANDOM = "cust-rand";
    private static final List<String> CUSTOMERS = List.of(CANONICAL, RANDOM);

    private static RunningEngine source;
    private static RunningEngine target;
    private static long sourcePosition;
    private static String file;
    private static Answer imported;

    @BeforeAll
    static void exportAndImport() {
        source = RunningEngine.start();
        target = RunningEngine.start("journey.import.max-body-bytes=1MB");
        Api api = source.api();
        CanonicalJourney.send(api, CANONICAL, "tp");
        RandomJourney journey = new RandomJourney(42L, RANDOM);
        for (int i = 0; i < 80; i++) {
            ObjectNode touchpoint = journey.next();
            Answer answer = api.post("/api/touchpoints", touchpoint);
            if (answer.status() == 200) {
                journey.applied(touchpoint);
                sourcePosition = Math.max(sourcePosition, answer.json().get("position").asLong());
            }
        }
        StringBuilder both = new StringBuilder();
        for (String customer : CUSTOMERS) {
            both.append(api.get("/api/customers/" + customer + "/events/export").body());
        }
        file = both.toString();
        imported = target.api().postBytes("/api/admin/import", file.getBytes(StandardCharsets.UTF_8),
                                          "application/x-ndjson");
    }

    @AfterAll
    static void stop() {
        source.stop();
        target.stop();
    }

    @Test
    void theExportIsTheStreamOneEventALine() throws IOException {
        Answer export = source.api().get("/api/customers/" + CANONICAL + "/events/export");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/x-ndjson");
        assertThat(export.header("Content-Disposition")).contains("cust-42.ndjson");
        String[] lines = export.body().split("\n");
        assertThat(lines).hasSize((int) source.eventCount(CANONICAL));
        JsonNode stream = StateFold.EXACT.readTree(source.api().get("/api/customers/" + CANONICAL + "/events").body())
                                         .get("events");
        for (int i = 0; i < lines.length; i++) {
            JsonNode line = StateFold.EXACT.readTree(lines[i]);
            assertThat(line).isEqualTo(stream.get(i));
            assertThat(line.get("metadata").get("correlationId").asText()).isNotBlank();
        }
        assertThat(export.body()).contains("\"unitPrice\":89.90");
    }

    @Test
    void theImportHoldsTheSameStreamsAndBuildsTheSameViews() throws IOException {
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().get("events").asInt()).isEqualTo(file.split("\n").length);
        assertThat(imported.json().get("customers").get(0).get("customerId").asText()).isEqualTo(CANONICAL);
        assertThat(imported.json().get("customers").get(0).get("touchpoints").asInt()).isEqualTo(7);
        long targetPosition = imported.json().get("position").asLong();
        for (String customer : CUSTOMERS) {
            assertThat(events(target, customer)).as(customer).isEqualTo(events(source, customer));
            for (String view : List.of("", "/cart", "/timeline", "/state")) {
                String path = "/api/customers/" + customer + view;
                assertThat(read(target, path, targetPosition)).as(path).isEqualTo(read(source, path, sourcePosition));
            }
        }
        for (String path : List.of("/api/analytics/funnel", "/api/analytics/channels", "/api/analytics/journeys",
                                   "/api/analytics/carts", "/api/analytics/promotions/winter-10",
                                   "/api/customers?page=0&size=50")) {
            assertThat(read(target, path, targetPosition)).as(path).isEqualTo(read(source, path, sourcePosition));
        }
    }

    @Test
    void theImportedJourneyGoesOnDecidingLikeTheOriginal() {
        Api api = target.api();
        Answer resent = api.post("/api/touchpoints", CanonicalJourney.applied(CANONICAL, "tp").get(6));
        assertThat(resent.status()).isEqualTo(200);
        assertThat(resent.json().get("status").asText()).isEqualTo("DUPLICATE");
        assertThat(resent.json().get("events").toString()).contains("PromoCodeRedeemed");
        Answer again = api.post("/api/touchpoints", CanonicalJourney.secondRedemption(CANONICAL, "tp2"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("PROMO_ALREADY_REDEEMED");
        assertThat(again.json().get("detail").asText()).contains("STORE");
        // An identity the source captured still leads to its customer.
        List<String> owners = target.database().queryForList(
                "SELECT customer_id FROM identity_index WHERE identity_type = 'COOKIE_ID'", String.class);
        assertThat(owners).isNotEmpty().containsOnly(RANDOM);
    }

    @Test
    void importingCustomersThatExistIsRefusedAndWritesNothing() {
        long events = target.totalEvents();
        Answer twice = target.api().postBytes("/api/admin/import", file.getBytes(StandardCharsets.UTF_8),
                                              "application/x-ndjson");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.isProblem()).isTrue();
        assertThat(twice.code()).isEqualTo("CUSTOMER_EXISTS");
        assertThat(twice.json().get("customers").toString()).contains(CANONICAL, RANDOM);
        assertThat(target.totalEvents()).isEqualTo(events);

        // The same journey under another customer id still repeats touchpoints this instance applied.
        Answer copy = target.api().postBytes("/api/admin/import", renamed(canonicalLines(), "cust-copy")
                .getBytes(StandardCharsets.UTF_8), "application/x-ndjson");
        assertThat(copy.status()).isEqualTo(409);
        assertThat(copy.code()).isEqualTo("IMPORT_CONFLICT");
        assertThat(target.totalEvents()).isEqualTo(events);
        assertThat(target.eventCount("cust-copy")).isZero();
    }

    @Test
    void aMalformedLineRejectsTheWholeFileNamingTheLine() throws IOException {
        List<String> lines = canonicalLines();
        long events = target.totalEvents();
        long receipts = count("touchpoint_receipt");
        assertMalformed(replace(lines, 5, "{\"customerId\": \"cust-bad\", "), 5, "not JSON");
        assertMalformed(edit(lines, 3, line -> line.put("sequence", 7)), 3, "sequence 2");
        assertMalformed(edit(lines, 4, line -> line.put("payloadType", "java.lang.ProcessBuilder")), 4,
                        "not a journey event");
        assertMalformed(edit(lines, 2, line -> ((ObjectNode) line.get("payload")).put("customerId", "someone")), 2,
                        "differs");
        assertMalformed(edit(lines, 6, line -> ((ObjectNode) line.get("payload")).put("touchpoint", "yesterday")),
                        6, "cannot be read");
        assertMalformed(edit(lines, 1, line -> line.remove("recordedAt")), 1, "recordedAt");
        // Well-formed, but the journey cannot apply it: taking out of the cart what was never in it.
        ObjectNode removal = (ObjectNode) StateFold.EXACT.readTree(lines.get(6));
        removal.put("sequence", lines.size());
        removal.put("eventId", UUID.randomUUID().toString());
        removal.put("payloadType", "io.journeyengine.journey.cart.CartItemRemoved");
        ObjectNode payload = (ObjectNode) removal.get("payload");
        payload.remove(List.of("unitPrice", "currency"));
        payload.put("sku", "NEVER-ADDED");
        List<String> withRemoval = new ArrayList<>(lines);
        withRemoval.add(removal.toString());
        assertMalformed(withRemoval, withRemoval.size(), "cannot apply");
        Answer empty = importing("\n\n");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.code()).isEqualTo("MALFORMED_IMPORT");

        assertThat(target.totalEvents()).isEqualTo(events);
        assertThat(count("touchpoint_receipt")).isEqualTo(receipts);
        assertThat(target.eventCount("cust-bad")).isZero();
    }

    @Test
    void theImportTakesNdjsonUpToItsLimitFromAdminsOnly() {
        Answer json = target.api().post("/api/admin/import", "{}");
        assertThat(json.status()).isEqualTo(415);
        assertThat(json.code()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        byte[] huge = new byte[1_100_000];
        java.util.Arrays.fill(huge, (byte) ' ');
        Answer tooLarge = target.api().postBytes("/api/admin/import", huge, "application/x-ndjson");
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.code()).isEqualTo("PAYLOAD_TOO_LARGE");
        Answer developer = target.api().post("/api/admin/keys", Map.of("name", "dev", "roles", List.of("DEVELOPER")));
        Api asDeveloper = target.api(developer.json().get("key").asText());
        assertThat(asDeveloper.postBytes("/api/admin/import", "x".getBytes(StandardCharsets.UTF_8),
                                         "application/x-ndjson").status()).isEqualTo(403);
        assertThat(asDeveloper.get("/api/customers/" + CANONICAL + "/events/export").status()).isEqualTo(200);
        Answer unknown = source.api().get("/api/customers/cust-nobody/events/export");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("CUSTOMER_NOT_FOUND");
    }

    private static void assertMalformed(List<String> lines, int line, String reason) {
        Answer answer = importing(String.join("\n", lines) + "\n");
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.code()).isEqualTo("MALFORMED_IMPORT");
        assertThat(answer.json().get("line").asInt()).as(answer.body()).isEqualTo(line);
        assertThat(answer.json().get("detail").asText()).startsWith("Line " + line + ":").contains(reason);
    }

    private static Answer importing(String body) {
        return target.api().postBytes("/api/admin/import", body.getBytes(StandardCharsets.UTF_8),
                                      "application/x-ndjson");
    }

    /** The canonical export renamed to a customer the target does not have, with new event ids. */
    private static List<String> canonicalLines() {
        return List.of(renamed(List.of(source.api().get("/api/customers/" + CANONICAL + "/events/export").body()
                                             .split("\n")), "cust-bad").split("\n"));
    }

    private static String renamed(List<String> lines, String customerId) {
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            try {
                ObjectNode node = (ObjectNode) StateFold.EXACT.readTree(line);
                node.put("customerId", customerId);
                ((ObjectNode) node.get("payload")).put("customerId", customerId);
                node.put("eventId", UUID.randomUUID().toString());
                out.append(StateFold.EXACT.writeValueAsString(node)).append('\n');
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
        return out.toString();
    }

    /** {@code lines} with line {@code number} (1-based) edited as JSON. */
    private static List<String> edit(List<String> lines, int number, java.util.function.Consumer<ObjectNode> change) {
        try {
            ObjectNode node = (ObjectNode) StateFold.EXACT.readTree(lines.get(number - 1));
            change.accept(node);
            return replace(lines, number, StateFold.EXACT.writeValueAsString(node));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> replace(List<String> lines, int number, String text) {
        List<String> copy = new ArrayList<>(lines);
        copy.set(number - 1, text);
        return copy;
    }

    /** The stream without positions, which are the instance's own. */
    private static JsonNode events(RunningEngine engine, String customer) throws IOException {
        JsonNode stream = StateFold.EXACT.readTree(
                engine.api().get("/api/customers/" + customer + "/events?limit=1000").body()).get("events");
        stream.forEach(event -> ((ObjectNode) event).remove("position"));
        return stream;
    }

    private static JsonNode read(RunningEngine engine, String path, long position) throws IOException {
        Answer answer = engine.api().get(path + (path.contains("?") ? "&" : "?") + "minPosition=" + position);
        assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(200);
        return StateFold.EXACT.readTree(answer.body());
    }

    private static long count(String table) {
        Long n = target.database().queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
        return n == null ? 0 : n;
    }
}

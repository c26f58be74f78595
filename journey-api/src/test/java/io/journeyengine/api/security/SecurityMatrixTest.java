package io.journeyengine.api.security;

import io.journeyengine.api.support.Api;
import io.journeyengine.api.support.Api.Answer;
import io.journeyengine.api.support.RunningEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every endpoint with every role and without a key, and asserts allowed / 401 / 403 from one table. The table
 * must name every endpoint the application maps, so a new endpoint without a decision about who may call it fails
 * the build here.
 */
class SecurityMatrixTest {

    /** An endpoint, a request that reaches it, and the roles allowed to call it (empty: public). */
    private record Row(String method, String pattern, String path, String body, Set<Role> allowed) {
    }

    private static final String TOUCHPOINT = """
            {"touchpointId":"%s","customerId":"cust-matrix","channel":"WEB","occurredAt":"2026-11-20T10:00:00Z",
             "type":"PRODUCT_VIEWED","data":{"sku":"A"}}""";

    private static final List<Row> TABLE = List.of(
            new Row("POST", "/api/touchpoints", "/api/touchpoints", TOUCHPOINT, Set.of(Role.CHANNEL)),
            new Row("POST", "/api/touchpoints/batch", "/api/touchpoints/batch", "[" + TOUCHPOINT + "]",
                    Set.of(Role.CHANNEL)),
            new Row("POST", "/api/bench/noop", "/api/bench/noop", "{}", Set.of(Role.CHANNEL)),
            new Row("GET", "/api/customers/{customerId}/cart", "/api/customers/cust-matrix/cart", null,
                    Set.of(Role.AGENT)),
            new Row("GET", "/api/customers/{customerId}", "/api/customers/cust-matrix", null, Set.of(Role.AGENT)),
            // An unknown customer: allowed keys get 404 at once instead of an open stream.
            new Row("GET", "/api/customers/{customerId}/updates", "/api/customers/cust-matrix-nobody/updates", null,
                    Set.of(Role.AGENT, Role.CHANNEL)),
            new Row("GET", "/api/customers/{customerId}/timeline", "/api/customers/cust-matrix/timeline", null,
                    Set.of(Role.AGENT)),
            new Row("GET", "/api/customers", "/api/customers", null, Set.of(Role.ANALYST, Role.AGENT)),
            new Row("POST", "/api/customers/{customerId}/unmerge", "/api/customers/cust-matrix/unmerge",
                    "{\"mergedCustomerId\":\"cust-matrix-none\"}", Set.of(Role.ADMIN)),
            new Row("DELETE", "/api/customers/{customerId}/personal-data", "/api/customers/cust-matrix-none/personal-data",
                    null, Set.of(Role.ADMIN)),
            new Row("GET", "/api/customers/{customerId}/events", "/api/customers/cust-matrix/events", null,
                    Set.of(Role.DEVELOPER)),
            new Row("GET", "/api/customers/{customerId}/state", "/api/customers/cust-matrix/state", null,
                    Set.of(Role.DEVELOPER)),
            new Row("GET", "/api/customers/{customerId}/events/export", "/api/customers/cust-matrix/events/export",
                    null, Set.of(Role.DEVELOPER)),
            new Row("POST", "/api/admin/import", "/api/admin/import", "{}", Set.of(Role.ADMIN)),
            new Row("POST", "/api/debug/dry-run", "/api/debug/dry-run", "{}", Set.of(Role.DEVELOPER)),
            new Row("GET", "/api/analytics/funnel", "/api/analytics/funnel", null, Set.of(Role.ANALYST)),
            new Row("GET", "/api/analytics/channels", "/api/analytics/channels", null, Set.of(Role.ANALYST)),
            new Row("GET", "/api/analytics/journeys", "/api/analytics/journeys", null, Set.of(Role.ANALYST)),
            new Row("GET", "/api/analytics/promotions", "/api/analytics/promotions", null, Set.of(Role.ANALYST)),
            new Row("GET", "/api/analytics/promotions/{promotionId}", "/api/analytics/promotions/winter-10", null,
                    Set.of(Role.ANALYST)),
            new Row("GET", "/api/analytics/carts", "/api/analytics/carts", null, Set.of(Role.ANALYST)),
            new Row("POST", "/api/admin/keys", "/api/admin/keys",
                    "{\"name\":\"matrix\",\"roles\":[\"ANALYST\"]}", Set.of(Role.ADMIN)),
            new Row("GET", "/api/admin/keys", "/api/admin/keys", null, Set.of(Role.ADMIN)),
            new Row("DELETE", "/api/admin/keys/{id}", "/api/admin/keys/key-does-not-exist", null, Set.of(Role.ADMIN)),
            new Row("GET", "/api/admin/audit", "/api/admin/audit", null, Set.of(Role.ADMIN)),
            new Row("GET", "/api/admin/projections", "/api/admin/projections", null,
                    Set.of(Role.ADMIN, Role.OPERATIONS)),
            new Row("GET", "/api/admin/projections/{name}", "/api/admin/projections/cart", null,
                    Set.of(Role.ADMIN, Role.OPERATIONS)),
            new Row("POST", "/api/admin/projections/{name}/stop", "/api/admin/projections/no-view/stop", "{}",
                    Set.of(Role.ADMIN)),
            new Row("POST", "/api/admin/projections/{name}/start", "/api/admin/projections/cart/start", "{}",
                    Set.of(Role.ADMIN)),
            new Row("POST", "/api/admin/projections/{name}/replay", "/api/admin/projections/no-view/replay", "{}",
                    Set.of(Role.ADMIN)),
            new Row("POST", "/api/admin/projections/{name}/dead-letters/retry",
                    "/api/admin/projections/cart/dead-letters/retry", "{}", Set.of(Role.ADMIN)),
            new Row("GET", "/api/admin/deadlines", "/api/admin/deadlines", null,
                    Set.of(Role.ADMIN, Role.OPERATIONS)),
            new Row("GET", "/api/admin/nodes", "/api/admin/nodes", null, Set.of(Role.ADMIN, Role.OPERATIONS)),
            new Row("POST", "/api/admin/webhooks", "/api/admin/webhooks", "{}", Set.of(Role.ADMIN)),
            new Row("GET", "/api/admin/webhooks", "/api/admin/webhooks", null, Set.of(Role.ADMIN)),
            new Row("GET", "/api/admin/webhooks/{id}", "/api/admin/webhooks/wh-matrix", null, Set.of(Role.ADMIN)),
            new Row("DELETE", "/api/admin/webhooks/{id}", "/api/admin/webhooks/wh-matrix", null, Set.of(Role.ADMIN)),
            new Row("GET", "/api/admin/webhooks/{id}/deliveries", "/api/admin/webhooks/wh-matrix/deliveries", null,
                    Set.of(Role.ADMIN)),
            new Row("POST", "/api/admin/webhooks/{id}/redeliver", "/api/admin/webhooks/wh-matrix/redeliver", "{}",
                    Set.of(Role.ADMIN)),
            new Row("GET", "/api/admin/clock", "/api/admin/clock", null, Set.of(Role.ADMIN)),
            new Row("POST", "/api/admin/clock", "/api/admin/clock", "{\"advanceBy\":\"PT0S\"}", Set.of(Role.ADMIN)),
            new Row("GET", "/actuator/health", "/actuator/health", null, Set.of()),
            new Row("GET", "/actuator/health/readiness", "/actuator/health/readiness", null, Set.of()),
            new Row("GET", "/actuator/health/liveness", "/actuator/health/liveness", null, Set.of()),
            new Row("GET", "/actuator/info", "/actuator/info", null, Set.of()),
            new Row("GET", "/actuator/metrics", "/actuator/metrics", null, Set.of(Role.ADMIN, Role.OPERATIONS)),
            new Row("GET", "/actuator/prometheus", "/actuator/prometheus", null,
                    Set.of(Role.ADMIN, Role.OPERATIONS)),
            new Row("GET", "/v3/api-docs", "/v3/api-docs", null, Set.of()));

    /** Endpoints the application maps that are not API endpoints (Spring's error page, springdoc's own). */
    private static final Set<String> NOT_API = Set.of("/error", "/v3/api-docs.yaml", "/v3/api-docs/{group}",
                                                      "/v3/api-docs/swagger-config", "/swagger-ui.html");

    private static RunningEngine engine;
    private static final Map<Role, Api> byRole = new EnumMap<>(Role.class);

    @BeforeAll
    static void start() {
        engine = RunningEngine.start();
        for (Role role : Role.values()) {
            Answer created = engine.api().post("/api/admin/keys", Map.of(
                    "name", "matrix-" + role, "roles", List.of(role.name()), "channels", List.of("WEB"),
                    "rateLimitPerSecond", 1000));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            byRole.put(role, engine.api(created.json().get("key").asText()));
        }
    }

    @AfterAll
    static void stop() {
        engine.stop();
    }

    @Test
    void theTableNamesEveryEndpointTheApplicationMaps() {
        Set<String> mapped = new TreeSet<>();
        RequestMappingHandlerMapping mapping = engine.context().getBean("requestMappingHandlerMapping",
                                                                         RequestMappingHandlerMapping.class);
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (NOT_API.contains(pattern)) {
                    continue;
                }
                info.getMethodsCondition().getMethods().forEach(m -> mapped.add(m.name() + " " + pattern));
            }
        }
        Set<String> inTable = new TreeSet<>();
        TABLE.forEach(row -> inTable.add(row.method() + " " + row.pattern()));
        assertThat(inTable).as("every mapped endpoint needs a row in SecurityMatrixTest.TABLE")
                           .containsAll(mapped);
    }

    @Test
    void everyEndpointAnswersEveryRoleAsTheTableSays() {
        List<String> wrong = new ArrayList<>();
        int n = 0;
        for (Row row : TABLE) {
            Answer anonymous = call(engine.anonymous(), row, n++);
            int expectedAnonymous = row.allowed().isEmpty() ? -1 : 401;
            check(wrong, row, "no key", anonymous, expectedAnonymous);
            for (Role role : Role.values()) {
                Answer answer = call(byRole.get(role), row, n++);
                int expected = row.allowed().isEmpty() || row.allowed().contains(role) ? -1 : 403;
                check(wrong, row, role.name(), answer, expected);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aWrongKeyIsA401Problem() {
        Answer answer = engine.api("jek_not-a-key-at-all").get("/api/customers/cust-matrix/cart");
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.code()).isEqualTo("UNAUTHENTICATED");
    }

    /** -1 means "allowed": anything but 401 and 403. */
    private static void check(List<String> wrong, Row row, String who, Answer answer, int expected) {
        boolean ok = expected == -1
                ? answer.status() != 401 && answer.status() != 403
                : answer.status() == expected && answer.isProblem();
        if (!ok) {
            wrong.add(row.method() + " " + row.path() + " as " + who + ": got " + answer.status()
                              + ", expected " + (expected == -1 ? "allowed" : expected));
        }
    }

    private static Answer call(Api api, Row row, int n) {
        String body = row.body() == null ? null
                : row.body().contains("%s") ? row.body().formatted("matrix-" + n) : row.body();
        return api.call(row.method(), row.path(), body);
    }
}

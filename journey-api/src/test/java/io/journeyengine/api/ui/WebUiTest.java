package io.journeyengine.api.ui;

import com.fasterxml.jackson.databind.JsonNode;
import io.journeyengine.api.debug.CanonicalJourney;
import io.journeyengine.api.simulation.EngineClient;
import io.journeyengine.api.simulation.Simulation;
import io.journeyengine.api.simulation.Simulator;
import io.journeyengine.api.support.Api;
import io.journeyengine.api.support.RunningEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The web UI end to end in headless Chromium, on the real engine filled by the journey simulator and the README's
 * canonical journey (its cart abandoned and reminded by the engine itself): every figure the pages show equals the
 * API's answer fetched by the test, a customer is followed from the dashboard to the debugger, the canonical
 * journey is stepped through event by event (payload, metadata and the state after each equal the API's), views are
 * replayed from the operations page, refusals are explained, and the pages fit a phone. Any JavaScript console error
 * fails the test. Screenshots of every page go to {@code target/ui-screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebUiTest {

    static final String CANONICAL = "cust-42";
    private static final long SEED = 42;
    private static final int CUSTOMERS = 150;

    private static RunningEngine engine;
    private static Api api;
    private static Browser browser;
    private static Instant simulationStart;

    @BeforeAll
    static void start() {
        engine = RunningEngine.start("journey.security.channel-rate-per-second=1000000",
                                     "journey.security.other-rate-per-second=1000000",
                                     "journey.clock.adjustable=true", "journey.cart.abandon-after=PT3H",
                                     "journey.conversation.idle-close-after=P7D");
        api = engine.api();
        simulationStart = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(30, ChronoUnit.DAYS);
        Simulator.Report report = Simulator.run(new Simulation.Settings(SEED, CUSTOMERS, simulationStart, "ui"),
                                                new EngineClient(api.base(), api.key()), 200, 0.05);
        assertThat(report.unexpected()).as("answers other than the simulation predicted").isEmpty();
        CanonicalJourney.send(api, CANONICAL, "tp");

        // Three hours after the last cart change (the engine waits that long after receiving it), the carts left
        // behind are abandoned and their customers reminded: the canonical cart on SMS, where it has consent.
        engine.clock().advance(Duration.ofHours(4));
        await("the abandoned carts").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> pending("cart-abandonment") == 0 && eventTypes(CANONICAL).contains("CartReminderSent"));
        awaitViewsCaughtUp();

        browser = Browser.open(api.base(), 1400, 1000);
        browser.go("/");
        browser.enterKey(RunningEngine.ADMIN_KEY);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        engine.stop();
    }

    @AfterEach
    void noJavaScriptErrors() {
        browser.assertNoConsoleErrors();
    }

    @Test
    @Order(1)
    void theDashboardShowsTheAnalyticsFiguresAsTheApiAnswersThem() {
        await("the dashboard to equal the API").atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
            browser.go("/#/dashboard");
            browser.driver().navigate().refresh();
            awaitDashboard("");
            assertDashboardEqualsApi("");
        });
        assertThat(browser.byId("dashboard-empty").isDisplayed()).isFalse();
        assertThat(browser.driver().findElements(By.cssSelector("#chart-funnel canvas"))).isNotEmpty();
        browser.screenshot("dashboard");

        // A range: the same endpoints with from/to, shown as they answer.
        String from = simulationStart.plus(5, ChronoUnit.DAYS).toString().substring(0, 19);
        String to = simulationStart.plus(15, ChronoUnit.DAYS).toString().substring(0, 19);
        String range = "?from=" + from + "Z&to=" + to + "Z";
        await("the dashboard in a range to equal the API").atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
            browser.js("document.getElementById('range-from').value = arguments[0];"
                               + "document.getElementById('range-to').value = arguments[1];", from, to);
            browser.js("document.body.dataset.dashboardRange = 'loading';");
            browser.byId("range-apply").click();
            browser.waiting().until(d -> String.valueOf(browser.js("return document.body.dataset.dashboardRange;"))
                                                   .startsWith("?from="));
            assertThat(browser.text("range-label")).contains(from + "Z").contains(to + "Z");
            assertDashboardEqualsApi(range);
        });
        browser.screenshot("dashboard-range");
        browser.byId("range-clear").click();
        awaitDashboard("");
    }

    @Test
    @Order(2)
    void aCustomerIsFollowedFromTheDashboardToTheDebugger() {
        browser.go("/#/dashboard");
        awaitDashboard("");
        new Select(browser.byId("stage-select")).selectByValue("LOYALTY");
        JsonNode loyal = ok("/api/customers?stage=LOYALTY&size=10");
        assertThat(loyal.get("items").size()).as("loyal customers in the simulation").isPositive();
        String customerId = loyal.get("items").get(0).get("customerId").asText();
        browser.waiting().until(d -> {
            List<WebElement> rows = d.findElements(By.cssSelector("#stage-customer-rows tr"));
            return !rows.isEmpty() && rows.get(0).getText().startsWith(customerId) && rows.get(0).getText().contains("LOYALTY");
        });
        assertThat(browser.text("stage-customer-total")).isEqualTo(loyal.get("items").size() + " of "
                                                                          + loyal.get("total").asLong() + " customers in LOYALTY");
        browser.driver().findElements(By.cssSelector("[data-testid='debug-link']")).get(0).click();

        browser.awaitText("debugger-customerId", customerId);
        JsonNode events = events(customerId);
        assertThat(browser.text("debugger-count")).isEqualTo(events.size() + " events");
        assertThat(browser.driver().getCurrentUrl()).contains("#/debugger/" + customerId);
        assertEventShown(customerId, events.get(0));
        new Actions(browser.driver()).sendKeys(Keys.ARROW_RIGHT).perform();
        assertEventShown(customerId, events.get(1));
    }

    @Test
    @Order(3)
    void theCanonicalJourneyIsSteppedThroughEventByEventWithItsCausesAndStates() {
        JsonNode events = events(CANONICAL);
        browser.go("/#/debugger/" + CANONICAL);
        browser.awaitText("debugger-customerId", CANONICAL);
        assertThat(browser.text("debugger-count")).isEqualTo(events.size() + " events");
        // The lanes: one per channel the journey used, and the engine's own for the abandonment.
        assertThat(browser.driver().findElements(By.cssSelector("#chart-journey canvas"))).isNotEmpty();

        int reminder = -1;
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = events.get(i);
            assertEventShown(CANONICAL, event);
            assertThat(browser.text("step-position")).isEqualTo("Event " + (i + 1) + " of " + events.size());
            String type = event.get("type").asText();
            if (type.equals("CartAbandoned")) {
                // The deadline's first event follows the cart change that set it.
                assertThat(browser.text("event-cause")).startsWith("touchpoint tp-6 (event ")
                        .contains("through deadline cart-abandonment");
            }
            if (type.equals("CartReminderSent")) {
                reminder = i;
                assertThat(browser.text("event-cause")).contains("(CartAbandoned) through deadline cart-abandonment");
                assertThat(browser.text("event-channel")).isEqualTo("SMS");
            }
            if (type.equals("CartItemAdded") && event.get("payload").toString().contains("BOOTS-42")) {
                // Money as the engine stored it, with its scale (JSON numbers in JavaScript would lose the 0).
                assertThat(browser.textOf("event-payload")).contains("89.90");
            }
            if (type.equals("PromoCodeRedeemed")) {
                assertThat(browser.text("event-cause")).contains("(InStorePurchaseMade)").contains("same touchpoint");
            }
            if (i < events.size() - 1) {
                // Forward alternately with the keyboard and the button.
                if (i % 2 == 0) {
                    new Actions(browser.driver()).sendKeys(Keys.ARROW_RIGHT).perform();
                } else {
                    browser.byId("step-forward").click();
                }
            }
        }
        assertThat(reminder).as("the reminder among the events").isPositive();
        assertThat(browser.byId("step-forward").isEnabled()).isFalse();

        // Back with ← to the reminder; then a click in the event list selects an event directly.
        for (int i = events.size() - 1; i > reminder; i--) {
            new Actions(browser.driver()).sendKeys(Keys.ARROW_LEFT).perform();
        }
        assertEventShown(CANONICAL, events.get(reminder));
        browser.screenshot("debugger");
        browser.js("document.querySelector('#page-debugger details').open = true;");
        browser.driver().findElement(By.cssSelector("#event-list button[data-sequence='2']")).click();
        assertEventShown(CANONICAL, events.get(2));
        // The selected event is in the address: a link to it opens it.
        assertThat(browser.driver().getCurrentUrl()).endsWith("#/debugger/" + CANONICAL + "/2");
    }

    @Test
    @Order(4)
    void customer360IsFoundByANormalisedIdentityAndShowsWhatTheApiAnswers() {
        // A simulated customer known by a phone number, typed the way a person would (with spaces).
        JsonNode withPhone = null;
        for (JsonNode item : ok("/api/customers?size=500").get("items")) {
            for (JsonNode identity : item.get("identities")) {
                if (withPhone == null && identity.get("type").asText().equals("PHONE")) {
                    withPhone = item;
                }
            }
        }
        assertThat(withPhone).as("a simulated customer with a phone number").isNotNull();
        String customerId = withPhone.get("customerId").asText();
        String phone = withPhone.get("identities").findValuesAsText("value").stream()
                                .filter(v -> v.startsWith("+")).findFirst().orElseThrow();
        String typed = phone.substring(0, 3) + " " + phone.substring(3, 6) + " " + phone.substring(6);

        browser.go("/#/customer");
        browser.awaitVisible("customer-form");
        new Select(browser.byId("customer-by")).selectByValue("PHONE");
        browser.byId("customer-query").clear();
        browser.byId("customer-query").sendKeys(typed);
        browser.byId("customer-find").click();
        browser.awaitText("c360-customerId", customerId);
        assertCustomerEqualsApi(customerId);

        browser.go("/#/customer/" + CANONICAL);
        browser.awaitText("c360-customerId", CANONICAL);
        assertCustomerEqualsApi(CANONICAL);
        assertThat(browser.text("c360-thread")).contains("You can use it at the web checkout").contains("WHATSAPP");
        assertThat(browser.content(browser.byId("c360-promo-rows"))).contains(CanonicalJourney.CODE)
                .contains("REDEEMED via STORE");
        browser.screenshot("customer");
        browser.byId("c360-debug-link").click();
        browser.awaitText("debugger-customerId", CANONICAL);
    }

    @Test
    @Order(5)
    void operationsShowEveryViewAndAnAdminReplaysOneAfterConfirming() {
        browser.go("/#/operations");
        await("the views as the API lists them").atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode views = ok("/api/admin/projections");
            assertThat(browser.driver().findElements(By.cssSelector("#view-rows tr"))).hasSize(views.size());
            for (JsonNode view : views) {
                String name = view.get("name").asText();
                assertThat(browser.textOf("view-" + name + "-position")).isEqualTo(view.get("position").asText());
                assertThat(browser.textOf("view-" + name + "-lag")).isEqualTo(view.get("lag").asText());
                assertThat(browser.textOf("view-" + name + "-head")).isEqualTo(view.get("head").asText());
            }
        });
        JsonNode nodes = ok("/api/admin/nodes");
        browser.waiting().until(d -> browser.text("nodes-summary").contains(nodes.get("answeredBy").asText()));

        // Cancel changes nothing ...
        browser.clickTestId("replay-customer-360");
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("replay-dialog")));
        browser.byId("replay-cancel").click();
        assertThat(ok("/api/admin/projections/customer-360").get("replay").isNull()).isTrue();

        // ... confirming rebuilds the view, and its progress shows until it is done.
        browser.clickTestId("replay-cart");
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("replay-dialog")));
        assertThat(browser.text("message").isEmpty() || !browser.byId("message").isDisplayed()).isTrue();
        browser.byId("replay-confirm").click();
        browser.waiting().until(d -> browser.byId("message").isDisplayed()
                && browser.text("message").contains("Replay of cart started"));
        browser.waiting().until(d -> browser.textOf("view-cart-replay").startsWith("done 100"));
        JsonNode replay = ok("/api/admin/projections/cart").get("replay");
        assertThat(replay.get("replaying").asBoolean()).isFalse();
        assertThat(browser.textOf("view-cart-replay"))
                .contains(replay.get("eventsPerSecond").asText() + " events/s");
        browser.screenshot("operations");
    }

    @Test
    @Order(6)
    void refusalsSayWhichKeyOrRoleIsMissing() {
        Api.Answer created = api.post("/api/admin/keys", Map.of("name", "ui-agent", "roles", List.of("AGENT")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        try (Browser agent = Browser.open(api.base(), 1200, 900)) {
            agent.go("/");
            agent.enterKey(created.json().get("key").asText());
            agent.waiting().until(d -> agent.byId("message").isDisplayed());
            assertThat(agent.text("message")).contains("needs the ANALYST role").contains("403 FORBIDDEN");
            agent.screenshot("refused");

            // The same key reads a customer 360 (AGENT) ...
            agent.go("/#/customer/" + CANONICAL);
            agent.awaitText("c360-customerId", CANONICAL);
            // ... but not the operations (ADMIN).
            agent.go("/#/operations");
            agent.waiting().until(d -> agent.byId("message").isDisplayed()
                    && agent.text("message").contains("needs the ADMIN role"));

            // A key the engine does not know: 401, and the key form again.
            agent.byId("change-key").click();
            agent.enterKey("jek_not-a-key");
            agent.waiting().until(d -> agent.byId("message").isDisplayed()
                    && agent.text("message").contains("did not accept this key (401 UNAUTHENTICATED)"));
            assertThat(agent.byId("key-input").isDisplayed()).isTrue();
            // The refused calls are the only errors the console shows.
            assertThat(agent.consoleErrors(m -> m.contains("the server responded with a status of 401")
                    || m.contains("the server responded with a status of 403"))).isEmpty();
        }
    }

    @Test
    @Order(7)
    void thePagesFitAPhone() {
        try (Browser phone = Browser.phone(api.base(), 390, 844)) {
            phone.go("/");
            phone.enterKey(RunningEngine.ADMIN_KEY);
            phone.waiting().until(d -> "".equals(phone.js("return document.body.dataset.dashboardRange;")));
            assertNoHorizontalScroll(phone);
            phone.screenshot("dashboard-phone");
            phone.go("/#/debugger/" + CANONICAL);
            phone.awaitText("debugger-customerId", CANONICAL);
            phone.waiting().until(d -> "0".equals(phone.content(phone.find("state-sequence"))));
            assertNoHorizontalScroll(phone);
            phone.screenshot("debugger-phone");
            phone.go("/#/customer/" + CANONICAL);
            phone.awaitText("c360-customerId", CANONICAL);
            assertNoHorizontalScroll(phone);
            phone.screenshot("customer-phone");
            phone.assertNoConsoleErrors();
        }
    }

    private static void assertNoHorizontalScroll(Browser b) {
        // The layout viewport is the phone's width; a page wider than it would make the phone zoom out or scroll.
        assertThat(((Number) b.js("return document.documentElement.clientWidth;")).longValue())
                .as("the phone's width").isEqualTo(390);
        long overflow = ((Number) b.js("return document.documentElement.scrollWidth"
                                               + " - document.documentElement.clientWidth;")).longValue();
        // Elements wider than the phone, except inside a box that scrolls sideways (a wide table).
        Object wide = b.js("const w = document.documentElement.clientWidth;"
                                   + "const scrolled = e => { for (let a = e.parentElement; a; a = a.parentElement) {"
                                   + " if (getComputedStyle(a).overflowX !== 'visible') return true; } return false; };"
                                   + "return [...document.querySelectorAll('body *')].filter(e => e.offsetParent !== null"
                                   + " && e.getBoundingClientRect().right > w + 0.5 && !scrolled(e))"
                                   + ".slice(0, 8).map(e => e.tagName + '#' + e.id + '.' + e.className + ' '"
                                   + " + Math.round(e.getBoundingClientRect().right)).join(', ');");
        assertThat(overflow).as("page wider than the phone: " + wide).isLessThanOrEqualTo(0);
        assertThat(wide).as("elements wider than the phone").isEqualTo("");
    }

    // --- what the pages must show -------------------------------------------------------------------------------

    private static void awaitDashboard(String range) {
        browser.waiting().until(d -> range.equals(browser.js("return document.body.dataset.dashboardRange;")));
    }

    private static void assertDashboardEqualsApi(String range) {
        JsonNode funnel = ok("/api/analytics/funnel" + range);
        assertThat(shown("funnel-customers")).isEqualTo(funnel.get("customers").asText());
        for (JsonNode stage : funnel.get("stages")) {
            String s = stage.get("stage").asText();
            assertThat(shown("funnel-" + s + "-current")).as(s).isEqualTo(stage.get("current").asText());
            assertThat(shown("funnel-" + s + "-reached")).as(s).isEqualTo(stage.get("reached").asText());
            assertThat(shown("funnel-" + s + "-rateToNext")).as(s).isEqualTo(percent(stage.get("rateToNext")));
        }

        JsonNode channels = ok("/api/analytics/channels" + range);
        assertThat(browser.driver().findElements(By.cssSelector("#channel-rows tr"))).hasSize(channels.get("channels").size());
        for (JsonNode channel : channels.get("channels")) {
            String c = channel.get("channel").asText();
            for (String figure : List.of("touchpoints", "customers", "firstTouchConversions", "lastTouchConversions")) {
                assertThat(shown("channel-" + c + "-" + figure)).as(c + " " + figure)
                        .isEqualTo(channel.get(figure).asText());
            }
        }
        assertThat(browser.driver().findElements(By.cssSelector("#switch-rows tr"))).hasSize(channels.get("switches").size());
        for (JsonNode pair : channels.get("switches")) {
            WebElement row = browser.find("switch-" + pair.get("from").asText() + "-" + pair.get("to").asText());
            assertThat(browser.content(row.findElements(By.tagName("td")).get(2))).isEqualTo(pair.get("count").asText());
        }

        JsonNode journeys = ok("/api/analytics/journeys" + range);
        assertThat(shown("journeys-customers")).isEqualTo(journeys.get("customers").asText());
        assertThat(shown("journeys-omnichannelCustomers")).isEqualTo(journeys.get("omnichannelCustomers").asText());
        assertThat(shown("journeys-omnichannelShare")).isEqualTo(percent(journeys.get("omnichannelShare")));
        JsonNode average = journeys.get("avgChannelsPerConvertedCustomer");
        if (average.isNull()) {
            assertThat(shown("journeys-avgChannelsPerConvertedCustomer")).isEqualTo("–");
        } else {
            assertThat(new BigDecimal(shown("journeys-avgChannelsPerConvertedCustomer")))
                    .isEqualByComparingTo(average.decimalValue());
        }
        JsonNode median = journeys.get("medianTimeToFirstPurchase");
        assertThat(shown("journeys-medianTimeToFirstPurchase"))
                .endsWith(median.isNull() ? "–" : "(" + median.asText() + ")");

        JsonNode promotions = ok("/api/analytics/promotions" + range).get("promotions");
        assertThat(promotions.size()).as("promotions in the simulation").isPositive();
        assertThat(browser.driver().findElements(By.cssSelector("#promo-rows tr"))).hasSize(promotions.size());
        for (JsonNode promotion : promotions) {
            String p = "promo-" + promotion.get("promotionId").asText() + "-";
            assertThat(shown(p + "issued")).isEqualTo(promotion.get("issued").asText());
            assertThat(shown(p + "redeemed")).isEqualTo(promotion.get("redeemed").asText());
            assertThat(shown(p + "redemptionRate")).isEqualTo(percent(promotion.get("redemptionRate")));
            assertThat(shown(p + "crossChannelRedemptions")).isEqualTo(promotion.get("crossChannelRedemptions").asText());
            assertThat(shown(p + "expired")).isEqualTo(promotion.get("expired").asText());
        }

        JsonNode carts = ok("/api/analytics/carts" + range);
        for (String figure : List.of("abandoned", "reminded", "recovered")) {
            assertThat(shown("carts-" + figure)).as(figure).isEqualTo(carts.get(figure).asText());
        }
        assertThat(shown("carts-recoveryRate")).isEqualTo(percent(carts.get("recoveryRate")));
        if (range.isEmpty()) {
            assertThat(carts.get("abandoned").asLong()).as("carts the engine abandoned by itself").isPositive();
        }
    }

    private static void assertEventShown(String customerId, JsonNode event) {
        String sequence = event.get("sequence").asText();
        browser.awaitText("event-sequence", sequence);
        assertThat(browser.text("event-type")).isEqualTo(event.get("type").asText());
        assertThat(parse(browser.content(browser.find("event-payload")))).isEqualTo(event.get("payload"));
        assertThat(parse(browser.content(browser.find("event-metadata")))).isEqualTo(event.get("metadata"));
        browser.awaitText("state-sequence", sequence);
        JsonNode state = ok("/api/customers/" + customerId + "/state?atSequence=" + sequence);
        assertThat(parse(browser.content(browser.find("state-json")))).isEqualTo(state.get("state"));
        JsonNode stage = state.get("state").get("lifecycle").get("stage");
        assertThat(browser.text("state-stage")).isEqualTo(stage.isNull() ? "–" : stage.asText());
    }

    private static void assertCustomerEqualsApi(String customerId) {
        JsonNode c = ok("/api/customers/" + customerId);
        assertThat(browser.text("c360-stage")).isEqualTo(c.get("stage").asText());
        assertThat(browser.text("c360-preferredChannel")).isEqualTo(c.get("preferredChannel").isNull()
                ? "none (no marketing consent)" : c.get("preferredChannel").asText());
        assertThat(browser.text("c360-nba")).contains(c.get("nextBestAction").get("action").asText())
                .contains(c.get("nextBestAction").get("reason").asText());
        assertThat(browser.text("c360-cart-total")).startsWith(c.get("cart").get("total").asText());
        int messages = 0;
        for (JsonNode conversation : c.get("conversations")) {
            messages += conversation.get("messages").size();
        }
        assertThat(browser.driver().findElements(By.cssSelector("[data-testid='thread-message']"))).hasSize(messages);
        assertThat(browser.driver().findElements(By.cssSelector("#c360-stages li"))).hasSize(c.get("stageHistory").size());
        assertThat(browser.driver().findElements(By.cssSelector("#c360-order-rows tr")))
                .hasSize(Math.max(1, c.get("orders").size()));
        assertThat(browser.driver().findElements(By.cssSelector("#c360-promo-rows tr")))
                .hasSize(Math.max(1, c.get("promotions").size()));
        for (JsonNode order : c.get("orders")) {
            assertThat(browser.content(browser.byId("c360-order-rows"))).contains(order.get("orderId").asText())
                    .contains(order.get("total").asText());
        }
    }

    // --- the API, read by the test itself ----------------------------------------------------------------------

    private static String shown(String testId) {
        return browser.textOf(testId);
    }

    /** The dashboard's way of showing a rate: a percentage with 2 decimals, which keeps all 4 of the fraction. */
    static String percent(JsonNode rate) {
        return rate.isNull() ? "–" : rate.decimalValue().movePointRight(2).setScale(2, RoundingMode.HALF_UP) + "%";
    }

    private static JsonNode ok(String path) {
        Api.Answer answer = api.get(path);
        assertThat(answer.status()).as("GET " + path + ": " + answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static JsonNode events(String customerId) {
        JsonNode page = ok("/api/customers/" + customerId + "/events?limit=1000");
        assertThat(page.get("nextSequence").isNull()).isTrue();
        return page.get("events");
    }

    private static List<String> eventTypes(String customerId) {
        return events(customerId).findValuesAsText("type");
    }

    private static long pending(String kind) {
        for (JsonNode k : ok("/api/admin/deadlines").get("kinds")) {
            if (k.get("kind").asText().equals(kind)) {
                return k.get("pending").asLong();
            }
        }
        throw new AssertionError("no deadline kind " + kind);
    }

    private static void awaitViewsCaughtUp() {
        await("the views to catch up").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    for (JsonNode view : ok("/api/admin/projections")) {
                        assertThat(view.get("lag").asLong()).as(view.get("name").asText()).isZero();
                    }
                });
    }

    private static JsonNode parse(String text) {
        try {
            return Api.JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}

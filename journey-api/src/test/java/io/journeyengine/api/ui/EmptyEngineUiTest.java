package io.journeyengine.api.ui;

import io.journeyengine.api.support.RunningEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An engine without a single touchpoint: the dashboard shows how to load the demo data instead of empty charts,
 * and the other pages say what to do first; no JavaScript error either way.
 */
class EmptyEngineUiTest {

    private static RunningEngine engine;

    @BeforeAll
    static void start() {
        engine = RunningEngine.start();
    }

    @AfterAll
    static void stop() {
        engine.stop();
    }

    @Test
    void theDashboardOfAnEmptyEngineShowsHowToLoadTheDemoData() {
        try (Browser browser = Browser.open(engine.api().base(), 1400, 900)) {
            browser.go("/");
            browser.enterKey(RunningEngine.ADMIN_KEY);
            browser.waiting().until(d -> "empty".equals(browser.js("return document.body.dataset.dashboard;")));
            assertThat(browser.find("dashboard-empty").isDisplayed()).isTrue();
            assertThat(browser.text("dashboard-empty")).contains("No journeys yet")
                    .contains("journey-api.jar simulate --base=http://127.0.0.1:8080 --key=$KEY");
            assertThat(browser.byId("dashboard-content").isDisplayed()).isFalse();
            browser.screenshot("dashboard-empty");

            browser.go("/#/debugger");
            browser.awaitVisible("debugger-hint");
            assertThat(browser.byId("debugger-content").isDisplayed()).isFalse();
            browser.go("/#/customer");
            browser.awaitVisible("customer-hint");
            // Operations work on an empty store: every view at position -1, nothing to catch up.
            browser.go("/#/operations");
            browser.waiting().until(d -> !d.findElements(By.cssSelector("#view-rows tr")).isEmpty());
            assertThat(browser.content(browser.find("view-cart-lag"))).isEqualTo("0");
            browser.assertNoConsoleErrors();
        }
    }
}

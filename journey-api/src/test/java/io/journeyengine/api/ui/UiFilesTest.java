package io.journeyengine.api.ui;

import io.journeyengine.api.support.Api.Answer;
import io.journeyengine.api.support.RunningEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web UI's files are served without a key (they hold no data), its pages carry a Content-Security-Policy that
 * runs only the engine's own scripts, and the API behind them stays closed to a request without a key.
 */
class UiFilesTest {

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
    void thePageItsModulesAndTheChartingWebjarNeedNoKey() {
        for (String path : List.of("/", "/index.html", "/ui/app.js", "/ui/dashboard.js", "/ui/app.css",
                                   "/ui/favicon.svg", "/webjars/echarts/5.3.1/dist/echarts.esm.min.js")) {
            Answer answer = engine.anonymous().get(path);
            assertThat(answer.status()).as(path).isEqualTo(200);
            assertThat(answer.body()).as(path).isNotEmpty();
        }
        Answer page = engine.anonymous().get("/");
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("<script type=\"module\" src=\"/ui/app.js\"></script>");
        assertThat(engine.anonymous().get("/ui/app.js").contentType()).contains("javascript");
    }

    @Test
    void thePagesAllowOnlyTheEnginesOwnScripts() {
        for (String path : List.of("/", "/index.html", "/ui/app.js")) {
            String policy = engine.anonymous().get(path).header("Content-Security-Policy");
            assertThat(policy).as(path).isNotNull().contains("script-src 'self';").contains("default-src 'self'")
                              .contains("object-src 'none'").contains("frame-ancestors 'none'");
            String scripts = policy.substring(policy.indexOf("script-src"));
            assertThat(scripts.substring(0, scripts.indexOf(';'))).doesNotContain("unsafe");
        }
        // The page has no inline script the policy would have to allow.
        assertThat(engine.anonymous().get("/").body()).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
        // The API's answers are not pages: they keep their own headers.
        assertThat(engine.api().get("/api/analytics/funnel").header("Content-Security-Policy")).isNull();
    }

    @Test
    void theApiBehindTheUiStillNeedsAKey() {
        for (String path : List.of("/api/analytics/funnel", "/api/customers", "/api/admin/projections",
                                   "/api/ui/app.js", "/ui/../api/analytics/funnel")) {
            Answer answer = engine.anonymous().get(path);
            assertThat(answer.status()).as(path).isIn(400, 401);
            assertThat(answer.isProblem()).as(path).isTrue();
        }
        assertThat(engine.anonymous().get("/api/analytics/funnel").code()).isEqualTo("UNAUTHENTICATED");
        // Writing to a UI path is not a way in either.
        Answer post = engine.anonymous().call("POST", "/ui/app.js", "{}");
        assertThat(post.status()).isNotEqualTo(200);
    }
}

package io.journeyengine.api;

import io.journeyengine.api.support.RunningEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the product's own contract check ({@code ../shared/contract/canonical_journey.py}, a client written against
 * DESIGN.md and independent of this code base) against the running engine, restarts it on the same data and runs
 * the after-restart phase. It needs python3 and the shared folder beside the repository; it fails, never skips, when
 * either is missing ({@code -Djourney.contract.dir} points elsewhere).
 */
class ContractCheckTest {

    private static RunningEngine engine;

    @BeforeAll
    static void start() {
        // The engine as shipped: the real abandonment and idle delays, not the test engines' quiet ones.
        engine = RunningEngine.start("journey.cart.abandon-after=PT3H", "journey.conversation.idle-close-after=P7D");
    }

    @AfterAll
    static void stop() {
        engine.stop();
    }

    @Test
    void theSharedContractCheckPassesBeforeAndAfterARestart() throws Exception {
        Path script = contractDir().resolve("canonical_journey.py");
        assertThat(script).as("the shared contract check (set -Djourney.contract.dir)").exists();

        assertThat(run(script, "run")).contains("checks hold");
        engine.restart();
        assertThat(run(script, "after-restart")).contains("checks hold");
    }

    private static Path contractDir() {
        String configured = System.getProperty("journey.contract.dir");
        if (configured != null) {
            return Path.of(configured);
        }
        // Maven runs tests in journey-api/; the repository's parent holds shared/.
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/contract");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return here.resolve("../../shared/contract").normalize();
    }

    private static String run(Path script, String phase) throws IOException, InterruptedException {
        ProcessBuilder process = new ProcessBuilder("python3", script.toString(), phase, "cust-contract-1")
                .redirectErrorStream(true);
        process.environment().put("BASE", engine.api().base());
        process.environment().put("KEY", RunningEngine.ADMIN_KEY);
        Process started = process.start();
        boolean finished = started.waitFor(120, TimeUnit.SECONDS);
        String output = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(finished).as("contract check finished in time").isTrue();
        assertThat(started.exitValue()).as(output).isZero();
        return output;
    }
}

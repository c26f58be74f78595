package io.journeyengine.api.security;

import io.journeyengine.api.support.RunningEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded default makes its own admin key on the first start, shows it once, and keeps only its hash. The
 * PostgreSQL profile requires a configured key instead (every node must accept the same one); the first test turns
 * that requirement off, so it checks the generated key on either database.
 */
@ExtendWith(OutputCaptureExtension.class)
class BootstrapKeyTest {

    private static final Pattern PRINTED = Pattern.compile("(?m)^Admin API key: (jek_\\S+)$");

    @Test
    void theFirstStartPrintsAWorkingKeyOnceOnALineOfItsOwn(CapturedOutput output) {
        try (RunningEngine engine = RunningEngine.startWithoutBootstrapKey(
                "journey.security.require-bootstrap-key=false")) {
            Matcher printed = PRINTED.matcher(output.getAll());
            assertThat(printed.find()).as("the key is printed on a line of its own").isTrue();
            String key = printed.group(1);
            assertThat(printed.find()).as("printed once").isFalse();

            assertThat(engine.api(key).get("/api/admin/keys").status()).isEqualTo(200);
            String stored = engine.database().queryForObject("SELECT key_hash FROM api_key WHERE bootstrap = TRUE",
                                                             String.class);
            assertThat(stored).isNotEqualTo(key).hasSize(64);

            int before = output.getAll().length();
            engine.restart();
            assertThat(output.getAll().substring(before)).doesNotContain("Admin API key:");
            assertThat(engine.api(key).get("/api/admin/keys").status()).isEqualTo(200);
        }
    }

    @Test
    void anEngineThatRequiresAConfiguredKeyRefusesToStartWithoutOne() {
        assertThatThrownBy(() -> RunningEngine.startWithoutBootstrapKey("journey.security.require-bootstrap-key=true"))
                .hasStackTraceContaining("JOURNEY_BOOTSTRAP_KEY");
    }
}

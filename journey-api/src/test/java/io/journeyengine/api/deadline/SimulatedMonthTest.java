package io.journeyengine.api.deadline;

import io.journeyengine.api.simulation.SimulatorCommand;
import io.journeyengine.api.support.RunningEngine;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator replays a month on an adjustable engine: it sends the stories, moves the engine's clock a month
 * forward, and the deadlines of that month fire by themselves (carts abandoned and reminded), with every answer the
 * one it predicted.
 */
class SimulatedMonthTest {

    private static final Pattern ABANDONED = Pattern.compile("\"abandoned\":(\\d+)");
    private static final Pattern REMINDED = Pattern.compile("\"reminded\":(\\d+)");

    @Test
    void aMonthOfJourneysRunsInMinutesAndItsCartsAreAbandonedAndReminded() {
        try (RunningEngine engine = RunningEngine.start("journey.clock.start=2026-11-01T00:00:00Z",
                                                        "journey.clock.adjustable=true",
                                                        "journey.cart.abandon-after=PT3H",
                                                        "journey.conversation.idle-close-after=P7D")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = SimulatorCommand.run(List.of("--base=" + engine.api().base(), "--key=" + engine.api().key(),
                                                      "--customers=60", "--seed=7",
                                                      "--start=2026-10-01T00:00:00Z", "--advance-clock=P30D"),
                                              new PrintStream(out, true, StandardCharsets.UTF_8),
                                              new PrintStream(err, true, StandardCharsets.UTF_8));
            String printed = out.toString(StandardCharsets.UTF_8);

            assertThat(status).as(printed + err.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(printed).contains("Engine clock moved forward PT720H to 2026-12-01T00:")
                               .contains("Deadlines still pending (due later): 0");
            long abandoned = figure(ABANDONED, printed);
            assertThat(abandoned).isPositive();
            assertThat(figure(REMINDED, printed)).isPositive().isLessThanOrEqualTo(abandoned);
            assertThat(engine.database().queryForObject(
                    "SELECT COUNT(*) FROM domain_event_entry WHERE payload_type LIKE '%.CartAbandoned'", Long.class))
                    .isEqualTo(abandoned);
        }
    }

    private static long figure(Pattern pattern, String printed) {
        Matcher matcher = pattern.matcher(printed);
        assertThat(matcher.find()).as(printed).isTrue();
        return Long.parseLong(matcher.group(1));
    }
}

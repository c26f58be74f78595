package io.journeyengine.api;

import io.journeyengine.api.simulation.SimulatorCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import java.util.Arrays;

/** The journey engine: HTTP in front, Axon in the middle, one database underneath. */
@SpringBootApplication(scanBasePackages = "io.journeyengine")
@ConfigurationPropertiesScan
public class JourneyApplication {

    public static void main(String[] args) {
        if (args.length > 0 && SimulatorCommand.NAME.equals(args[0])) {
            // A client of a running engine: no Spring context, no database, just HTTP.
            System.exit(SimulatorCommand.run(Arrays.asList(args).subList(1, args.length), System.out, System.err));
        }
        // The engine never phones home; set before Axon's classes load, whatever the environment says.
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(JourneyApplication.class, args);
    }
}

package io.journeyengine.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The journey engine: HTTP in front, Axon in the middle, one database underneath. */
@SpringBootApplication(scanBasePackages = "io.journeyengine")
@ConfigurationPropertiesScan
public class JourneyApplication {

    public static void main(String[] args) {
        // The engine never phones home; set before Axon's classes load, whatever the environment says.
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(JourneyApplication.class, args);
    }
}

package io.journeyengine.api.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * The benchmark's no-op outside Spring Security, so that one run can measure what checking a key costs each request
 * (the same no-op with a key minus this one). It exists only when {@code journey.bench.open-noop=true}, which
 * bench/run.sh sets and nothing else should: it is the one endpoint nobody has to authenticate for. It lies outside
 * {@code /api/**} and stores nothing.
 */
@RestController
@Hidden
@ConditionalOnProperty(name = "journey.bench.open-noop", havingValue = "true")
public class OpenNoOpController {

    static final String PATH = "/bench/open-noop";

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> noop(@RequestBody JsonNode body) {
        return Map.of("status", "IGNORED", "items", body.isArray() ? body.size() : 1);
    }

    /** Not even the filter chain runs for it: the "without security" side of the comparison. */
    @Bean
    static WebSecurityCustomizer openNoOpOutsideSecurity() {
        return web -> web.ignoring().requestMatchers(PATH);
    }
}

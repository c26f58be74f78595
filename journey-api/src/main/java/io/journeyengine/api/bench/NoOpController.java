package io.journeyengine.api.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * The HTTP ceiling of the benchmark: the same request path, body parsing and JSON answer as ingestion, and nothing
 * else. bench/ measures ingestion next to this endpoint on the same process.
 */
@RestController
@Hidden
public class NoOpController {

    @PostMapping(path = "/api/bench/noop", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> noop(@RequestBody JsonNode body) {
        return Map.of("status", "IGNORED", "items", body.isArray() ? body.size() : 1);
    }
}

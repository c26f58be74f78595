package io.journeyengine.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.journeyengine.api.ingest.TouchpointExamples;
import io.journeyengine.api.ingest.TouchpointType;
import io.journeyengine.api.support.Api;
import io.journeyengine.api.support.Api.Answer;
import io.journeyengine.api.support.RunningEngine;
import io.journeyengine.journey.RuleCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The API describes itself, and what it describes is true: every documented example is accepted. */
class DocumentedApiTest {

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
    void theOpenApiDocumentShowsEveryTouchpointTypeAndEveryErrorCode() {
        Answer docs = engine.api().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        JsonNode post = docs.json().at("/paths/~1api~1touchpoints/post");
        List<String> examples = new ArrayList<>();
        post.at("/requestBody/content/application~1json/examples").fieldNames().forEachRemaining(examples::add);
        assertThat(examples).containsExactlyInAnyOrder(
                java.util.Arrays.stream(TouchpointType.values()).map(Enum::name).toArray(String[]::new));
        String responses = post.get("responses").toString();
        for (RuleCode rule : RuleCode.values()) {
            assertThat(responses).contains("\"" + rule.name() + "\"");
        }
        assertThat(responses).contains("VALIDATION_FAILED", "MALFORMED_JSON", "PAYLOAD_TOO_LARGE", "BATCH_TOO_LARGE");
        assertThat(engine.api().get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void everyDocumentedExampleIsAppliedInOrder() {
        for (Map.Entry<TouchpointType, Map<String, Object>> example : TouchpointExamples.journey().entrySet()) {
            Answer answer = engine.api().post("/api/touchpoints", example.getValue());
            assertThat(answer.status()).as(example.getKey() + ": " + answer.body()).isEqualTo(200);
            assertThat(answer.json().get("status").asText()).isEqualTo("APPLIED");
        }
    }
}

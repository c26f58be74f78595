package io.journeyengine.api.config;

import io.journeyengine.api.ingest.TouchpointExamples;
import io.journeyengine.api.problem.ErrorCatalogue;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The API describes itself at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}): every touchpoint type
 * as a request example and every problem code as a response example.
 */
@Configuration
public class OpenApiConfiguration {

    @Bean
    public OpenApiCustomizer journeyExamples() {
        return openApi -> {
            // Swagger UI's "Authorize" takes the same API keys as every other client; there is no bypass.
            openApi.components(openApi.getComponents() == null ? new Components() : openApi.getComponents());
            openApi.getComponents().addSecuritySchemes("apiKey", new SecurityScheme()
                    .type(SecurityScheme.Type.HTTP).scheme("bearer")
                    .description("An API key: Authorization: Bearer <key>"));
            openApi.addSecurityItem(new SecurityRequirement().addList("apiKey"));
            openApi.info(new Info().title("Journey engine API").version("1")
                                   .description("Event-sourced omnichannel customer journeys. Channels send "
                                                        + "touchpoints; analysts and agents read the views. Errors "
                                                        + "are RFC 9457 problems with a machine-readable code."));
            PathItem one = openApi.getPaths() == null ? null : openApi.getPaths().get("/api/touchpoints");
            if (one == null || one.getPost() == null) {
                return;
            }
            Operation post = one.getPost();
            Map<String, Example> requests = new LinkedHashMap<>();
            TouchpointExamples.journey().forEach((type, body) -> requests.put(
                    type.name(), new Example().summary(type.name()).value(body)));
            post.getRequestBody().getContent().forEach((media, content) -> content.setExamples(requests));

            Map<Integer, List<ErrorCatalogue.Entry>> byStatus = ErrorCatalogue.all().stream()
                    .collect(Collectors.groupingBy(ErrorCatalogue.Entry::status, LinkedHashMap::new,
                                                   Collectors.toList()));
            byStatus.forEach((status, entries) -> {
                Map<String, Example> problems = new LinkedHashMap<>();
                entries.forEach(e -> problems.put(e.code(), new Example().summary(e.when()).value(Map.of(
                        "type", "urn:journey-engine:problem:" + e.code(), "title", e.when(), "status", status,
                        "detail", e.when(), "code", e.code()))));
                String codes = entries.stream().map(ErrorCatalogue.Entry::code).collect(Collectors.joining(", "));
                post.getResponses().addApiResponse(String.valueOf(status), new ApiResponse()
                        .description("Problem: " + codes)
                        .content(new Content().addMediaType("application/problem+json",
                                                            new MediaType().examples(problems))));
            });
        };
    }
}

package io.journeyengine.api.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * The ObjectMapper of the HTTP API, configured by {@code spring.jackson.*}. Declared because the Axon mapper
 * ({@link AxonStorageConfiguration#defaultAxonObjectMapper}) would otherwise make Spring Boot's own back off, and
 * HTTP and stored events must not share settings in either direction.
 */
@Configuration
public class HttpJsonConfiguration {

    @Bean
    @Primary
    public ObjectMapper jacksonObjectMapper(Jackson2ObjectMapperBuilder builder) {
        return builder.createXmlMapper(false).build();
    }
}

package io.journeyengine.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.Arrays;

import static io.journeyengine.api.security.Role.ADMIN;
import static io.journeyengine.api.security.Role.AGENT;
import static io.journeyengine.api.security.Role.ANALYST;
import static io.journeyengine.api.security.Role.CHANNEL;
import static io.journeyengine.api.security.Role.DEVELOPER;
import static io.journeyengine.api.security.Role.OPERATIONS;

/**
 * Who may call what. Every {@code /api/**} path needs a key with a role; a path without a rule here is refused for
 * everyone, so a new endpoint is closed until someone decides who may use it (and SecurityMatrixTest fails until the
 * rule and its row in the test exist). Health stays open for load balancers (its summary and the probes; the
 * details need an ADMIN or OPERATIONS key, application.yml); the other actuator endpoints, Prometheus's included,
 * need one of those keys. The API description is public, and trying it out in Swagger UI takes a key like any other
 * client. The web UI's files (its page, modules and the charting webjar) are public too: they hold no data, and every
 * figure they show is fetched from {@code /api/**} with the key the person enters. Its pages get a
 * Content-Security-Policy that runs only the engine's own scripts.
 */
@Configuration
public class SecurityConfiguration {

    /** The UI's pages and modules: the paths the Content-Security-Policy is sent with. */
    static final String[] UI_PATHS = {"/", "/index.html", "/ui/**"};

    /**
     * Scripts only from the engine itself (no inline script, no eval), data only from its own API. Inline styles are
     * allowed: ECharts writes its tooltips as HTML with style attributes.
     */
    static final String UI_CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    public SecurityFilterChain api(HttpSecurity http, ApiKeys keys, RateLimiter rateLimiter,
                                   SecurityProperties properties, ObjectMapper json) throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
            .httpBasic(AbstractHttpConfigurer::disable)
            .formLogin(AbstractHttpConfigurer::disable)
            .logout(AbstractHttpConfigurer::disable)
            .requestCache(AbstractHttpConfigurer::disable)
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .exceptionHandling(e -> e.authenticationEntryPoint(SecurityProblems.entryPoint(json))
                                     .accessDeniedHandler(SecurityProblems.accessDenied(json)))
            .addFilterBefore(new ApiKeyAuthenticationFilter(keys, rateLimiter, properties, json),
                             AnonymousAuthenticationFilter.class)
            .headers(headers -> headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                    uiPages(), new StaticHeadersWriter("Content-Security-Policy", UI_CONTENT_SECURITY_POLICY))))
            .authorizeHttpRequests(rules -> rules
                    // A live-update stream ends in an async dispatch of the request already authorised; the key
                    // filter runs once per request, so that dispatch carries no key and must not be refused.
                    .dispatcherTypeMatchers(jakarta.servlet.DispatcherType.ASYNC).permitAll()
                    // The web UI: files without data, public like the API description
                    .requestMatchers(HttpMethod.GET, UI_PATHS).permitAll()
                    .requestMatchers(HttpMethod.GET, "/webjars/**", "/favicon.ico").permitAll()
                    .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                    // Metrics and health details: operators and their Prometheus (docs/operations.md)
                    .requestMatchers("/actuator/**").hasAnyRole(ADMIN.name(), OPERATIONS.name())
                    .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                    .permitAll()
                    // Channels
                    .requestMatchers(HttpMethod.POST, "/api/touchpoints", "/api/touchpoints/batch",
                                     "/api/bench/noop").hasRole(CHANNEL.name())
                    // Agents: one customer, with personal data
                    // Live updates: an agent's screen, or a channel's own (the open app shows the web's cart)
                    .requestMatchers(HttpMethod.GET, "/api/customers/*/updates")
                    .hasAnyRole(AGENT.name(), CHANNEL.name())
                    .requestMatchers(HttpMethod.GET, "/api/customers/*", "/api/customers/*/cart",
                                     "/api/customers/*/timeline")
                    .hasRole(AGENT.name())
                    // Developers: the raw stream, time travel, dry runs
                    .requestMatchers(HttpMethod.GET, "/api/customers/*/events", "/api/customers/*/events/**",
                                     "/api/customers/*/state").hasRole(DEVELOPER.name())
                    .requestMatchers("/api/debug/**").hasRole(DEVELOPER.name())
                    // Analysts: figures and masked listings (agents may list customers too)
                    .requestMatchers(HttpMethod.GET, "/api/customers").hasAnyRole(ANALYST.name(), AGENT.name())
                    .requestMatchers(HttpMethod.GET, "/api/analytics/**").hasRole(ANALYST.name())
                    // Admins
                    .requestMatchers(HttpMethod.POST, "/api/customers/*/unmerge").hasRole(ADMIN.name())
                    .requestMatchers(HttpMethod.DELETE, "/api/customers/*/personal-data").hasRole(ADMIN.name())
                    // Operators read the views' and the deadlines' status; changing anything stays with admins
                    .requestMatchers(HttpMethod.GET, "/api/admin/projections", "/api/admin/projections/*",
                                     "/api/admin/deadlines", "/api/admin/nodes")
                    .hasAnyRole(ADMIN.name(), OPERATIONS.name())
                    .requestMatchers("/api/admin/**").hasRole(ADMIN.name())
                    .requestMatchers("/api/**").denyAll()
                    .anyRequest().permitAll());
        return http.build();
    }

    private static RequestMatcher uiPages() {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return new OrRequestMatcher(Arrays.stream(UI_PATHS).map(p -> (RequestMatcher) paths.matcher(p)).toList());
    }

    /** A request the firewall refuses (an encoded slash or semicolon in the path) is a problem, not an error page. */
    @Bean
    public RequestRejectedHandler requestRejectedHandler(ObjectMapper json) {
        return (request, response, e) -> {
            response.setStatus(400);
            response.setContentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), io.journeyengine.api.problem.Problem.of(
                    400, "INVALID_REQUEST", "Invalid request", "The request path or headers are not acceptable"));
        };
    }
}

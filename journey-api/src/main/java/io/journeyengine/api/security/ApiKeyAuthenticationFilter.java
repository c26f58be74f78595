package io.journeyengine.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.journeyengine.api.problem.Problem;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code Authorization: Bearer <key>}: a known, unrevoked key authenticates the request with its roles and
 * counts against its rate limit; a wrong key is a {@code 401} at once. A request without a key goes on
 * unauthenticated, and the authorization rules answer it with {@code 401} wherever a role is needed.
 */
public class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private final ApiKeys keys;
    private final RateLimiter rateLimiter;
    private final SecurityProperties properties;
    private final ObjectMapper json;

    public ApiKeyAuthenticationFilter(ApiKeys keys, RateLimiter rateLimiter, SecurityProperties properties,
                                      ObjectMapper json) {
        this.keys = keys;
        this.rateLimiter = rateLimiter;
        this.properties = properties;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiKey> key = header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? keys.authenticate(header.substring(7).trim())
                : Optional.empty();
        if (key.isEmpty()) {
            write(response, SecurityProblems.unauthenticated("The API key is unknown or revoked"));
            return;
        }
        long wait = rateLimiter.acquire(key.get().id(), ratePerSecond(key.get()), System.nanoTime());
        if (wait > 0) {
            response.setHeader("Retry-After", String.valueOf(wait));
            write(response, Problem.of(429, "RATE_LIMITED", "Too many requests",
                                       "Key '" + key.get().name() + "' may send " + ratePerSecond(key.get())
                                               + " requests per second")
                                   .with(Map.of("retryAfterSeconds", wait)));
            return;
        }
        SecurityContextHolder.getContext().setAuthentication(new ApiKeyAuthentication(key.get()));
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private int ratePerSecond(ApiKey key) {
        if (key.bootstrap()) {
            return Integer.MAX_VALUE;
        }
        if (key.rateLimitPerSecond() != null) {
            return key.rateLimitPerSecond();
        }
        return key.has(Role.CHANNEL) ? properties.channelRatePerSecond() : properties.otherRatePerSecond();
    }

    private void write(HttpServletResponse response, Problem problem) throws IOException {
        response.setStatus(problem.status());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}

package io.journeyengine.api.read;

import io.journeyengine.api.problem.Problem;
import io.journeyengine.api.problem.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Read-your-writes for any query: {@code ?minPosition=N} (or the header {@code X-Min-Position: N}), with N the
 * {@code position} an ingestion answer carried, holds the query until every view has processed the event store up
 * to N, so the answer includes that write. Without it, queries answer at once from whatever the views hold. After
 * {@code journey.read.max-wait} (default 5 s) the query is answered {@code 503 VIEW_NOT_CAUGHT_UP} instead of with
 * data that would silently lack the write.
 */
@Configuration
public class ReadYourWrites implements WebMvcConfigurer, HandlerInterceptor {

    static final String PARAMETER = "minPosition";
    static final String HEADER = "X-Min-Position";
    private static final long POLL_MILLIS = 10;

    private final ViewPositions positions;
    private final Duration maxWait;

    public ReadYourWrites(ViewPositions positions, @Value("${journey.read.max-wait:5s}") Duration maxWait) {
        this.positions = positions;
        this.maxWait = maxWait;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/customers", "/api/customers/**", "/api/analytics/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws InterruptedException {
        String raw = request.getParameter(PARAMETER);
        String field = PARAMETER;
        if (raw == null) {
            raw = request.getHeader(HEADER);
            field = HEADER;
        }
        if (raw == null || !"GET".equals(request.getMethod())) {
            return true;
        }
        long position = parse(field, raw);
        long deadline = System.nanoTime() + maxWait.toNanos();
        Set<String> behind = positions.behind(position);
        while (!behind.isEmpty()) {
            if (System.nanoTime() > deadline) {
                response.setHeader("Retry-After", "1");
                throw new ProblemException(Problem.of(503, "VIEW_NOT_CAUGHT_UP", "Views not caught up",
                                                      "Views " + behind + " have not yet processed position "
                                                              + position + " after " + maxWait.toMillis() + " ms")
                                                  .with(Map.of("minPosition", position,
                                                               "views", List.copyOf(behind))));
            }
            // Polling the token table: views commit their token with their rows, so this is what readers see;
            // a few cheap reads of a small table for a request that asked to wait.
            Thread.sleep(POLL_MILLIS);
            behind = positions.behind(position);
        }
        return true;
    }

    private static long parse(String field, String raw) {
        try {
            long position = Long.parseLong(raw.trim());
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new ProblemException(Problem.invalidQuery(List.of(new Problem.FieldError(
                field, "must be a position from an ingestion answer (a whole number ≥ 0)"))));
    }
}

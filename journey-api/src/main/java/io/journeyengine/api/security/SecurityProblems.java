package io.journeyengine.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.journeyengine.api.problem.Problem;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** The 401 and 403 answers, as problems like every other refusal. */
final class SecurityProblems {

    private SecurityProblems() {
    }

    static Problem unauthenticated(String detail) {
        return Problem.of(401, "UNAUTHENTICATED", "Unauthenticated", detail);
    }

    static Problem forbidden(String detail) {
        return Problem.of(403, "FORBIDDEN", "Forbidden", detail);
    }

    static AuthenticationEntryPoint entryPoint(ObjectMapper json) {
        return (request, response, e) -> {
            response.setStatus(401);
            response.setHeader("WWW-Authenticate", "Bearer");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(),
                            unauthenticated("Send an API key as 'Authorization: Bearer <key>'"));
        };
    }

    static AccessDeniedHandler accessDenied(ObjectMapper json) {
        return (request, response, e) -> {
            response.setStatus(403);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            String who = ApiKeyAuthentication.current().map(k -> "Key '" + k.name() + "'").orElse("This key");
            json.writeValue(response.getOutputStream(),
                            forbidden(who + " has no role that may " + request.getMethod() + " "
                                              + request.getRequestURI()));
        };
    }
}

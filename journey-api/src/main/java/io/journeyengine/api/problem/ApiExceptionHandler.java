package io.journeyengine.api.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every failure of an API request becomes a problem answer with a code. Bad input is a 4xx that says what is wrong;
 * only a fault of the engine itself is a 500, and it is logged with its stack trace.
 */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    public static ResponseEntity<Problem> answer(Problem problem) {
        return ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Problem> problem(ProblemException e) {
        return answer(e.problem());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Problem> unreadable(HttpMessageNotReadableException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException tooLarge) {
                return answer(tooLarge.problem());
            }
        }
        String detail = e.getCause() instanceof JsonProcessingException json
                ? "The body is not valid JSON: " + json.getOriginalMessage()
                : "The request needs a JSON body";
        return answer(Problem.of(400, "MALFORMED_JSON", "Malformed JSON", detail));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Problem> mediaType(HttpMediaTypeNotSupportedException e) {
        return answer(Problem.of(415, "UNSUPPORTED_MEDIA_TYPE", "Unsupported media type",
                                 "Send the body as application/json"));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Problem> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return answer(Problem.of(406, "NOT_ACCEPTABLE", "Not acceptable", "The engine answers application/json"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Problem> method(HttpRequestMethodNotSupportedException e) {
        return answer(Problem.of(405, "METHOD_NOT_ALLOWED", "Method not allowed",
                                 e.getMethod() + " is not supported here"));
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ResponseEntity<Problem> parameter(Exception e) {
        return answer(Problem.of(400, "INVALID_PARAMETER", "Invalid parameter", e.getMessage()));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Problem> notFound(NoResourceFoundException e) {
        return answer(Problem.of(404, "NOT_FOUND", "Not found", "There is nothing at /" + e.getResourcePath()));
    }

    /**
     * A live-update client that went away (a phone losing its network), or a stream that reached its time limit or
     * the node's shutdown, is normal, not a failure to report: the client reconnects with its Last-Event-ID.
     */
    @ExceptionHandler({org.springframework.web.context.request.async.AsyncRequestNotUsableException.class,
                       org.springframework.web.context.request.async.AsyncRequestTimeoutException.class})
    void clientGone(Exception e) {
        log.debug("Client disconnected: {}", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Problem> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return answer(Problem.of(500, "INTERNAL_ERROR", "Internal error",
                                 "The engine failed to handle the request; nothing was written"));
    }
}

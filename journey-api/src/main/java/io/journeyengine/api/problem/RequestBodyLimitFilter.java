package io.journeyengine.api.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.journeyengine.api.ingest.IngestProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses request bodies over the configured limit with {@code 413} before they are parsed: at once when the
 * declared Content-Length is too long, and while reading for chunked bodies. The batch endpoint has its own, larger
 * limit because it carries up to a thousand touchpoints, and the import of exported journeys a larger one still.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    /** Where exported journeys are loaded; its files are far larger than touchpoints. */
    static final String IMPORT_PATH = "/api/admin/import";

    private final IngestProperties limits;
    private final ObjectMapper json;
    private final DataSize maxImportBytes;

    public RequestBodyLimitFilter(IngestProperties limits, ObjectMapper json,
                                  @Value("${journey.import.max-body-bytes:50MB}") DataSize maxImportBytes) {
        this.limits = limits;
        this.json = json;
        this.maxImportBytes = maxImportBytes;
    }

    static Problem tooLarge(long limit) {
        return Problem.of(413, "PAYLOAD_TOO_LARGE", "Payload too large",
                          "The request body is larger than " + limit + " bytes")
                      .with(java.util.Map.of("limitBytes", limit));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = request.getRequestURI().equals(IMPORT_PATH) ? maxImportBytes.toBytes()
                : request.getRequestURI().endsWith("/batch") ? limits.maxBatchBodyBytes().toBytes()
                : limits.maxBodyBytes().toBytes();
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            response.setStatus(413);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            // The client may still be sending; tell it the connection ends with this answer.
            response.setHeader("Connection", "close");
            json.writeValue(response.getOutputStream(), tooLarge(limit));
            return;
        }
        chain.doFilter(declared >= 0 ? request : new Limited(request, limit), response);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    /** A request whose body stream fails once more than {@code limit} bytes have been read. */
    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0) {
                        count(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    if (n > 0) {
                        count(n);
                    }
                    return n;
                }

                private void count(int n) throws IOException {
                    read += n;
                    if (read > limit) {
                        throw new BodyTooLargeException(limit);
                    }
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}

package io.journeyengine.api.debug;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.journeyengine.api.customer.CustomerNotFound;
import io.journeyengine.api.problem.ApiExceptionHandler;
import io.journeyengine.api.problem.BodyTooLargeException;
import io.journeyengine.api.problem.Problem;
import io.journeyengine.api.security.AuditLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A customer's journey out of one instance and into another: the export is the raw stream as NDJSON, one event a
 * line with its metadata; the import loads such files into an instance that does not have those customers.
 */
@RestController
@Tag(name = "Debugging")
public class ExportImportController {

    public static final String NDJSON = "application/x-ndjson";

    private final JourneyEvents events;
    private final JourneyImport imports;
    private final AuditLog audit;
    private final ObjectWriter line;

    public ExportImportController(JourneyEvents events, JourneyImport imports, AuditLog audit,
                                  @Qualifier("defaultAxonObjectMapper") ObjectMapper storedJson) {
        this.events = events;
        this.imports = imports;
        this.audit = audit;
        // Lines are written like stored events (ISO instants, exact decimals), whatever the HTTP JSON settings.
        this.line = storedJson.writer();
    }

    @Operation(summary = "Export a customer's events as NDJSON",
               description = "One event a line, in sequence order, each as in GET /api/customers/{id}/events "
                       + "(customerId, sequence, eventId, type, payloadType, revision, occurredAt, recordedAt, payload, "
                       + "metadata). Streamed; re-importable with POST /api/admin/import. 404 CUSTOMER_NOT_FOUND.")
    @GetMapping("/api/customers/{customerId}/events/export")
    public void export(@PathVariable String customerId, HttpServletResponse response) throws IOException {
        if (events.lastSequence(customerId).isEmpty()) {
            throw CustomerNotFound.of(customerId);
        }
        response.setContentType(NDJSON);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + customerId + ".ndjson\"");
        OutputStream out = response.getOutputStream();
        events.each(customerId, event -> {
            try {
                out.write(line.writeValueAsBytes(event));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.flush();
    }

    @Operation(summary = "Import exported journeys (NDJSON)",
               description = "Loads one or more customers' exported events into this instance, all or nothing: "
                       + "201 with what was imported and the last position (for minPosition); 400 MALFORMED_IMPORT "
                       + "naming the first bad line; 409 CUSTOMER_EXISTS when a customer already has events here, "
                       + "409 IMPORT_CONFLICT or IDENTITY_CONFLICT when an event, touchpoint or identity exists; "
                       + "413 over journey.import.max-body-bytes (50 MiB); 415 unless sent as application/x-ndjson.")
    @PostMapping("/api/admin/import")
    public ResponseEntity<?> importFile(HttpServletRequest request) throws IOException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith(NDJSON)) {
            return ApiExceptionHandler.answer(Problem.of(415, "UNSUPPORTED_MEDIA_TYPE", "Unsupported media type",
                                                         "Send the exported file as " + NDJSON));
        }
        JourneyImport.Result result;
        try (InputStream body = request.getInputStream()) {
            result = imports.load(body);
        } catch (BodyTooLargeException tooLarge) {
            return ApiExceptionHandler.answer(tooLarge.problem());
        }
        List<String> customers = result.customers().stream().map(JourneyImport.Imported::customerId).toList();
        String target = customers.size() == 1 ? customers.get(0)
                : customers.get(0) + " and " + (customers.size() - 1) + " more";
        audit.record("IMPORTED", target.length() > 200 ? target.substring(0, 200) : target,
                     "customers=" + customers.size() + " events=" + result.events());
        return ResponseEntity.status(201).body(result);
    }
}

package org.gugus.access;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.gugus.system.Messages;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/audit?user=dina&since=2026-11-01}: the audit log for auditors, oldest first. */
@RestController
class AuditController {

    private final Audit audit;
    private final ZoneId zone;

    AuditController(Audit audit, @Value("${gugus.time-zone:Asia/Makassar}") ZoneId zone) {
        this.audit = audit;
        this.zone = zone;
    }

    @GetMapping("/api/audit")
    Map<String, List<AuditEvent>> events(@RequestParam(required = false) String user,
            @RequestParam(required = false) String since,
            @RequestParam(defaultValue = "" + Audit.DEFAULT_LIMIT) int limit) {
        return Map.of("events", audit.list(user, since(since, zone), limit));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    /** A date (midnight WITA) or a moment with its offset. */
    static OffsetDateTime since(String written, ZoneId zone) {
        if (written == null || written.isBlank()) {
            return null;
        }
        try {
            return written.length() == 10 ? LocalDate.parse(written).atStartOfDay(zone).toOffsetDateTime()
                    : OffsetDateTime.parse(written);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(Messages.get("access.audit.bad-since", written).both(), e);
        }
    }
}

package org.gugus.ingest.sftp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gugus.intake.FileOutcome;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/sftp/sources/64.72/pull} pulls an office now and answers what it pulled, each
 * file in the shape of {@code gugus pull --json}; {@code GET /api/sftp/sources} lists the sources
 * as the health endpoint shows them.
 */
@RestController
@RequestMapping("/api/sftp/sources")
class PullController {

    private final SftpSources sources;

    PullController(SftpSources sources) {
        this.sources = sources;
    }

    @GetMapping
    Map<String, Object> sources() {
        Map<String, Object> all = new LinkedHashMap<>();
        sources.statuses().forEach(status -> all.put(status.office(), SftpHealthIndicator.details(status)));
        return all;
    }

    @PostMapping("/{office}/pull")
    ResponseEntity<Map<String, Object>> pull(@PathVariable String office) {
        return sources.poll(office).map(poll -> {
            PullReport report = sources.pull(poll);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("regency", report.officeCode());
            List<FileOutcome> files = report.deliveries();
            body.put("files", files);
            if (report.busy()) {
                body.put("error", Map.of("code", "F_SFTP_BUSY",
                        "message_id", "Instans Gugus lain sedang menarik berkas kantor ini; coba lagi nanti.",
                        "message_en", "Another Gugus instance is pulling this office's files; try again later."));
                return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
            }
            if (report.failure() != null) {
                body.put("error", Map.of("code", report.failure().code(), "message_id", report.failure().messageId(),
                        "message_en", report.failure().messageEn()));
                return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(body);
            }
            return ResponseEntity.ok(body);
        }).orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("regency", office, "error",
                Map.of("code", "F_SFTP_NO_SOURCE",
                        "message_id", "Kantor " + office + " tidak punya sumber SFTP yang berjalan.",
                        "message_en", "Office " + office + " has no running SFTP source."))));
    }
}

package org.gugus.feedback;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.NoSuchElementException;
import org.gugus.access.Audit;
import org.gugus.access.CurrentUser;
import org.gugus.ingest.ReceivedFile;
import org.gugus.ingest.ReceivedFiles;
import org.gugus.system.Messages;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code GET /api/files/{id}/feedback} (and {@code /berkas/{id}/hasil-pemeriksaan} from the file's page):
 * the file's answer workbook, made as it is downloaded. An
 * office account gets only its own office's (another office's file is 404); a file neither
 * loaded nor quarantined has none (400). Audited: it holds names and NIKs.
 */
@RestController
class FeedbackController {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Feedback feedback;
    private final ReceivedFiles files;
    private final CurrentUser user;
    private final Audit audit;

    FeedbackController(Feedback feedback, ReceivedFiles files, CurrentUser user, Audit audit) {
        this.feedback = feedback;
        this.files = files;
        this.user = user;
        this.audit = audit;
    }

    @GetMapping({"/api/files/{id}/feedback", "/berkas/{id}/hasil-pemeriksaan"})
    ResponseEntity<StreamingResponseBody> download(@PathVariable long id) {
        files.find(id).filter(file -> user.maySee(file.officeCode()))
                .orElseThrow(() -> new NoSuchElementException(Messages.get("feedback.not-found", id).both()));
        ReceivedFile file = feedback.answerable(id);
        audit.read(List.of(id));
        String name = feedback.outboxPath(file).getFileName().toString();
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name,
                        StandardCharsets.UTF_8).build().toString())
                .body(out -> feedback.write(file, out));
    }
}

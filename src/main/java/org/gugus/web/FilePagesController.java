package org.gugus.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.NoSuchElementException;
import org.gugus.access.Audit;
import org.gugus.access.CurrentUser;
import org.gugus.ingest.FileStatus;
import org.gugus.ingest.ReceivedFile;
import org.gugus.ingest.ReceivedFiles;
import org.gugus.reference.RegencyOffices;
import org.gugus.system.Messages;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Berkas: the received files, latest first, filtered by office and status; a file's page with its
 * reconciled counts, findings per code, sheets read and skipped, where it is kept, and its original
 * to download (audited: it holds names and NIKs). An office user sees her office's files only.
 */
@Controller
@RequestMapping("/berkas")
class FilePagesController {

    private static final int LIMIT = 200;

    private final ReceivedFiles files;
    private final CurrentUser user;
    private final Audit audit;
    private final ZoneId zone;

    FilePagesController(ReceivedFiles files, CurrentUser user, Audit audit,
            @Value("${gugus.time-zone:Asia/Makassar}") String zone) {
        this.files = files;
        this.user = user;
        this.audit = audit;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping
    String list(@RequestParam(required = false) String office, @RequestParam(required = false) FileStatus status,
            Model model) {
        String scope = user.officeScope().orElse(null);
        String shown = scope != null ? scope : office == null || office.isBlank() ? null : office;
        List<ReceivedFile> listed = files.list(shown, status, LIMIT);
        model.addAttribute("files", listed.stream().map(file -> FileRow.of(file, zone)).toList());
        model.addAttribute("offices", scope == null ? RegencyOffices.all()
                : RegencyOffices.all().stream().filter(o -> o.code().equals(scope)).toList());
        model.addAttribute("office", shown);
        model.addAttribute("status", status);
        model.addAttribute("statuses", FileStatus.values());
        model.addAttribute("limit", LIMIT);
        return "berkas";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        ReceivedFile file = visible(id);
        model.addAttribute("file", FileRow.of(file, zone));
        model.addAttribute("originalKept", files.original(file).isPresent());
        return "berkas-detail";
    }

    @GetMapping("/{id}/asli")
    ResponseEntity<FileSystemResource> original(@PathVariable long id) {
        ReceivedFile file = visible(id);
        Path original = files.original(file).orElseThrow(() ->
                new NoSuchElementException(Messages.get("web.files.original-gone", file.originalName()).both()));
        audit.read("GET /berkas/" + id + "/asli", List.of(id));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.originalName(), StandardCharsets.UTF_8)
                                .build().toString())
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(new FileSystemResource(original));
    }

    @ExceptionHandler(NoSuchElementException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(NoSuchElementException e, Model model) {
        model.addAttribute("problem", e.getMessage());
        return "tidak-ditemukan";
    }

    @ExceptionHandler(IllegalArgumentException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badRequest(IllegalArgumentException e, Model model) {
        model.addAttribute("problem", e.getMessage());
        return "tidak-ditemukan";
    }

    private ReceivedFile visible(long id) {
        return files.find(id).filter(file -> file.officeCode() != null && user.maySee(file.officeCode())
                        || file.officeCode() == null && user.officeScope().isEmpty())
                .orElseThrow(() -> new NoSuchElementException(Messages.get("web.review.no-such-file", id).both()));
    }
}

package org.gugus.web;

import java.util.List;
import java.util.NoSuchElementException;
import org.gugus.access.Audit;
import org.gugus.access.CurrentUser;
import org.gugus.intake.IntakeExecutions;
import org.gugus.intake.LoadProgress;
import org.gugus.reference.RegencyOffices;
import org.gugus.system.Messages;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Unggah: a steward sends an office's file from her browser into the same pipeline as the drop folder
 * and the command line; its page follows the load (a server-sent event stream of the rows read so far
 * and the step running, htmx polling where the browser has no EventSource) and ends with its counts
 * and findings. Each upload is audited: who, which office, the file's name.
 */
@Controller
@RequestMapping("/unggah")
class UploadPagesController {

    private final BackgroundLoads loads;
    private final LoadProgress progress;
    private final IntakeExecutions executions;
    private final ProgressStreams streams;
    private final CurrentUser user;
    private final Audit audit;
    private final DataSize limit;

    UploadPagesController(BackgroundLoads loads, LoadProgress progress, IntakeExecutions executions,
            ProgressStreams streams, CurrentUser user, Audit audit,
            @Value("${spring.servlet.multipart.max-file-size:200MB}") DataSize limit) {
        this.loads = loads;
        this.progress = progress;
        this.executions = executions;
        this.streams = streams;
        this.user = user;
        this.audit = audit;
        this.limit = limit;
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("offices", RegencyOffices.all());
        model.addAttribute("limitMb", limit.toMegabytes());
        return "unggah";
    }

    @PostMapping
    String upload(@RequestParam(required = false) String office, @RequestParam(required = false) MultipartFile berkas,
            Model model) {
        if (office == null || RegencyOffices.byCode(office).isEmpty()) {
            return refused("web.upload.no-office", model);
        }
        if (berkas == null || berkas.isEmpty() || berkas.getOriginalFilename() == null
                || berkas.getOriginalFilename().isBlank()) {
            return refused("web.upload.no-file", model);
        }
        String code = RegencyOffices.byCode(office).orElseThrow().code();
        audit.change("UPLOAD", "POST /unggah " + code + " " + berkas.getOriginalFilename(), List.of());
        BackgroundLoads.Upload upload = loads.upload(code, berkas, user.name());
        return "redirect:/unggah/" + upload.id();
    }

    @GetMapping("/{id}")
    String show(@PathVariable String id, Model model) {
        describe(id, model);
        return "unggah-hasil";
    }

    @GetMapping("/{id}/status")
    String status(@PathVariable String id, Model model) {
        describe(id, model);
        return "unggah-hasil :: status";
    }

    /** The upload's progress as server-sent events: rows read and step while it loads, then its outcome. */
    @GetMapping("/{id}/aliran")
    SseEmitter stream(@PathVariable String id) {
        BackgroundLoads.Upload upload = find(id);
        return streams.open(() -> report(upload));
    }

    private ProgressStreams.Report report(BackgroundLoads.Upload upload) {
        Long fileId = upload.fileId();
        if (upload.done()) {
            String status = upload.failed() ? "FAILED" : upload.outcome().status().name();
            long read = upload.outcome() == null ? 0 : upload.outcome().rowsRead();
            return ProgressStreams.Report.end(new LoadReport(null, fileId, status, read, null, List.of()));
        }
        if (fileId == null) {
            return ProgressStreams.Report.progress(new LoadReport(null, null, LoadReport.RUNNING, 0, null, List.of()));
        }
        LoadReport run = executions.latestOfFile(fileId).filter(e -> e.running())
                .map(e -> LoadReport.of(e, progress.rowsRead(fileId)))
                .orElse(new LoadReport(null, fileId, LoadReport.RUNNING, progress.rowsRead(fileId).orElse(0), null, List.of()));
        return ProgressStreams.Report.progress(new LoadReport(run.execution(), fileId, LoadReport.RUNNING, run.rowsRead(),
                run.step(), run.steps()));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    @ResponseStatus(HttpStatus.PAYLOAD_TOO_LARGE)
    String tooLarge(Model model) {
        return refused("web.upload.too-large", model);
    }

    @ExceptionHandler(NoSuchElementException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(NoSuchElementException e, Model model) {
        model.addAttribute("problem", e.getMessage());
        return "tidak-ditemukan";
    }

    private String refused(String key, Model model) {
        form(model);
        model.addAttribute("problemKey", key);
        return "unggah";
    }

    private BackgroundLoads.Upload find(String id) {
        return loads.upload(id).orElseThrow(() ->
                new NoSuchElementException(Messages.get("web.upload.unknown", BackgroundLoads.HISTORY).both()));
    }

    private void describe(String id, Model model) {
        BackgroundLoads.Upload upload = find(id);
        model.addAttribute("upload", upload);
        model.addAttribute("office", RegencyOffices.byCode(upload.office()).orElseThrow());
        model.addAttribute("rowsRead", upload.fileId() == null ? 0 : progress.rowsRead(upload.fileId()).orElse(0));
    }
}

package org.gugus.web;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.OptionalLong;
import org.gugus.access.Audit;
import org.gugus.ingest.FileStatus;
import org.gugus.ingest.ReceivedFile;
import org.gugus.ingest.ReceivedFiles;
import org.gugus.intake.IntakeExecution;
import org.gugus.intake.IntakeExecutions;
import org.gugus.intake.LoadProgress;
import org.gugus.system.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Jobs: the runs of the intake job, newest first, with each step's counts; a running one follows its
 * progress by server-sent events (rows read, step, counts) and the table is asked again when it ends
 * (where the browser has no EventSource, the table is asked again every two seconds: htmx polling). A failed or stopped run is
 * restarted the way the command line and a restart do it ({@code FileReception.load}: the file's
 * job resumes from its last committed chunk); so is a failed file from its page (Berkas). Both audited.
 */
@Controller
class JobPagesController {

    static final int LIMIT = 100;

    private final IntakeExecutions executions;
    private final ReceivedFiles files;
    private final BackgroundLoads loads;
    private final LoadProgress progress;
    private final ProgressStreams streams;
    private final Audit audit;

    JobPagesController(IntakeExecutions executions, ReceivedFiles files, BackgroundLoads loads, LoadProgress progress,
            ProgressStreams streams, Audit audit) {
        this.executions = executions;
        this.progress = progress;
        this.streams = streams;
        this.files = files;
        this.loads = loads;
        this.audit = audit;
    }

    @GetMapping("/jobs")
    String list(Model model) {
        table(model);
        return "jobs";
    }

    @GetMapping("/jobs/tabel")
    String table(Model model) {
        List<IntakeExecution> latest = executions.latest(LIMIT);
        LocalDateTime now = LocalDateTime.now();
        model.addAttribute("executions", latest.stream().map(e -> new Row(e, e.duration(now))).toList());
        model.addAttribute("anyRunning", latest.stream().anyMatch(IntakeExecution::running));
        model.addAttribute("limit", LIMIT);
        return "jobs :: table";
    }

    /** A run's progress as server-sent events: its step counts and rows read while it runs, then its end. */
    @GetMapping("/jobs/{id}/aliran")
    SseEmitter stream(@PathVariable long id) {
        find(id);
        return streams.open(() -> {
            IntakeExecution run = find(id);
            LoadReport report = LoadReport.of(run, run.fileId() == null || !run.running()
                    ? OptionalLong.empty() : progress.rowsRead(run.fileId()));
            return run.running() ? ProgressStreams.Report.progress(report) : ProgressStreams.Report.end(report);
        });
    }

    private IntakeExecution find(long id) {
        return executions.find(id).orElseThrow(() ->
                new NoSuchElementException(Messages.get("web.jobs.unknown", id).both()));
    }

    @PostMapping("/jobs/{id}/ulang")
    String restart(@PathVariable long id, RedirectAttributes redirect) {
        IntakeExecution execution = find(id);
        if (!execution.restartable()) {
            throw new IllegalArgumentException(Messages.get("web.jobs.not-restartable", id, execution.status()).both());
        }
        ReceivedFile file = files.find(execution.fileId()).orElseThrow(() ->
                new NoSuchElementException(Messages.get("web.review.no-such-file", execution.fileId()).both()));
        audit.change("RESTART", "POST /jobs/" + id + "/ulang", List.of(file.id()));
        loads.reload(file);
        redirect.addFlashAttribute("restarted", id);
        return "redirect:/jobs";
    }

    @PostMapping("/berkas/{id}/muat-ulang")
    String reload(@PathVariable long id, RedirectAttributes redirect) {
        ReceivedFile file = files.find(id).orElseThrow(() ->
                new NoSuchElementException(Messages.get("web.review.no-such-file", id).both()));
        if (file.status() != FileStatus.FAILED) {
            throw new IllegalArgumentException(Messages.get("web.files.not-failed", id).both());
        }
        audit.change("RELOAD", "POST /berkas/" + id + "/muat-ulang", List.of(id));
        loads.reload(file);
        redirect.addFlashAttribute("reloaded", true);
        return "redirect:/berkas/" + id;
    }

    @ExceptionHandler(NoSuchElementException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(NoSuchElementException e, Model model) {
        model.addAttribute("problem", e.getMessage());
        return "tidak-ditemukan";
    }

    @ExceptionHandler(IllegalArgumentException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String conflict(IllegalArgumentException e, Model model) {
        model.addAttribute("problem", e.getMessage());
        return "tidak-ditemukan";
    }

    /** A run with how long it took (so far). */
    record Row(IntakeExecution execution, Duration duration) {

        /** "1 j 02 m", "3 m 05 d", "4,2 d" — short, the same in both languages' tables. */
        public String took() {
            if (duration == null) {
                return "–";
            }
            long seconds = duration.toSeconds();
            if (seconds >= 3600) {
                return "%d:%02d:%02d".formatted(seconds / 3600, seconds % 3600 / 60, seconds % 60);
            }
            if (seconds >= 60) {
                return "%d:%02d".formatted(seconds / 60, seconds % 60);
            }
            return "%.1f s".formatted(duration.toMillis() / 1000.0);
        }
    }
}

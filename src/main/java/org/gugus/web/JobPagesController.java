package org.gugus.web;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.springframework.beans.factory.annotation.Value;
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
    private final ZoneId zone;

    JobPagesController(IntakeExecutions executions, ReceivedFiles files, BackgroundLoads loads, LoadProgress progress,
            ProgressStreams streams, Audit audit, @Value("${gugus.time-zone:Asia/Makassar}") String zone) {
        this.zone = ZoneId.of(zone);
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
        // only the newest run of a file's load is run again: an older failed one was already followed by another
        Map<Long, Long> newest = new HashMap<>();
        latest.forEach(e -> newest.merge(e.instanceId(), e.id(), Math::max));
        model.addAttribute("executions", latest.stream().map(e -> new Row(e, e.duration(now),
                e.restartable() && newest.get(e.instanceId()) == e.id(),
                // Spring Batch writes the server's local time; the pages show the province's, as Berkas does
                e.start() == null ? null : e.start().atZone(ZoneId.systemDefault()).withZoneSameInstant(zone))).toList());
        // a run asked for a moment ago may not have started yet: the table follows it all the same
        model.addAttribute("anyRunning", latest.stream().anyMatch(IntakeExecution::running) || loads.reloading());
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

    /** A file's load run again from its page, as server-sent events: rows read while it runs, then its end. */
    @GetMapping("/berkas/{id}/aliran")
    SseEmitter fileStream(@PathVariable long id) {
        ReceivedFile file = files.find(id).orElseThrow(() ->
                new NoSuchElementException(Messages.get("web.review.no-such-file", id).both()));
        return streams.open(() -> {
            if (!loads.reloading(file.id())) {
                return ProgressStreams.Report.end(new LoadReport(null, file.id(),
                        files.find(file.id()).map(f -> f.status().name()).orElse(null), 0, null, List.of()));
            }
            return ProgressStreams.Report.progress(executions.latestOfFile(file.id()).filter(IntakeExecution::running)
                    .map(run -> LoadReport.of(run, progress.rowsRead(file.id())))
                    .orElse(new LoadReport(null, file.id(), LoadReport.RUNNING, 0, null, List.of())));
        });
    }

    private IntakeExecution find(long id) {
        return executions.find(id).orElseThrow(() ->
                new NoSuchElementException(Messages.get("web.jobs.unknown", id).both()));
    }

    @PostMapping("/jobs/{id}/ulang")
    String restart(@PathVariable long id, RedirectAttributes redirect) {
        IntakeExecution execution = find(id);
        if (!execution.restartable() || executions.latestOfFile(execution.fileId())
                .filter(newest -> newest.id() != id).isPresent()) {
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
    record Row(IntakeExecution execution, Duration duration, boolean restartable, ZonedDateTime start) {

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

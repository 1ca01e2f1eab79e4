package org.gugus.ingest.sftp;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gugus.system.Message;
import org.gugus.system.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code POST /api/sftp/sources/64.72/pull} starts a pull of an office and answers {@code 202
 * Accepted} at once, with the run to follow in {@code Location}:
 * {@code GET /api/sftp/sources/64.72/pulls/{id}} ({@link PullRun}: running or finished, attempts, each
 * file in the shape of {@code gugus pull --json}). {@code GET /api/sftp/sources} lists the sources
 * as the health endpoint shows them. Errors are problem details (RFC 9457) with the code and the
 * message in both languages.
 */
@RestController
@RequestMapping("/api/sftp/sources")
class PullController {

    private final SftpSources sources;
    private final PullRuns runs;

    PullController(SftpSources sources, PullRuns runs) {
        this.sources = sources;
        this.runs = runs;
    }

    @GetMapping
    Map<String, SourceStatus> sources() {
        Map<String, SourceStatus> all = new LinkedHashMap<>();
        sources.statuses().forEach(status -> all.put(status.office(), status));
        return all;
    }

    @PostMapping("/{office}/pull")
    ResponseEntity<PullRun> pull(@PathVariable String office) {
        OfficePoll poll = sources.poll(office).orElseThrow(() -> notFound("F_SFTP_NO_SOURCE",
                Messages.get("sftp.pull.no-source", office)));
        PullRun run = runs.start(poll);
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/sftp/sources/{office}/pulls/{id}").buildAndExpand(run.regency(), run.id()).toUri();
        return ResponseEntity.accepted().location(location).body(run);
    }

    @GetMapping("/{office}/pulls/{id}")
    PullRun run(@PathVariable String office, @PathVariable String id) {
        String code = sources.poll(office).map(poll -> poll.source().officeCode()).orElse(office);
        return runs.find(code, id).orElseThrow(() -> notFound("F_SFTP_NO_RUN",
                Messages.get("sftp.pull.unknown-run", code, id, PullRuns.HISTORY)));
    }

    private static ErrorResponseException notFound(String code, Message message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, message.both());
        problem.setProperty("code", code);
        problem.setProperty("message_id", message.id());
        problem.setProperty("message_en", message.en());
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}

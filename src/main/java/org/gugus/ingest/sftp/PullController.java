package org.gugus.ingest.sftp;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import org.gugus.system.Messages;
import org.springframework.http.ResponseEntity;
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
 * as the health endpoint shows them. An office without a source, or a run no longer kept, is a 404
 * problem detail (RFC 9457, see {@code system.ApiErrors}).
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
        OfficePoll poll = sources.poll(office).orElseThrow(
                () -> new NoSuchElementException(Messages.get("sftp.pull.no-source", office).both()));
        PullRun run = runs.start(poll);
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/sftp/sources/{office}/pulls/{id}").buildAndExpand(run.regency(), run.id()).toUri();
        return ResponseEntity.accepted().location(location).body(run);
    }

    @GetMapping("/{office}/pulls/{id}")
    PullRun run(@PathVariable String office, @PathVariable String id) {
        String code = sources.poll(office).map(poll -> poll.source().officeCode()).orElse(office);
        return runs.find(code, id).orElseThrow(() -> new NoSuchElementException(
                Messages.get("sftp.pull.unknown-run", code, id, PullRuns.HISTORY).both()));
    }
}

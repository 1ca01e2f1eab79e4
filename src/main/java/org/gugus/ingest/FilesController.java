package org.gugus.ingest;

import java.util.List;
import java.util.NoSuchElementException;
import org.gugus.access.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The file registry over REST, as {@code gugus files} shows it: {@code GET /api/files?office=64.72&status=QUARANTINED&limit=50}
 * lists the latest files first; {@code GET /api/files/12} shows one. An office account sees only its
 * office's files (another office's are 404). Errors are problem details.
 */
@RestController
@RequestMapping("/api/files")
class FilesController {

    private final ReceivedFiles files;
    private final CurrentUser user;

    FilesController(ReceivedFiles files, CurrentUser user) {
        this.files = files;
        this.user = user;
    }

    @GetMapping
    List<ReceivedFile> list(@RequestParam(required = false) String office,
            @RequestParam(required = false) FileStatus status,
            @RequestParam(defaultValue = "" + ReceivedFiles.DEFAULT_LIMIT) int limit) {
        // an office account sees its own office's files only; another office's are "not found"
        // (an unknown office or a bad limit is an IllegalArgumentException: 400 through ApiErrors)
        String scope = user.officeScope().orElse(null);
        if (scope != null && office != null && !ReceivedFiles.officeCode(office).equals(scope)) {
            throw new NoSuchElementException(ReceivedFiles.offices());
        }
        return files.list(scope != null ? scope : office, status, limit);
    }

    @GetMapping("/{id}")
    ReceivedFile show(@PathVariable long id) {
        return files.find(id).filter(file -> user.maySee(file.officeCode()))
                .orElseThrow(() -> new NoSuchElementException(ReceivedFiles.noSuchFile(id)));
    }
}

package org.gugus.ingest;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The file registry over REST, as {@code gugus files} shows it: {@code GET /api/files?office=64.72&status=QUARANTINED&limit=50}
 * lists the latest files first; {@code GET /api/files/12} shows one. Errors are problem details.
 */
@RestController
@RequestMapping("/api/files")
class FilesController {

    private final ReceivedFiles files;

    FilesController(ReceivedFiles files) {
        this.files = files;
    }

    @GetMapping
    List<ReceivedFile> list(@RequestParam(required = false) String office,
            @RequestParam(required = false) FileStatus status,
            @RequestParam(defaultValue = "" + ReceivedFiles.DEFAULT_LIMIT) int limit) {
        try {
            return files.list(office, status, limit);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    @GetMapping("/{id}")
    ReceivedFile show(@PathVariable long id) {
        return files.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                ReceivedFiles.noSuchFile(id)));
    }
}

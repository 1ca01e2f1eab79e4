package org.gugus.review;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import org.gugus.intake.corrections.CorrectionConflictException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The review API (JSON): rejected rows and flagged victims of a file or an office, and corrections.
 * See {@code docs/review-and-resubmission.md}.
 */
@RestController
@RequestMapping("/api/review")
class ReviewController {

    private final ReviewRows rows;
    private final Resubmission resubmission;

    ReviewController(ReviewRows rows, Resubmission resubmission) {
        this.rows = rows;
        this.resubmission = resubmission;
    }

    @GetMapping("/rejections")
    Map<String, Object> rejections(@RequestParam(required = false) Long file,
            @RequestParam(required = false) String regency, @RequestParam(defaultValue = "OPEN") String status,
            @RequestParam(defaultValue = "" + ReviewRows.DEFAULT_LIMIT) int limit) {
        requireScope(file, regency);
        return ReviewJson.list("rejections", rows.rejected(file, regency, ReviewStatus.of(status), limit).stream()
                .map(ReviewJson::of).toList());
    }

    @GetMapping("/rejections/{id}")
    Map<String, Object> rejection(@PathVariable long id) {
        return ReviewJson.of(rows.rejected(id).orElseThrow(() -> new NoSuchElementException(
                "Baris ditolak #" + id + " tidak ada / rejected row #" + id + " does not exist")));
    }

    @PostMapping("/rejections/{id}/corrections")
    ResponseEntity<Map<String, Object>> correctRejection(@PathVariable long id, @RequestBody Map<String, Object> body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(ReviewJson.of(resubmission.correctRejected(id, request(body))));
    }

    @GetMapping("/flags")
    Map<String, Object> flags(@RequestParam(required = false) Long file, @RequestParam(required = false) String regency,
            @RequestParam(required = false) String code,
            @RequestParam(defaultValue = "" + ReviewRows.DEFAULT_LIMIT) int limit) {
        requireScope(file, regency);
        return ReviewJson.list("flags", rows.flagged(file, regency, code, limit).stream().map(ReviewJson::of).toList());
    }

    @GetMapping("/flags/{victimId}")
    Map<String, Object> flag(@PathVariable long victimId) {
        return ReviewJson.of(rows.flagged(victimId).orElseThrow(() -> new NoSuchElementException(
                "Korban #" + victimId + " tidak ada / victim #" + victimId + " does not exist")));
    }

    @PostMapping("/flags/{victimId}/corrections")
    ResponseEntity<Map<String, Object>> correctFlag(@PathVariable long victimId, @RequestBody Map<String, Object> body) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(ReviewJson.of(resubmission.correctFlagged(victimId, request(body))));
    }

    @GetMapping("/corrections/{id}")
    Map<String, Object> correction(@PathVariable long id) {
        return ReviewJson.of(rows.correction(id).orElseThrow(() -> new NoSuchElementException(
                "Koreksi #" + id + " tidak ada / correction #" + id + " does not exist")));
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<Map<String, Object>> notFound(NoSuchElementException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ReviewJson.error("NOT_FOUND", e.getMessage()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, Object>> badRequest(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(ReviewJson.error("BAD_REQUEST", e.getMessage()));
    }

    @ExceptionHandler(CorrectionConflictException.class)
    ResponseEntity<Map<String, Object>> conflict(CorrectionConflictException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(ReviewJson.error("IDENTITY_TAKEN", e.getMessage()));
    }

    private static CorrectionRequest request(Map<String, Object> body) {
        Object values = body.get("values");
        if (values != null && !(values instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("'values' harus objek {\"kolom\": \"nilai\"} / must be an object "
                    + "{\"column\": \"value\"}");
        }
        Map<String, String> changes = new LinkedHashMap<>();
        if (values != null) {
            ((Map<?, ?>) values).forEach((column, value) -> changes.put(String.valueOf(column),
                    value == null ? "" : String.valueOf(value)));
        }
        Object by = body.get("submitted_by");
        Object note = body.get("note");
        return new CorrectionRequest(changes, by == null ? null : String.valueOf(by), note == null ? null : String.valueOf(note));
    }

    private static void requireScope(Long file, String regency) {
        if (file == null && regency == null) {
            throw new IllegalArgumentException("Sebutkan berkas (?file=ID) atau kantor (?regency=64.72). / "
                    + "Name a file (?file=ID) or an office (?regency=64.72).");
        }
    }
}

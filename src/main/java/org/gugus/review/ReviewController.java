package org.gugus.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.gugus.access.Audit;
import org.gugus.access.CurrentUser;
import org.gugus.intake.corrections.CorrectionConflictException;
import org.gugus.reference.RegencyOffice;
import org.gugus.reference.RegencyOffices;
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
 * See {@code docs/review-and-resubmission.md}. An OFFICE account sees only its office's rows: another
 * office's row answers 404, as one that does not exist. Every answer with rows is in the audit log,
 * and a correction is submitted by the signed-in account, whatever the body says.
 */
@RestController
@RequestMapping("/api/review")
class ReviewController {

    private final ReviewRows rows;
    private final Resubmission resubmission;
    private final CurrentUser user;
    private final Audit audit;

    ReviewController(ReviewRows rows, Resubmission resubmission, CurrentUser user, Audit audit) {
        this.rows = rows;
        this.resubmission = resubmission;
        this.user = user;
        this.audit = audit;
    }

    @GetMapping("/rejections")
    Map<String, Object> rejections(@RequestParam(required = false) Long file,
            @RequestParam(required = false) String regency, @RequestParam(defaultValue = "OPEN") String status,
            @RequestParam(defaultValue = "" + ReviewRows.DEFAULT_LIMIT) int limit) {
        requireScope(file, regency);
        List<RejectedRow> rejected = rows.rejected(file, office(regency), ReviewStatus.of(status), limit);
        audit.read(rejected.stream().map(RejectedRow::id).toList());
        return ReviewJson.list("rejections", rejected.stream().map(ReviewJson::of).toList());
    }

    @GetMapping("/rejections/{id}")
    Map<String, Object> rejection(@PathVariable long id) {
        return ReviewJson.of(read(rejected(id), RejectedRow::id));
    }

    @PostMapping("/rejections/{id}/corrections")
    ResponseEntity<Map<String, Object>> correctRejection(@PathVariable long id, @RequestBody Map<String, Object> body) {
        rejected(id);
        return ResponseEntity.status(HttpStatus.CREATED).body(ReviewJson.of(resubmission.correctRejected(id, request(body))));
    }

    @GetMapping("/flags")
    Map<String, Object> flags(@RequestParam(required = false) Long file, @RequestParam(required = false) String regency,
            @RequestParam(required = false) String code,
            @RequestParam(defaultValue = "" + ReviewRows.DEFAULT_LIMIT) int limit) {
        requireScope(file, regency);
        List<FlaggedRow> flagged = rows.flagged(file, office(regency), code, limit);
        audit.read(flagged.stream().map(FlaggedRow::victimId).toList());
        return ReviewJson.list("flags", flagged.stream().map(ReviewJson::of).toList());
    }

    @GetMapping("/flags/{victimId}")
    Map<String, Object> flag(@PathVariable long victimId) {
        return ReviewJson.of(read(flagged(victimId), FlaggedRow::victimId));
    }

    @PostMapping("/flags/{victimId}/corrections")
    ResponseEntity<Map<String, Object>> correctFlag(@PathVariable long victimId, @RequestBody Map<String, Object> body) {
        flagged(victimId);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(ReviewJson.of(resubmission.correctFlagged(victimId, request(body))));
    }

    @GetMapping("/corrections/{id}")
    Map<String, Object> correction(@PathVariable long id) {
        return ReviewJson.of(read(rows.correction(id).filter(correction -> user.maySee(correction.officeCode()))
                .orElseThrow(() -> new NoSuchElementException(
                        "Koreksi #" + id + " tidak ada / correction #" + id + " does not exist")), Correction::id));
    }

    /** The rejected row, if it exists and the user may see its office. */
    private RejectedRow rejected(long id) {
        return rows.rejected(id).filter(row -> user.maySee(row.officeCode())).orElseThrow(() ->
                new NoSuchElementException("Baris ditolak #" + id + " tidak ada / rejected row #" + id + " does not exist"));
    }

    /** The flagged victim, if it exists and the user may see its office. */
    private FlaggedRow flagged(long victimId) {
        return rows.flagged(victimId).filter(row -> user.maySee(row.officeCode())).orElseThrow(() ->
                new NoSuchElementException("Korban #" + victimId + " tidak ada / victim #" + victimId + " does not exist"));
    }

    private <T> T read(T row, Function<T, Long> id) {
        audit.read(List.of(id.apply(row)));
        return row;
    }

    /** The office to list: the one asked for, which an OFFICE account must not name other than its own. */
    private String office(String regency) {
        String asked = regency == null ? null : RegencyOffices.byCode(regency).map(RegencyOffice::code).orElse(regency);
        return user.officeScope().map(scope -> {
            if (asked != null && !asked.equals(scope)) {
                throw new NoSuchElementException("Kantor " + regency + " tidak ada / office " + regency + " does not exist");
            }
            return scope;
        }).orElse(asked);
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

    private CorrectionRequest request(Map<String, Object> body) {
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
        Object note = body.get("note");
        // who submits is who signed in: a submitted_by in the body is not believed
        return new CorrectionRequest(changes, user.name(), note == null ? null : String.valueOf(note));
    }

    private static void requireScope(Long file, String regency) {
        if (file == null && regency == null) {
            throw new IllegalArgumentException("Sebutkan berkas (?file=ID) atau kantor (?regency=64.72). / "
                    + "Name a file (?file=ID) or an office (?regency=64.72).");
        }
    }
}

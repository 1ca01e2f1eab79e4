package org.gugus.review;

import java.util.NoSuchElementException;
import org.gugus.intake.corrections.CorrectionConflictException;
import org.gugus.system.ApiErrors;
import org.gugus.system.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
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
 * Errors are problem details. See {@code docs/review-and-resubmission.md}.
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
    ReviewPage rejections(@RequestParam(required = false) Long file,
            @RequestParam(name = "regency", required = false) String regency,
            @RequestParam(required = false) String office, @RequestParam(defaultValue = "OPEN") String status,
            @RequestParam(defaultValue = "" + ReviewRows.DEFAULT_LIMIT) int limit) {
        String officeCode = office(regency, office);
        requireScope(file, officeCode);
        return ReviewPage.ofRejections(rows.rejected(file, officeCode, ReviewStatus.of(status), limit));
    }

    @GetMapping("/rejections/{id}")
    RejectedRow rejection(@PathVariable long id) {
        return rows.rejected(id).orElseThrow(() -> new NoSuchElementException(
                Messages.get("review.not-found.rejected", id).both()));
    }

    @PostMapping("/rejections/{id}/corrections")
    ResponseEntity<Correction> correctRejection(@PathVariable long id, @RequestBody CorrectionRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(resubmission.correctRejected(id, request));
    }

    @GetMapping("/flags")
    ReviewPage flags(@RequestParam(required = false) Long file,
            @RequestParam(name = "regency", required = false) String regency,
            @RequestParam(required = false) String office, @RequestParam(required = false) String code,
            @RequestParam(defaultValue = "" + ReviewRows.DEFAULT_LIMIT) int limit) {
        String officeCode = office(regency, office);
        requireScope(file, officeCode);
        return ReviewPage.ofFlags(rows.flagged(file, officeCode, code, limit));
    }

    @GetMapping("/flags/{victimId}")
    FlaggedRow flag(@PathVariable long victimId) {
        return rows.flagged(victimId).orElseThrow(() -> new NoSuchElementException(
                Messages.get("review.not-found.victim", victimId).both()));
    }

    @PostMapping("/flags/{victimId}/corrections")
    ResponseEntity<Correction> correctFlag(@PathVariable long victimId, @RequestBody CorrectionRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(resubmission.correctFlagged(victimId, request));
    }

    @GetMapping("/corrections/{id}")
    Correction correction(@PathVariable long id) {
        return rows.correction(id).orElseThrow(() -> new NoSuchElementException(
                Messages.get("review.not-found.correction", id).both()));
    }

    @ExceptionHandler(CorrectionConflictException.class)
    ProblemDetail conflict(CorrectionConflictException e) {
        return ApiErrors.problem(HttpStatus.CONFLICT, e.getMessage());
    }

    /** The office of {@code ?office=} (or its older name {@code ?regency=}), as {@code 64.72}. */
    private static String office(String regency, String office) {
        String written = office != null ? office : regency;
        return written == null ? null : ReviewOptions.officeCode(written);
    }

    private static void requireScope(Long file, String office) {
        if (file == null && office == null) {
            throw new IllegalArgumentException(Messages.get("review.scope.missing").both());
        }
    }
}

package org.gugus.review;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.gugus.access.Audit;
import org.gugus.access.CurrentUser;
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
 * Errors are problem details. See {@code docs/review-and-resubmission.md}. An OFFICE account sees
 * only its office's rows: another office's row answers 404, as one that does not exist. Every
 * answer with rows is in the audit log, and a correction is submitted by the signed-in account,
 * whatever the body says.
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
    ReviewPage rejections(@RequestParam(required = false) Long file,
            @RequestParam(name = "regency", required = false) String regency,
            @RequestParam(required = false) String office, @RequestParam(defaultValue = "OPEN") String status,
            @RequestParam(defaultValue = "" + ReviewRows.DEFAULT_LIMIT) int limit) {
        String officeCode = scoped(office(regency, office));
        requireScope(file, officeCode);
        List<RejectedRow> rejected = rows.rejected(file, officeCode, ReviewStatus.of(status), limit);
        audit.read(rejected.stream().map(RejectedRow::id).toList());
        return ReviewPage.ofRejections(rejected);
    }

    @GetMapping("/rejections/{id}")
    RejectedRow rejection(@PathVariable long id) {
        return read(rejected(id), RejectedRow::id);
    }

    @PostMapping("/rejections/{id}/corrections")
    ResponseEntity<Correction> correctRejection(@PathVariable long id, @RequestBody CorrectionRequest request) {
        rejected(id);
        return ResponseEntity.status(HttpStatus.CREATED).body(resubmission.correctRejected(id, signed(request)));
    }

    @GetMapping("/flags")
    ReviewPage flags(@RequestParam(required = false) Long file,
            @RequestParam(name = "regency", required = false) String regency,
            @RequestParam(required = false) String office, @RequestParam(required = false) String code,
            @RequestParam(defaultValue = "" + ReviewRows.DEFAULT_LIMIT) int limit) {
        String officeCode = scoped(office(regency, office));
        requireScope(file, officeCode);
        List<FlaggedRow> flagged = rows.flagged(file, officeCode, code, limit);
        audit.read(flagged.stream().map(FlaggedRow::victimId).toList());
        return ReviewPage.ofFlags(flagged);
    }

    @GetMapping("/flags/{victimId}")
    FlaggedRow flag(@PathVariable long victimId) {
        return read(flagged(victimId), FlaggedRow::victimId);
    }

    @PostMapping("/flags/{victimId}/corrections")
    ResponseEntity<Correction> correctFlag(@PathVariable long victimId, @RequestBody CorrectionRequest request) {
        flagged(victimId);
        return ResponseEntity.status(HttpStatus.CREATED).body(resubmission.correctFlagged(victimId, signed(request)));
    }

    @GetMapping("/corrections/{id}")
    Correction correction(@PathVariable long id) {
        return read(rows.correction(id).filter(correction -> user.maySee(correction.officeCode()))
                .orElseThrow(() -> new NoSuchElementException(Messages.get("review.not-found.correction", id).both())),
                Correction::id);
    }

    @ExceptionHandler(CorrectionConflictException.class)
    ProblemDetail conflict(CorrectionConflictException e) {
        return ApiErrors.problem(HttpStatus.CONFLICT, e.getMessage());
    }

    /** The rejected row, if it exists and the user may see its office. */
    private RejectedRow rejected(long id) {
        return rows.rejected(id).filter(row -> user.maySee(row.officeCode())).orElseThrow(() ->
                new NoSuchElementException(Messages.get("review.not-found.rejected", id).both()));
    }

    /** The flagged victim, if it exists and the user may see its office. */
    private FlaggedRow flagged(long victimId) {
        return rows.flagged(victimId).filter(row -> user.maySee(row.officeCode())).orElseThrow(() ->
                new NoSuchElementException(Messages.get("review.not-found.victim", victimId).both()));
    }

    private <T> T read(T row, Function<T, Long> id) {
        audit.read(List.of(id.apply(row)));
        return row;
    }

    /** Who submits is who signed in: a {@code submitted_by} in the body is not believed. */
    private CorrectionRequest signed(CorrectionRequest request) {
        return new CorrectionRequest(request.values(), user.name(), request.note());
    }

    /** The office to list: an OFFICE account's own, which it must not name other than itself. */
    private String scoped(String asked) {
        return user.officeScope().map(scope -> {
            if (asked != null && !asked.equals(scope)) {
                // as for an office with no rows at all: an office account learns nothing of another's
                throw new NoSuchElementException(Messages.get("access.office.not-found", asked).both());
            }
            return scope;
        }).orElse(asked);
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

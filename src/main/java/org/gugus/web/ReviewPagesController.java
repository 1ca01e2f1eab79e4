package org.gugus.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.gugus.access.Audit;
import org.gugus.access.CurrentUser;
import org.gugus.ingest.ReceivedFiles;
import org.gugus.review.Correction;
import org.gugus.review.CorrectionRequest;
import org.gugus.review.Dismissals;
import org.gugus.review.FlaggedRow;
import org.gugus.review.RejectedRow;
import org.gugus.review.Resubmission;
import org.gugus.review.ReviewRows;
import org.gugus.system.Messages;
import org.gugus.warehouse.FlaggedVictims;
import org.gugus.warehouse.RejectedRows;
import org.gugus.warehouse.RejectionStatus;
import org.gugus.warehouse.ReviewGroup;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Tinjauan: the rows provincial reviewers and office users fix. The queue groups what waits by
 * office, file and code; a list shows the rows of one group; a row's page shows every cell as the
 * office wrote it, the offending ones marked with what is wrong, and takes the fixed cells back
 * through the same rules as a file. An office user sees her office only (another office's row is
 * "not found"); every page with rows is in the audit log.
 */
@Controller
@RequestMapping("/tinjauan")
class ReviewPagesController {

    static final String REJECTED = "ditolak";
    static final String FLAGGED = "peringatan";
    private static final String CELL = "sel:";

    private final RejectedRows rejectedRows;
    private final FlaggedVictims flaggedVictims;
    private final ReviewRows rows;
    private final Resubmission resubmission;
    private final ReceivedFiles files;
    private final CurrentUser user;
    private final Dismissals dismissals;
    private final Audit audit;

    ReviewPagesController(RejectedRows rejectedRows, FlaggedVictims flaggedVictims, ReviewRows rows,
            Resubmission resubmission, Dismissals dismissals, ReceivedFiles files, CurrentUser user, Audit audit) {
        this.dismissals = dismissals;
        this.rejectedRows = rejectedRows;
        this.flaggedVictims = flaggedVictims;
        this.rows = rows;
        this.resubmission = resubmission;
        this.files = files;
        this.user = user;
        this.audit = audit;
    }

    @GetMapping
    String queue(Model model) {
        String scope = user.officeScope().orElse(null);
        List<ReviewGroup> rejected = rejectedRows.openGroups(scope);
        List<ReviewGroup> flagged = flaggedVictims.groups(scope);
        model.addAttribute("rejected", rejected);
        model.addAttribute("flagged", flagged);
        model.addAttribute("fileNames", files.names(Stream.concat(rejected.stream(), flagged.stream())
                .map(ReviewGroup::fileId).distinct().toList()));
        return "tinjauan";
    }

    @GetMapping("/" + REJECTED)
    String rejectedList(@RequestParam long file, @RequestParam(required = false) String code, Model model) {
        requireVisible(file);
        List<RejectedRow> listed = rows.rejected(file, user.officeScope().orElse(null), RejectionStatus.OPEN,
                ReviewRows.DEFAULT_LIMIT).stream()
                .filter(row -> code == null || row.findings().stream().anyMatch(f -> code.equals(f.code())))
                .toList();
        audit.read(listed.stream().map(RejectedRow::id).toList());
        model.addAttribute("kind", REJECTED);
        model.addAttribute("code", code);
        model.addAttribute("fileName", files.names(List.of(file)).get(file));
        return listPage(model, file, listed.stream().map(this::rejectedView).toList());
    }

    @GetMapping("/" + FLAGGED)
    String flaggedList(@RequestParam long file, @RequestParam(required = false) String code, Model model) {
        requireVisible(file);
        List<FlaggedRow> listed = rows.flagged(file, user.officeScope().orElse(null), code, ReviewRows.DEFAULT_LIMIT);
        audit.read(listed.stream().map(FlaggedRow::victimId).toList());
        model.addAttribute("kind", FLAGGED);
        model.addAttribute("code", code);
        model.addAttribute("fileName", files.names(List.of(file)).get(file));
        return listPage(model, file, listed.stream().map(this::flaggedView).toList());
    }

    @GetMapping("/" + REJECTED + "/{id}")
    String rejectedRow(@PathVariable long id, Model model) {
        RejectedRow row = rejected(id);
        audit.read(List.of(id));
        return rowPage(model, rejectedView(row), row.corrections());
    }

    @GetMapping("/" + FLAGGED + "/{id}")
    String flaggedRow(@PathVariable long id, Model model) {
        FlaggedRow row = flagged(id);
        audit.read(List.of(id));
        return rowPage(model, flaggedView(row), row.corrections());
    }

    @PostMapping("/" + REJECTED + "/{id}")
    String correctRejected(@PathVariable long id, @RequestParam MultiValueMap<String, String> form,
            @RequestParam(required = false) String note, Model model, RedirectAttributes redirect) {
        RejectedRow row = rejected(id);
        ReviewRowView view = rejectedView(row);
        return correct(view, row.corrections(), form, note, model, redirect,
                changed -> resubmission.correctRejected(id, new CorrectionRequest(changed, user.name(), note)));
    }

    @PostMapping("/" + FLAGGED + "/{id}")
    String correctFlagged(@PathVariable long id, @RequestParam MultiValueMap<String, String> form,
            @RequestParam(required = false) String note, Model model, RedirectAttributes redirect) {
        FlaggedRow row = flagged(id);
        ReviewRowView view = flaggedView(row);
        return correct(view, row.corrections(), form, note, model, redirect,
                changed -> resubmission.correctFlagged(id, new CorrectionRequest(changed, user.name(), note)));
    }

    /** Closes a rejected row without a correction, for the reason the reviewer writes. */
    @PostMapping("/" + REJECTED + "/{id}/abaikan")
    String dismiss(@PathVariable long id, @RequestParam(required = false) String reason, Model model,
            RedirectAttributes redirect) {
        RejectedRow row = rejected(id);
        try {
            dismissals.dismiss(id, user.name(), reason);
        } catch (IllegalArgumentException | IllegalStateException e) {
            model.addAttribute("dismissProblem", e.getMessage());
            return rowPage(model, rejectedView(row), row.corrections());
        }
        redirect.addFlashAttribute("done", Messages.get("web.review.dismissed", row.fileName(), row.sheet(),
                row.rowNumber()));
        return "redirect:/tinjauan";
    }

    /**
     * One value of one column for many rows of a group at once (the same wrong date in 30 rows):
     * each row is corrected on its own, judged by the same rules, and the page tells which went in.
     */
    @PostMapping("/massal/{kind}")
    String fixMany(@PathVariable String kind, @RequestParam long file, @RequestParam(required = false) String code,
            @RequestParam(name = "baris", required = false) List<Long> ids, @RequestParam(required = false) String column,
            @RequestParam(required = false) String value, @RequestParam(required = false) String note, Model model) {
        if (!REJECTED.equals(kind) && !FLAGGED.equals(kind)) {
            throw new NoSuchElementException(Messages.get("web.review.no-such-file", file).both());
        }
        requireVisible(file);
        if (ids == null || ids.isEmpty() || column == null || column.isBlank() || value == null) {
            model.addAttribute("bulkProblem", Messages.get(ids == null || ids.isEmpty() ? "web.review.bulk.no-rows"
                    : "web.review.bulk.no-column"));
            return REJECTED.equals(kind) ? rejectedList(file, code, model) : flaggedList(file, code, model);
        }
        List<BulkFix> results = new ArrayList<>();
        for (long id : new LinkedHashSet<>(ids)) {
            ReviewRowView view = REJECTED.equals(kind) ? rejectedView(rejected(id)) : flaggedView(flagged(id));
            CorrectionRequest request = new CorrectionRequest(Map.of(column, value), user.name(), note);
            try {
                Correction correction = REJECTED.equals(kind) ? resubmission.correctRejected(id, request)
                        : resubmission.correctFlagged(id, request);
                results.add(BulkFix.of(view, correction.outcome(), correction.findings()));
            } catch (IllegalArgumentException | IllegalStateException e) {
                results.add(BulkFix.failed(view, e.getMessage()));
            }
        }
        model.addAttribute("kind", kind);
        model.addAttribute("code", code);
        model.addAttribute("file", file);
        model.addAttribute("fileName", files.names(List.of(file)).get(file));
        model.addAttribute("column", column);
        model.addAttribute("value", value);
        model.addAttribute("results", results);
        model.addAttribute("passed", results.stream().filter(BulkFix::passed).count());
        return "tinjauan-massal";
    }

    @ExceptionHandler(NoSuchElementException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(NoSuchElementException e, Model model) {
        model.addAttribute("problem", e.getMessage());
        return "tidak-ditemukan";
    }

    private String correct(ReviewRowView view, List<Correction> corrections, MultiValueMap<String, String> form,
            String note, Model model, RedirectAttributes redirect,
            Function<Map<String, String>, Correction> submit) {
        Map<String, String> typed = typed(form);
        Map<String, String> changed = new LinkedHashMap<>();
        view.cells().forEach(cell -> {
            String value = typed.get(cell.column());
            if (value != null && !Objects.equals(value.strip(), Optional.ofNullable(cell.value()).orElse("").strip())) {
                changed.put(cell.column(), value);
            }
        });
        if (changed.isEmpty()) {
            model.addAttribute("notice", Messages.get("web.review.nothing-changed"));
            return rowPage(model, view, corrections);
        }
        Correction correction;
        try {
            correction = submit.apply(changed);
        } catch (IllegalArgumentException | IllegalStateException e) {
            model.addAttribute("problem", e.getMessage());
            return rowPage(model, view.withCorrection(typed, List.of()), corrections);
        }
        if ("REJECTED".equals(correction.outcome())) {
            model.addAttribute("stillWrong", true);
            model.addAttribute("note", note);
            return rowPage(model, view.withCorrection(typed, correction.findings()), corrections);
        }
        redirect.addFlashAttribute("done", Messages.get("web.review.done." + correction.outcome(), view.fileName(),
                view.sheet(), view.rowNumber()));
        return "redirect:/tinjauan";
    }

    private String listPage(Model model, long file, List<ReviewRowView> listed) {
        model.addAttribute("file", file);
        model.addAttribute("rows", listed);
        String code = (String) model.getAttribute("code");
        // the columns a fix of the group's code can go to: those the code is on, in the listed rows
        model.addAttribute("columns", listed.stream().flatMap(row -> row.cells().stream())
                .filter(cell -> cell.findings().stream().anyMatch(f -> code == null || code.equals(f.code())))
                .map(ReviewCell::column).distinct().toList());
        return "tinjauan-daftar";
    }

    private String rowPage(Model model, ReviewRowView view, List<Correction> corrections) {
        model.addAttribute("row", view);
        model.addAttribute("corrections", corrections);
        model.addAttribute("editable", !FLAGGED.equals(view.kind()) || !view.cells().isEmpty());
        return "tinjauan-baris";
    }

    private static Map<String, String> typed(MultiValueMap<String, String> form) {
        Map<String, String> typed = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            if (name.startsWith(CELL) && !values.isEmpty()) {
                typed.put(name.substring(CELL.length()), values.get(0));
            }
        });
        return typed;
    }

    private ReviewRowView rejectedView(RejectedRow row) {
        return ReviewRowView.of(REJECTED, row.id(), row.officeCode(), row.fileName(), row.sheet(), row.rowNumber(),
                row.status().name(), row.original(), row.findings());
    }

    private ReviewRowView flaggedView(FlaggedRow row) {
        return ReviewRowView.of(FLAGGED, row.victimId(), row.officeCode(), row.fileName(), row.sheet(), row.rowNumber(),
                null, row.original(), row.flags());
    }

    private RejectedRow rejected(long id) {
        return rows.rejected(id).filter(visible(RejectedRow::officeCode))
                .orElseThrow(() -> new NoSuchElementException(Messages.get("review.not-found.rejected", id).both()));
    }

    private FlaggedRow flagged(long id) {
        return rows.flagged(id).filter(visible(FlaggedRow::officeCode))
                .orElseThrow(() -> new NoSuchElementException(Messages.get("review.not-found.victim", id).both()));
    }

    /** A file of another office is "not found" for an office user, as one that does not exist. */
    private void requireVisible(long file) {
        if (!files.officeOf(file).map(user::maySee).orElse(false)) {
            throw new NoSuchElementException(Messages.get("web.review.no-such-file", file).both());
        }
    }

    private <T> Predicate<T> visible(Function<T, String> office) {
        return row -> user.maySee(office.apply(row));
    }
}

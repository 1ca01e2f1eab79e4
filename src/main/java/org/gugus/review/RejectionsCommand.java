package org.gugus.review;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import org.gugus.access.Audit;
import org.gugus.system.GugusCommand;
import org.gugus.system.Messages;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code gugus rejections list|show|resubmit|dismiss ...}: the rejected rows of a file or an office, and
 * corrections of them. Exit status 0, 2 when a correction still has errors, 1 when a row does not
 * exist or an option is wrong.
 */
@Command(name = "rejections", mixinStandardHelpOptions = true,
        subcommands = {RejectionsCommand.ListRows.class, RejectionsCommand.Show.class, RejectionsCommand.Resubmit.class,
                RejectionsCommand.Dismiss.class})
class RejectionsCommand {

    @Command(name = "list", mixinStandardHelpOptions = true)
    static class ListRows extends ReviewRowCommands.Listing<RejectedRow> {

        @Option(names = "--status", paramLabel = "STATUS", descriptionKey = "review.status")
        private String status;

        private final ReviewRows rows;

        ListRows(ReviewRows rows, JsonMapper json, Audit audit) {
            super("gugus rejections list", "review.list.rejected", json, audit);
            this.rows = rows;
        }

        @Override
        List<RejectedRow> rows(ReviewOptions options) {
            return rows.rejected(options.file(), options.office(), ReviewStatus.of(status), options.limit());
        }

        @Override
        long id(RejectedRow row) {
            return row.id();
        }

        @Override
        ReviewPage page(List<RejectedRow> rejected) {
            return ReviewPage.ofRejections(rejected);
        }

        @Override
        void print(RejectedRow row, PrintStream out) {
            ReviewText.print(row, out);
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true)
    static class Show extends ReviewRowCommands.Showing<RejectedRow> {

        @Parameters(paramLabel = "ID", descriptionKey = "review.id.rejected")
        private long id;

        private final ReviewRows rows;

        Show(ReviewRows rows, JsonMapper json, Audit audit) {
            super("gugus rejections show", "review.not-found.rejected", json, audit);
            this.rows = rows;
        }

        @Override
        long id() {
            return id;
        }

        @Override
        Optional<RejectedRow> row(long rowId) {
            return rows.rejected(rowId);
        }

        @Override
        void print(RejectedRow row, PrintStream out) {
            ReviewText.print(row, out);
        }

        @Override
        Map<String, String> original(RejectedRow row) {
            return row.original();
        }

        @Override
        List<Correction> corrections(RejectedRow row) {
            return row.corrections();
        }
    }

    @Command(name = "resubmit", mixinStandardHelpOptions = true)
    static class Resubmit extends ReviewRowCommands.Resubmitting {

        @Parameters(paramLabel = "ID", descriptionKey = "review.id.rejected")
        private long id;

        private final Resubmission resubmission;

        Resubmit(Resubmission resubmission, JsonMapper json) {
            super(json);
            this.resubmission = resubmission;
        }

        @Override
        long id() {
            return id;
        }

        @Override
        Correction correct(long rowId, CorrectionRequest request) {
            return resubmission.correctRejected(rowId, request);
        }
    }

    @Command(name = "dismiss", mixinStandardHelpOptions = true)
    static class Dismiss implements GugusCommand {

        @Parameters(paramLabel = "ID", descriptionKey = "review.id.rejected")
        private long id;

        @Option(names = "--reason", paramLabel = "ALASAN", required = true, descriptionKey = "review.reason")
        private String reason;

        @Option(names = "--by", paramLabel = "NAMA", descriptionKey = "review.by")
        private String by;

        private final Dismissals dismissals;

        Dismiss(Dismissals dismissals) {
            this.dismissals = dismissals;
        }

        @Override
        public int run(PrintStream out, PrintStream err) {
            try {
                long dismissal = dismissals.dismiss(id, ReviewText.submitter(by), reason);
                out.println(Messages.get("review.dismiss.done", id, dismissal).both());
                return 0;
            } catch (IllegalArgumentException | NoSuchElementException | IllegalStateException e) {
                err.println(e.getMessage());
                return 1;
            }
        }
    }
}

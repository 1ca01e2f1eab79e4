package org.gugus.review;

import java.io.PrintStream;
import java.util.List;
import java.util.NoSuchElementException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
    static class ListRows implements GugusCommand {

        @Mixin
        private ReviewOptions options;

        @Option(names = "--status", paramLabel = "STATUS", descriptionKey = "review.status")
        private String status;

        private final ReviewRows rows;
        private final JsonMapper json;
        private final Audit audit;

        ListRows(ReviewRows rows, JsonMapper json, Audit audit) {
            this.rows = rows;
            this.json = json;
            this.audit = audit;
        }

        @Override
        public int run(PrintStream out, PrintStream err) {
            try {
                options.requireScope();
                List<RejectedRow> rejected = rows.rejected(options.file(), options.office(), ReviewStatus.of(status),
                        options.limit());
                audit.read("gugus rejections list" + options.described(), rejected.stream().map(RejectedRow::id).toList());
                if (options.json) {
                    out.println(json.writeValueAsString(ReviewPage.ofRejections(rejected)));
                } else {
                    rejected.forEach(row -> ReviewText.print(row, out));
                    err.println(Messages.get("review.list.rejected", rejected.size()).both());
                }
                return 0;
            } catch (IllegalArgumentException e) {
                err.println(e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true)
    static class Show implements GugusCommand {

        @Parameters(paramLabel = "ID", descriptionKey = "review.id.rejected")
        private long id;

        @Option(names = "--json")
        private boolean asJson;

        private final ReviewRows rows;
        private final JsonMapper json;
        private final Audit audit;

        Show(ReviewRows rows, JsonMapper json, Audit audit) {
            this.rows = rows;
            this.json = json;
            this.audit = audit;
        }

        @Override
        public int run(PrintStream out, PrintStream err) {
            try {
                RejectedRow row = rows.rejected(id).orElseThrow(() -> new NoSuchElementException(
                        Messages.get("review.not-found.rejected", id).both()));
                audit.read("gugus rejections show " + id, List.of(id));
                new ReviewOutput(json, asJson, out).row(row, () -> ReviewText.print(row, out),
                        row.original(), row.corrections());
                return 0;
            } catch (NoSuchElementException e) {
                err.println(e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "resubmit", mixinStandardHelpOptions = true)
    static class Resubmit implements GugusCommand {

        @Parameters(paramLabel = "ID", descriptionKey = "review.id.rejected")
        private long id;

        @Mixin
        private CorrectionOptions correction;

        private final Resubmission resubmission;
        private final JsonMapper json;

        Resubmit(Resubmission resubmission, JsonMapper json) {
            this.resubmission = resubmission;
            this.json = json;
        }

        @Override
        public int run(PrintStream out, PrintStream err) {
            try {
                Correction done = resubmission.correctRejected(id, correction.request());
                return new ReviewOutput(json, correction.json, out).correction(done);
            } catch (IllegalArgumentException | NoSuchElementException | IllegalStateException e) {
                err.println(e.getMessage());
                return 1;
            }
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

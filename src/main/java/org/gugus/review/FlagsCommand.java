package org.gugus.review;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import org.gugus.access.Audit;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code gugus flags list|show|resubmit ...}: the victims loaded with warnings of a file or an office,
 * and corrections of them. Exit status 0, 2 when a correction still has errors, 1 when a row does not
 * exist or an option is wrong.
 */
@Command(name = "flags", mixinStandardHelpOptions = true,
        subcommands = {FlagsCommand.ListRows.class, FlagsCommand.Show.class, FlagsCommand.Resubmit.class})
class FlagsCommand {

    @Command(name = "list", mixinStandardHelpOptions = true)
    static class ListRows extends ReviewRowCommands.Listing<FlaggedRow> {

        @Option(names = "--code", paramLabel = "KODE", descriptionKey = "review.code")
        private String code;

        private final ReviewRows rows;

        ListRows(ReviewRows rows, JsonMapper json, Audit audit) {
            super("gugus flags list", "review.list.flagged", json, audit);
            this.rows = rows;
        }

        @Override
        List<FlaggedRow> rows(ReviewOptions options) {
            return rows.flagged(options.file(), options.office(), code, options.limit());
        }

        @Override
        long id(FlaggedRow row) {
            return row.victimId();
        }

        @Override
        ReviewPage page(List<FlaggedRow> flagged) {
            return ReviewPage.ofFlags(flagged);
        }

        @Override
        void print(FlaggedRow row, PrintStream out) {
            ReviewText.print(row, out);
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true)
    static class Show extends ReviewRowCommands.Showing<FlaggedRow> {

        @Parameters(paramLabel = "ID", descriptionKey = "review.id.victim")
        private long id;

        private final ReviewRows rows;

        Show(ReviewRows rows, JsonMapper json, Audit audit) {
            super("gugus flags show", "review.not-found.victim", json, audit);
            this.rows = rows;
        }

        @Override
        long id() {
            return id;
        }

        @Override
        Optional<FlaggedRow> row(long victimId) {
            return rows.flagged(victimId);
        }

        @Override
        void print(FlaggedRow row, PrintStream out) {
            ReviewText.print(row, out);
        }

        @Override
        Map<String, String> original(FlaggedRow row) {
            return row.original();
        }

        @Override
        List<Correction> corrections(FlaggedRow row) {
            return row.corrections();
        }
    }

    @Command(name = "resubmit", mixinStandardHelpOptions = true)
    static class Resubmit extends ReviewRowCommands.Resubmitting {

        @Parameters(paramLabel = "ID", descriptionKey = "review.id.victim")
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
        Correction correct(long victimId, CorrectionRequest request) {
            return resubmission.correctFlagged(victimId, request);
        }
    }
}

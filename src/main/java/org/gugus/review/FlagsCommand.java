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
 * {@code gugus flags list|show|resubmit ...}: the victims loaded with warnings of a file or an office,
 * and corrections of them. Exit status 0, 2 when a correction still has errors, 1 when a row does not
 * exist or an option is wrong.
 */
@Command(name = "flags", mixinStandardHelpOptions = true,
        subcommands = {FlagsCommand.ListRows.class, FlagsCommand.Show.class, FlagsCommand.Resubmit.class})
class FlagsCommand {

    @Command(name = "list", mixinStandardHelpOptions = true)
    static class ListRows implements GugusCommand {

        @Mixin
        private ReviewOptions options;

        @Option(names = "--code", paramLabel = "KODE", descriptionKey = "review.code")
        private String code;

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
                List<FlaggedRow> flagged = rows.flagged(options.file(), options.office(), code, options.limit());
                audit.read("gugus flags list" + options.described(), flagged.stream().map(FlaggedRow::victimId).toList());
                if (options.json) {
                    out.println(json.writeValueAsString(ReviewPage.ofFlags(flagged)));
                } else {
                    flagged.forEach(row -> ReviewText.print(row, out));
                    err.println(Messages.get("review.list.flagged", flagged.size()).both());
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

        @Parameters(paramLabel = "ID", descriptionKey = "review.id.victim")
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
                FlaggedRow row = rows.flagged(id).orElseThrow(() -> new NoSuchElementException(
                        Messages.get("review.not-found.victim", id).both()));
                audit.read("gugus flags show " + id, List.of(id));
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

        @Parameters(paramLabel = "ID", descriptionKey = "review.id.victim")
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
                Correction done = resubmission.correctFlagged(id, correction.request());
                return new ReviewOutput(json, correction.json, out).correction(done);
            } catch (IllegalArgumentException | NoSuchElementException | IllegalStateException e) {
                err.println(e.getMessage());
                return 1;
            }
        }
    }
}

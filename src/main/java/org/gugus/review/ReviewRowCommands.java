package org.gugus.review;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.gugus.access.Audit;
import org.gugus.system.GugusCommand;
import org.gugus.system.Messages;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@code gugus rejections} and {@code gugus flags} do alike, each for its own kind of row: list a
 * file's or an office's rows, show one with its original cells and corrections (every row shown is an
 * audited read), and resubmit one corrected. A command names its kind's query, ids and texts; its
 * {@code ID} parameter stays its own, for its own help text.
 */
final class ReviewRowCommands {

    private ReviewRowCommands() {
    }

    /** {@code list}: a file's or an office's rows, as text or JSON. Exit status 0, or 1 when an option is wrong. */
    abstract static class Listing<T> implements GugusCommand {

        @Mixin
        private ReviewOptions options;

        private final String command;
        private final String countKey;
        private final JsonMapper json;
        private final Audit audit;

        /**
         * @param command  the command as the audit log names it, e.g. {@code gugus flags list}
         * @param countKey the message that says how many rows were listed
         */
        Listing(String command, String countKey, JsonMapper json, Audit audit) {
            this.command = command;
            this.countKey = countKey;
            this.json = json;
            this.audit = audit;
        }

        @Override
        public final int run(PrintStream out, PrintStream err) {
            try {
                options.requireScope();
                List<T> listed = rows(options);
                audit.read(command + options.described(), listed.stream().map(this::id).toList());
                if (options.json) {
                    out.println(json.writeValueAsString(page(listed)));
                } else {
                    listed.forEach(row -> print(row, out));
                    err.println(Messages.get(countKey, listed.size()).both());
                }
                return 0;
            } catch (IllegalArgumentException e) {
                err.println(e.getMessage());
                return 1;
            }
        }

        /** The rows the options ask for; an option that is wrong throws {@link IllegalArgumentException}. */
        abstract List<T> rows(ReviewOptions options);

        /** The id the audit log records for a row listed. */
        abstract long id(T row);

        abstract ReviewPage page(List<T> rows);

        abstract void print(T row, PrintStream out);
    }

    /** {@code show ID}: one row with its original cells and corrections. Exit status 0, or 1 when it does not exist. */
    abstract static class Showing<T> implements GugusCommand {

        @Option(names = "--json")
        private boolean asJson;

        private final String command;
        private final String notFoundKey;
        private final JsonMapper json;
        private final Audit audit;

        /**
         * @param command     the command as the audit log names it, before the id, e.g. {@code gugus flags show}
         * @param notFoundKey the message that says no such row exists
         */
        Showing(String command, String notFoundKey, JsonMapper json, Audit audit) {
            this.command = command;
            this.notFoundKey = notFoundKey;
            this.json = json;
            this.audit = audit;
        }

        @Override
        public final int run(PrintStream out, PrintStream err) {
            try {
                long id = id();
                T row = row(id).orElseThrow(() -> new NoSuchElementException(Messages.get(notFoundKey, id).both()));
                audit.read(command + " " + id, List.of(id));
                new ReviewOutput(json, asJson, out).row(row, () -> print(row, out), original(row), corrections(row));
                return 0;
            } catch (NoSuchElementException e) {
                err.println(e.getMessage());
                return 1;
            }
        }

        /** The id the command was given. */
        abstract long id();

        abstract Optional<T> row(long id);

        abstract void print(T row, PrintStream out);

        /** The row's cells as the office wrote them, by header. */
        abstract Map<String, String> original(T row);

        abstract List<Correction> corrections(T row);
    }

    /** {@code resubmit ID --set ...}: a row corrected and sent on. Exit status 0, 2 when it still has errors, 1 otherwise. */
    abstract static class Resubmitting implements GugusCommand {

        @Mixin
        private CorrectionOptions correction;

        private final JsonMapper json;

        Resubmitting(JsonMapper json) {
            this.json = json;
        }

        @Override
        public final int run(PrintStream out, PrintStream err) {
            try {
                return new ReviewOutput(json, correction.json, out).correction(correct(id(), correction.request()));
            } catch (IllegalArgumentException | NoSuchElementException | IllegalStateException e) {
                err.println(e.getMessage());
                return 1;
            }
        }

        /** The id the command was given. */
        abstract long id();

        abstract Correction correct(long id, CorrectionRequest request);
    }
}

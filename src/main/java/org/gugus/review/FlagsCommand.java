package org.gugus.review;

import java.io.PrintStream;
import java.util.List;
import java.util.NoSuchElementException;
import org.gugus.system.GugusCommand;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code gugus flags list|show|resubmit ...}: the victims loaded with warnings, of a file or an
 * office, and corrections of them. Exit status 0, 2 when a correction has errors, 1 on a usage error.
 */
@Component
class FlagsCommand implements GugusCommand {

    static final String USAGE = """
            Pemakaian / usage:
              gugus flags list (--file ID | --regency 64.72) [--code W_NIK_SEX] [--limit N] [--json]
              gugus flags show VICTIM_ID [--json]
              gugus flags resubmit VICTIM_ID --set "KOLOM=nilai" [--set ...] --by NAMA [--note "alasan"] [--json]
            """;

    private final ReviewRows rows;
    private final Resubmission resubmission;
    private final JsonMapper json;

    FlagsCommand(ReviewRows rows, Resubmission resubmission, JsonMapper json) {
        this.rows = rows;
        this.resubmission = resubmission;
        this.json = json;
    }

    @Override
    public String name() {
        return "flags";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        try {
            ReviewArguments args = ReviewArguments.parse(arguments);
            String action = args.word(0);
            if ("list".equals(action)) {
                args.requireScope();
                List<FlaggedRow> flagged = rows.flagged(args.file(), args.regency(), args.options.get("--code"),
                        args.limit());
                if (args.json) {
                    out.println(json.writeValueAsString(ReviewJson.list("flags",
                            flagged.stream().map(ReviewJson::of).toList())));
                } else {
                    flagged.forEach(row -> ReviewText.print(row, out));
                    err.println(flagged.size() + " korban dengan peringatan / flagged victims");
                }
                return 0;
            }
            if ("show".equals(action)) {
                long id = args.id(1, "korban / victim");
                FlaggedRow row = rows.flagged(id).orElseThrow(() -> new NoSuchElementException(
                        "Korban #" + id + " tidak ada / victim #" + id + " does not exist"));
                new ReviewOutput(json, args.json, out).row(ReviewJson.of(row), () -> ReviewText.print(row, out),
                        row.original(), row.corrections());
                return 0;
            }
            if ("resubmit".equals(action)) {
                long id = args.id(1, "korban / victim");
                Correction correction = resubmission.correctFlagged(id,
                        new CorrectionRequest(args.changes, ReviewText.submitter(args), args.options.get("--note")));
                return new ReviewOutput(json, args.json, out).correction(correction);
            }
            err.print(USAGE);
            return 1;
        } catch (IllegalArgumentException | NoSuchElementException | IllegalStateException e) {
            err.println(e.getMessage());
            return 1;
        }
    }
}

package org.gugus.review;

import java.io.PrintStream;
import java.util.List;
import java.util.NoSuchElementException;
import org.gugus.system.GugusCommand;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code gugus rejections list|show|resubmit ...}: the rejected rows of a file or an office, and
 * corrections of them. Exit status 0, 2 when a correction still has errors, 1 on a usage error.
 */
@Component
class RejectionsCommand implements GugusCommand {

    static final String USAGE = """
            Pemakaian / usage:
              gugus rejections list (--file ID | --regency 64.72) [--status OPEN|CORRECTED|ALL] [--limit N] [--json]
              gugus rejections show ID [--json]
              gugus rejections resubmit ID --set "KOLOM=nilai" [--set ...] --by NAMA [--note "alasan"] [--json]
            """;

    private final ReviewRows rows;
    private final Resubmission resubmission;
    private final JsonMapper json;

    RejectionsCommand(ReviewRows rows, Resubmission resubmission, JsonMapper json) {
        this.rows = rows;
        this.resubmission = resubmission;
        this.json = json;
    }

    @Override
    public String name() {
        return "rejections";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        try {
            ReviewArguments args = ReviewArguments.parse(arguments);
            String action = args.word(0);
            if ("list".equals(action)) {
                args.requireScope();
                List<RejectedRow> rejected = rows.rejected(args.file(), args.regency(),
                        ReviewStatus.of(args.options.get("--status")), args.limit());
                if (args.json) {
                    out.println(json.writeValueAsString(ReviewJson.list("rejections",
                            rejected.stream().map(ReviewJson::of).toList())));
                } else {
                    rejected.forEach(row -> ReviewText.print(row, out));
                    err.println(rejected.size() + " baris ditolak / rejected rows");
                }
                return 0;
            }
            if ("show".equals(action)) {
                long id = args.id(1, "baris ditolak / rejected row");
                RejectedRow row = rows.rejected(id).orElseThrow(() -> new NoSuchElementException(
                        "Baris ditolak #" + id + " tidak ada / rejected row #" + id + " does not exist"));
                new ReviewOutput(json, args.json, out).row(ReviewJson.of(row), () -> ReviewText.print(row, out),
                        row.original(), row.corrections());
                return 0;
            }
            if ("resubmit".equals(action)) {
                long id = args.id(1, "baris ditolak / rejected row");
                Correction correction = resubmission.correctRejected(id,
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

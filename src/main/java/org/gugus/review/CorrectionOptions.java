package org.gugus.review;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options of {@code rejections resubmit} and {@code flags resubmit}: the changes, who, why, and JSON. */
final class CorrectionOptions {

    @Option(names = "--set", paramLabel = "KOLOM=NILAI", required = true, descriptionKey = "review.set")
    private List<String> sets = new ArrayList<>();

    @Option(names = "--by", paramLabel = "NAMA", descriptionKey = "review.by")
    private String by;

    @Option(names = "--note", paramLabel = "ALASAN", descriptionKey = "review.note")
    private String note;

    @Option(names = "--json")
    boolean json;

    /** The correction as asked: the changed columns, the submitter (the OS user unless {@code --by}), the note. */
    CorrectionRequest request() {
        return new CorrectionRequest(ReviewOptions.changes(sets), ReviewText.submitter(by), note);
    }
}

package org.gugus.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gugus.reference.RegencyOffice;
import org.gugus.reference.RegencyOffices;
import org.gugus.system.Messages;
import picocli.CommandLine.Option;

/** The options the review commands share: which rows ({@code --file}, {@code --office}), how many, and JSON. */
final class ReviewOptions {

    @Option(names = "--file", paramLabel = "ID", descriptionKey = "review.file")
    private String file;

    @Option(names = {"--office", "--regency"}, paramLabel = "KODE", descriptionKey = "review.office")
    private String office;

    @Option(names = "--limit", paramLabel = "N", descriptionKey = "review.limit")
    private int limit = ReviewRows.DEFAULT_LIMIT;

    @Option(names = "--json", descriptionKey = "review.json")
    boolean json;

    Long file() {
        try {
            return file == null ? null : Long.valueOf(file.replace("#", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(Messages.get("review.file.invalid").both());
        }
    }

    /** The office, as {@code 64.72} whether written so or {@code 6472}. */
    String office() {
        return office == null ? null : officeCode(office);
    }

    /** An office code as {@code 64.72}, written so or {@code 6472}; an unknown one is refused with the list. */
    static String officeCode(String written) {
        return RegencyOffices.byCode(written).map(RegencyOffice::code)
                .orElseThrow(() -> new IllegalArgumentException(Messages.get("review.office.unknown", written,
                        RegencyOffices.all().stream().map(o -> o.code() + " " + o.name()).toList()).both()));
    }

    /** The options as written, for the audit log: {@code  --file 12 --office 64.72}. */
    String described() {
        return (file == null ? "" : " --file " + file) + (office == null ? "" : " --office " + office);
    }

    int limit() {
        return limit;
    }

    void requireScope() {
        if (file() == null && office() == null) {
            throw new IllegalArgumentException(Messages.get("review.scope.missing").both());
        }
    }

    /** {@code --set "COLUMN=value"} options as an ordered map. */
    static Map<String, String> changes(List<String> sets) {
        Map<String, String> changes = new LinkedHashMap<>();
        for (String set : sets) {
            int equals = set.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException(Messages.get("review.set.invalid").both());
            }
            changes.put(set.substring(0, equals).strip(), set.substring(equals + 1));
        }
        return changes;
    }
}

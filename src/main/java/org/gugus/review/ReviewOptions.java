package org.gugus.review;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gugus.reference.RegencyOffice;
import org.gugus.reference.RegencyOffices;
import picocli.CommandLine.Option;

/** The options the review commands share: which rows ({@code --file}, {@code --office}), how many, and JSON. */
final class ReviewOptions {

    @Option(names = "--file", paramLabel = "ID", description = "Nomor berkas / file number, e.g. 12")
    private String file;

    @Option(names = {"--office", "--regency"}, paramLabel = "KODE",
            description = "Kantor (kode Kemendagri) / office (Kemendagri code), e.g. 64.72")
    private String office;

    @Option(names = "--limit", paramLabel = "N", description = "Paling banyak / at most N rows (default 500)")
    private int limit = ReviewRows.DEFAULT_LIMIT;

    @Option(names = "--json", description = "Satu objek JSON / one JSON object")
    boolean json;

    Long file() {
        try {
            return file == null ? null : Long.valueOf(file.replace("#", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--file perlu nomor berkas, mis. 12 / --file needs a file number, e.g. 12");
        }
    }

    /** The office, as {@code 64.72} whether written so or {@code 6472}. */
    String office() {
        return office == null ? null : officeCode(office);
    }

    /** An office code as {@code 64.72}, written so or {@code 6472}; an unknown one is refused with the list. */
    static String officeCode(String written) {
        return RegencyOffices.byCode(written).map(RegencyOffice::code)
                .orElseThrow(() -> new IllegalArgumentException("Kode kantor tidak dikenal / unknown office code: " + written
                        + ". Kantor / offices: " + RegencyOffices.all().stream().map(o -> o.code() + " " + o.name()).toList()));
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
            throw new IllegalArgumentException("Sebutkan --file ID atau --office KODE / name --file ID or --office CODE");
        }
    }

    /** {@code --set "COLUMN=value"} options as an ordered map. */
    static Map<String, String> changes(java.util.List<String> sets) {
        Map<String, String> changes = new LinkedHashMap<>();
        for (String set : sets) {
            int equals = set.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("--set perlu KOLOM=NILAI, mis. --set \"NIK=6472014507900001\" / "
                        + "--set needs COLUMN=VALUE");
            }
            changes.put(set.substring(0, equals).strip(), set.substring(equals + 1));
        }
        return changes;
    }
}

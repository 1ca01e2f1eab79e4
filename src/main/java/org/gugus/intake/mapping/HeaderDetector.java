package org.gugus.intake.mapping;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.gugus.workbook.SheetRow;

/**
 * Finds the header row of a sheet among its first rows: the first row that names every required
 * field under one of its aliases, beneath any title rows. A header written on two rows (a group
 * heading such as "Identitas Korban" or "Tanggal" over "Nama", "Lapor", "Kejadian") is recognised
 * too, when neither row alone holds every required field.
 */
public final class HeaderDetector {

    private final Template template;

    public HeaderDetector(Template template) {
        this.template = template;
    }

    /**
     * Looks for the header among the given rows of one sheet, in order; rows beyond the template's
     * {@link Template#headerSearchRows()} are ignored, so the caller may pass more.
     */
    public HeaderSearch detect(List<SheetRow> firstRows) {
        List<SheetRow> rows = firstRows.stream().filter(row -> row.rowNumber() <= template.headerSearchRows()).toList();
        String sheet = firstRows.isEmpty() ? "" : firstRows.get(0).sheet();
        Match best = null;
        for (int i = 0; i < rows.size(); i++) {
            SheetRow row = rows.get(i);
            Match single = matchOneRow(row);
            if (single.complete()) {
                return found(sheet, single);
            }
            best = better(best, single);
            SheetRow next = i + 1 < rows.size() && rows.get(i + 1).rowNumber() == row.rowNumber() + 1 ? rows.get(i + 1)
                    : null;
            if (next != null && !matchOneRow(next).complete() && !row.isBlank()) {
                Match twoRows = matchTwoRows(row, next);
                if (twoRows.complete()) {
                    return found(sheet, twoRows);
                }
                best = better(best, twoRows);
            }
        }
        if (best != null && best.named() >= template.candidateMinFields()) {
            return missingColumns(sheet, best);
        }
        return notFound(sheet, rows.size());
    }

    private HeaderSearch found(String sheet, Match match) {
        return new HeaderSearch.Found(
                new HeaderLayout(template, sheet, match.rowNumber(), match.fieldsByColumn(), match.headersByColumn()));
    }

    private Match matchOneRow(SheetRow row) {
        Match match = new Match(row.rowNumber());
        for (int column = 0; column < row.cells().size(); column++) {
            String header = written(row.cell(column).text());
            if (!header.isEmpty()) {
                match.add(column, header, template.fieldOfHeader(header));
            }
        }
        return match;
    }

    /**
     * Each column is named by its lower cell, or by the group heading above it followed by the lower
     * cell ("Tanggal" + "Lapor"), or by its upper cell alone when the lower one is empty or repeats
     * it (a vertically merged heading). A group heading spans the empty upper cells to its right.
     */
    private Match matchTwoRows(SheetRow upper, SheetRow lower) {
        Match match = new Match(lower.rowNumber());
        String group = "";
        int width = Math.max(upper.cells().size(), lower.cells().size());
        for (int column = 0; column < width; column++) {
            String above = written(upper.cell(column).text());
            String below = written(lower.cell(column).text());
            if (!above.isEmpty()) {
                group = above;
            }
            if (below.isEmpty() && above.isEmpty()) {
                continue;
            }
            Optional<Field> field = below.isEmpty() ? Optional.empty() : template.fieldOfHeader(below);
            String header = below;
            if (field.isEmpty() && !below.isEmpty() && !group.isEmpty()) {
                field = template.fieldOfHeader(group + " " + below);
                header = field.isPresent() ? group + " " + below : below;
            }
            if (field.isEmpty() && !above.isEmpty() && (below.isEmpty() || below.equals(above))) {
                field = template.fieldOfHeader(above);
                header = above;
            }
            if (field.isEmpty() && !above.isEmpty() && !below.isEmpty() && !below.equals(above)) {
                header = above + " " + below;
            }
            match.add(column, header, field);
        }
        return match;
    }

    private boolean isComplete(Set<Field> named) {
        return named.containsAll(template.requiredFields())
                && template.requiredOneOf().stream().allMatch(group -> group.stream().anyMatch(named::contains));
    }

    private List<Field> missing(Set<Field> named) {
        List<Field> missing = new ArrayList<>();
        for (Field field : Field.values()) {
            if (template.isRequired(field) && !named.contains(field)) {
                missing.add(field);
            }
        }
        for (Set<Field> group : template.requiredOneOf()) {
            if (group.stream().noneMatch(named::contains)) {
                group.stream().filter(field -> !missing.contains(field)).forEach(missing::add);
            }
        }
        return missing;
    }

    private HeaderSearch missingColumns(String sheet, Match match) {
        Set<Field> named = match.named;
        List<String> itemsId = new ArrayList<>();
        List<String> itemsEn = new ArrayList<>();
        for (Field field : Field.values()) {
            if (template.isRequired(field) && !named.contains(field)) {
                itemsId.add(describe(field, "mis."));
                itemsEn.add(describe(field, "e.g."));
            }
        }
        for (Set<Field> group : template.requiredOneOf()) {
            if (group.stream().noneMatch(named::contains)) {
                itemsId.add(group.stream().map(field -> describe(field, "mis.")).collect(Collectors.joining(" atau ")));
                itemsEn.add(group.stream().map(field -> describe(field, "e.g.")).collect(Collectors.joining(" or ")));
            }
        }
        String messageId = "Sheet '" + sheet + "': baris judul kolom ditemukan di baris " + match.rowNumber()
                + ", tetapi kolom wajib berikut tidak ada: " + String.join("; ", itemsId)
                + ". Tambahkan kolom tersebut dengan judul seperti contoh, lalu kirim ulang file.";
        String messageEn = "Sheet '" + sheet + "': the header row was found at row " + match.rowNumber()
                + ", but these required columns are missing: " + String.join("; ", itemsEn)
                + ". Add these columns with a header like the examples and send the file again.";
        return new HeaderSearch.MissingColumns(sheet, match.rowNumber(), named, missing(named), messageId, messageEn);
    }

    private HeaderSearch notFound(String sheet, int rowsSearched) {
        List<String> requiredId = new ArrayList<>();
        List<String> requiredEn = new ArrayList<>();
        for (Field field : Field.values()) {
            if (template.isRequired(field)) {
                requiredId.add(template.displayName(field));
                requiredEn.add(template.displayName(field));
            }
        }
        for (Set<Field> group : template.requiredOneOf()) {
            List<String> names = group.stream().map(template::displayName).toList();
            requiredId.add(String.join(" atau ", names));
            requiredEn.add(String.join(" or ", names));
        }
        String messageId = "Sheet '" + sheet + "': tidak ada baris judul kolom yang dikenali di " + rowsSearched
                + " baris pertama. Jika sheet ini berisi data korban, pastikan ada satu baris judul kolom dengan "
                + "kolom: " + String.join(", ", requiredId) + ".";
        String messageEn = "Sheet '" + sheet + "': no recognisable header row in the first " + rowsSearched
                + " rows. If this sheet holds victim data, make sure one row holds the column headers: "
                + String.join(", ", requiredEn) + ".";
        return new HeaderSearch.NotFound(sheet, rowsSearched, messageId, messageEn);
    }

    private String describe(Field field, String forExample) {
        List<String> aliases = template.aliases(field);
        String examples = aliases.stream().limit(3).map(alias -> "'" + alias + "'").collect(Collectors.joining(", "));
        return template.displayName(field) + " (" + forExample + " " + examples + ")";
    }

    private Match better(Match best, Match candidate) {
        return best == null || candidate.named() > best.named() ? candidate : best;
    }

    private static String written(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    /** The fields one row (or pair of rows) names; the first column naming a field keeps it. */
    private final class Match {

        private final int rowNumber;
        private final Map<Integer, Field> fields = new LinkedHashMap<>();
        private final Map<Integer, String> headers = new LinkedHashMap<>();
        private final Set<Field> named = EnumSet.noneOf(Field.class);

        Match(int rowNumber) {
            this.rowNumber = rowNumber;
        }

        void add(int column, String header, Optional<Field> field) {
            headers.put(column, header);
            if (field.isPresent() && named.add(field.get())) {
                fields.put(column, field.get());
            }
        }

        int rowNumber() {
            return rowNumber;
        }

        Map<Integer, Field> fieldsByColumn() {
            return fields;
        }

        Map<Integer, String> headersByColumn() {
            return headers;
        }

        /** Fields named, the running number not counted. */
        int named() {
            return (int) named.stream().filter(field -> field != Field.ROW_NUMBER).count();
        }

        boolean complete() {
            return isComplete(named);
        }
    }
}

package org.gugus.intake.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gugus.LayoutWorkbooks;
import org.gugus.workbook.CellValue;
import org.gugus.workbook.SheetRow;
import org.gugus.workbook.WorkbookReader;
import org.gugus.workbook.WorkbookReaders;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each layout of the template's "Unit and delivery" section, read from XLSX written by POI and from
 * XLS, ODS (and, where a CSV can hold the layout, CSV) saved by LibreOffice, then searched for its
 * header and classified row by row as the intake job does.
 */
class WorkbookLayoutTests {

    private final HeaderDetector detector = new HeaderDetector(TemplateTests.TEMPLATE);

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = { "xlsx", "xls", "ods", "csv" })
    void findsTheHeaderUnderTitleRowsAndSkipsColumnNumbersTotalsAndTheSignatureBlock(String format) throws Exception {
        Map<String, Sheet> sheets = read("title-rows", format);

        Sheet sheet = sheets.values().iterator().next();
        assertThat(sheet.layout.headerRowNumber()).isEqualTo(5);
        assertThat(sheet.rowsOf(RowKind.DATA)).containsExactly(7, 8, 9, 11);
        assertThat(sheet.rowsOf(RowKind.COLUMN_NUMBERS)).containsExactly(6);
        assertThat(sheet.rowsOf(RowKind.TOTAL)).containsExactly(12);
        assertThat(sheet.rowsOf(RowKind.SIGNATURE)).containsExactly(14, 15, 16, 19, 20, 21);
        assertThat(sheet.data.get(0).original()).containsEntry("Pekerjaan", "Pelajar");
    }

    @ParameterizedTest
    @ValueSource(strings = { "xlsx", "xls", "ods" })
    void readsAHeaderWrittenOnTwoRowsUnderAMergedGroupHeading(String format) throws Exception {
        Sheet sheet = read("two-row-header", format).get("Data");

        assertThat(sheet.layout.headerRowNumber()).isEqualTo(4);
        assertThat(sheet.layout.column(Field.CASE_NUMBER)).contains(1);
        assertThat(sheet.layout.column(Field.VICTIM_NAME)).contains(3);
        assertThat(sheet.layout.column(Field.NIK)).contains(4);
        assertThat(sheet.layout.column(Field.SEX)).contains(5);
        assertThat(sheet.layout.column(Field.AGE)).contains(6);
        assertThat(sheet.layout.column(Field.ORIGIN_REGENCY)).contains(7);
        assertThat(sheet.rowsOf(RowKind.DATA)).containsExactly(5, 6);
        assertThat(sheet.data.get(1).value(Field.VICTIM_NAME).text()).isEqualTo("Korban Nomor 2");
    }

    @ParameterizedTest
    @ValueSource(strings = { "xlsx", "xls", "ods" })
    void givesTheMergedCellsOfACaseToEveryVictimRow(String format) throws Exception {
        Sheet sheet = read("merged-cases", format).get("Juli");

        assertThat(sheet.rowsOf(RowKind.DATA)).containsExactly(2, 3, 4, 5, 6, 7);
        assertThat(sheet.values(Field.CASE_NUMBER)).containsExactly("TPPO/SMD/0001", "TPPO/SMD/0001",
                "TPPO/SMD/0001", "TPPO/SMD/0002", "TPPO/SMD/0002", "TPPO/SMD/0003");
        assertThat(sheet.values(Field.REPORT_DATE)).containsExactly("01/07/2024", "01/07/2024", "01/07/2024",
                "03/07/2024", "03/07/2024", "09/07/2024");
        assertThat(sheet.values(Field.CASE_STAGE)).containsExactly("Penyidikan", "Penyidikan", "Penyidikan",
                "Putusan", "Putusan", "Laporan");
        assertThat(sheet.values(Field.VICTIM_NAME)).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @ValueSource(strings = { "xlsx", "xls", "ods" })
    void readsEverySheetWithAHeaderAndNamesTheOthers(String format) throws Exception {
        Map<String, Sheet> sheets = read("several-sheets", format);

        assertThat(sheets).containsOnlyKeys("Januari", "Rekap", "Februari", "Grafik");
        assertThat(sheets.get("Januari").rowsOf(RowKind.DATA)).containsExactly(4, 5);
        assertThat(sheets.get("Februari").rowsOf(RowKind.DATA)).containsExactly(2, 3, 4);
        assertThat(sheets.get("Rekap").layout).isNull();
        assertThat(sheets.get("Grafik").layout).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "xlsx", "xls", "ods" })
    void readsCellsAsTheOfficeSeesThem(String format) throws Exception {
        Sheet sheet = read("cells", format).get("Agustus");
        List<MappedRow> rows = sheet.data;

        assertThat(sheet.rowsOf(RowKind.DATA)).as("the hidden row 5 is data").containsExactly(2, 3, 4, 5, 6, 7);
        assertThat(rows.get(0).value(Field.REPORT_DATE).kind()).isEqualTo(CellValue.Kind.DATE);
        assertThat(rows.get(1).value(Field.REPORT_DATE).kind()).isEqualTo(CellValue.Kind.NUMBER);
        for (MappedRow row : rows.subList(0, 2)) {
            assertThat(TemplateTests.TEMPLATE.dates().read(row.value(Field.REPORT_DATE)))
                    .isEqualTo(new DateReading.Valid(LocalDate.of(2024, 6, 5)));
        }
        assertThat(TemplateTests.TEMPLATE.dates().read(rows.get(2).value(Field.REPORT_DATE)))
                .isEqualTo(new DateReading.Valid(LocalDate.of(2024, 3, 12)));
        assertThat(rows.get(0).value(Field.AGE).text()).isEqualTo("16");
        assertThat(rows.get(1).value(Field.AGE).text()).as("formula 10+7, cached").isEqualTo("17");
        assertThat(rows.get(2).value(Field.VICTIM_NAME).text()).as("formula, cached").isEqualTo("Korban Nomor 3");
        assertThat(rows.get(2).value(Field.ORIGIN_REGENCY).text()).isEqualTo("Samarinda");
        assertThat(rows.get(2).value(Field.EXPLOITATION).text()).isEqualTo("Eksploitasi Seksual");
        assertThat(rows.get(0).value(Field.NIK).text()).as("hidden column").isEqualTo("6472020202910001");
        assertThat(rows.get(4).value(Field.NIK)).satisfies(nik -> {
            assertThat(nik.kind()).isEqualTo(CellValue.Kind.NUMBER);
            assertThat(nik.text()).isEqualTo("6472011203900000");
        });
        assertThat(rows.get(5).value(Field.NIK).kind()).isEqualTo(CellValue.Kind.TEXT);
        assertThat(rows.get(5).value(Field.NIK).text()).isEqualTo("6.47201E+15");
    }

    /** One sheet as the job sees it: its header (or none), each row's kind, and its data rows mapped. */
    private static final class Sheet {

        HeaderLayout layout;
        final Map<Integer, RowKind> kinds = new TreeMap<>();
        final List<MappedRow> data = new ArrayList<>();

        List<Integer> rowsOf(RowKind kind) {
            return kinds.entrySet().stream().filter(e -> e.getValue() == kind).map(Map.Entry::getKey).toList();
        }

        List<String> values(Field field) {
            return data.stream().map(row -> row.value(field).text()).toList();
        }
    }

    private Map<String, Sheet> read(String layout, String format) throws Exception {
        Path file = format.equals("xlsx") ? LayoutWorkbooks.xlsx(layout, dir.resolve(layout + ".xlsx"))
                : Path.of("src/test/resources/workbooks", layout + "." + format);
        Map<String, List<SheetRow>> rowsBySheet = new LinkedHashMap<>();
        try (WorkbookReader reader = WorkbookReaders.open(file, file.getFileName().toString())) {
            for (SheetRow row = reader.next(); row != null; row = reader.next()) {
                rowsBySheet.computeIfAbsent(row.sheet(), s -> new ArrayList<>()).add(row);
            }
        }
        Map<String, Sheet> sheets = new LinkedHashMap<>();
        rowsBySheet.forEach((name, rows) -> {
            Sheet sheet = new Sheet();
            if (detector.detect(rows) instanceof HeaderSearch.Found found) {
                sheet.layout = found.layout();
                for (SheetRow row : rows) {
                    RowKind kind = sheet.layout.classify(row);
                    if (kind != RowKind.HEADER) {
                        sheet.kinds.put(row.rowNumber(), kind);
                    }
                    if (kind == RowKind.DATA) {
                        sheet.data.add(sheet.layout.map(row));
                    }
                }
            }
            sheets.put(name, sheet);
        });
        return sheets;
    }
}

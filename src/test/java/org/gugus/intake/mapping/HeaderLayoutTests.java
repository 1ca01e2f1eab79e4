package org.gugus.intake.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gugus.intake.mapping.SheetRows.HEADER;
import static org.gugus.intake.mapping.SheetRows.row;
import static org.gugus.intake.mapping.SheetRows.underTitles;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.gugus.workbook.CellValue;
import org.gugus.workbook.SheetRow;
import org.junit.jupiter.api.Test;

class HeaderLayoutTests {

    private static final String[] DATA = { "1", "012/UPTD/2024", "12/03/2024", "01/03/2024", "Siti Aminah",
            "6472014507900001", "P", "05/07/1990", "33", "Samarinda", "Sungai Kunjang", "Loa Bakung", "Buruh",
            "Seksual", "Tawaran Kerja", "Malaysia", "Penyidikan", "Visum, Rumah Aman", "-" };

    private final HeaderDetector detector = new HeaderDetector(TemplateTests.TEMPLATE);

    @Test
    void mapsADataRowToFieldsWithHeadersAsWritten() {
        HeaderLayout layout = layout();
        List<CellValue> cells = new ArrayList<>(row(5, DATA).cells());
        cells.add(CellValue.BLANK);
        cells.add(CellValue.text("catatan pinggir"));

        MappedRow mapped = layout.map(new SheetRow("Januari", 5, cells));

        assertThat(mapped.sheet()).isEqualTo("Januari");
        assertThat(mapped.rowNumber()).isEqualTo(5);
        assertThat(mapped.value(Field.VICTIM_NAME).text()).isEqualTo("Siti Aminah");
        assertThat(mapped.value(Field.SERVICES).text()).isEqualTo("Visum, Rumah Aman");
        assertThat(mapped.value(Field.ADDRESS)).isEqualTo(CellValue.BLANK);
        assertThat(mapped.header(Field.REPORT_DATE)).isEqualTo("tgl. lapor");
        assertThat(mapped.header(Field.ADDRESS)).isEqualTo("address");
        assertThat(mapped.original()).containsEntry("NO.", "1")
                .containsEntry("No Reg", "012/UPTD/2024")
                .containsEntry("Pekerjaan", "Buruh")
                .containsEntry("Ket.", "-")
                .containsEntry("Kolom 21", "catatan pinggir")
                .doesNotContainKey("Kolom 20");
        assertThat(mapped.original().keySet()).startsWith("NO.", "No Reg", "tgl. lapor", "Tanggal Kejadian");
    }

    @Test
    void keepsColumnsOfARepeatedHeaderApart() {
        HeaderLayout layout = ((HeaderSearch.Found) detector.detect(List.of(row(1, "No. Registrasi", "Tanggal Lapor",
                "Nama Korban", "JK", "Umur", "Kab/Kota Asal", "Bentuk Eksploitasi", "Catatan", "Catatan")))).layout();
        MappedRow mapped = layout.map(row(2, "1", "12/03/2024", "Siti", "P", "17", "Samarinda", "PRT", "a", "b"));
        assertThat(mapped.original()).containsEntry("Catatan", "a").containsEntry("Catatan (Kolom 9)", "b");
        assertThat(mapped.value(Field.NOTES).text()).isEqualTo("a");
    }

    @Test
    void givesARowsValuesUnderTheSheetsKeysAsItsMapHoldsThemWhenItsColumnsWithoutAHeaderAreBlank() {
        HeaderLayout layout = ((HeaderSearch.Found) detector.detect(List.of(row(1, "No. Registrasi", "Tanggal Lapor",
                "Nama Korban", "", "JK", "Umur", "Kab/Kota Asal", "Bentuk Eksploitasi", "Catatan", "Catatan"))))
                .layout();
        List<CellValue> cells = new ArrayList<>(
                row(2, "1", "12/03/2024", "Siti", "", "P", "17", "Samarinda", "PRT", "a", "b").cells());
        cells.add(CellValue.BLANK);

        OriginalCells original = (OriginalCells) layout.map(new SheetRow("Januari", 2, cells)).original();

        assertThat(original.sheetKeys()).containsExactlyElementsOf(original.keySet())
                .endsWith("Catatan", "Catatan (Kolom 10)");
        assertThat(original.sheetValues()).containsExactlyElementsOf(original.values());
        assertThat(((OriginalCells) layout.map(row(3, "2", "13/03/2024", "Ani")).original()).sheetValues())
                .containsExactly("2", "13/03/2024", "Ani", "", "", "", "", "", "");
    }

    @Test
    void givesNoSheetValuesForARowWithAValueInAColumnWithoutAHeader() {
        HeaderLayout layout = ((HeaderSearch.Found) detector.detect(List.of(row(1, "No. Registrasi", "Tanggal Lapor",
                "Nama Korban", "", "JK", "Umur", "Kab/Kota Asal", "Bentuk Eksploitasi")))).layout();

        MappedRow between = layout.map(row(2, "1", "12/03/2024", "Siti", "catatan", "P", "17", "Samarinda", "PRT"));
        MappedRow after = layout.map(row(3, "1", "12/03/2024", "Siti", "", "P", "17", "Samarinda", "PRT", "", "x"));

        assertThat(((OriginalCells) between.original()).sheetValues()).isNull();
        assertThat(between.original()).containsEntry("Kolom 4", "catatan");
        assertThat(((OriginalCells) after.original()).sheetValues()).isNull();
        assertThat(after.original()).containsEntry("Kolom 10", "x");
    }

    @Test
    void classifiesTheRowsAroundTheData() {
        HeaderLayout layout = layout();

        assertThat(layout.classify(row(3, new String[0]))).isEqualTo(RowKind.HEADER);
        assertThat(layout.classify(row(4, HEADER))).isEqualTo(RowKind.HEADER);
        assertThat(layout.classify(row(5, "1", "2", "3", "4", "5", "6", "7"))).isEqualTo(RowKind.COLUMN_NUMBERS);
        assertThat(layout.classify(row(6, DATA))).isEqualTo(RowKind.DATA);
        assertThat(layout.classify(row(7, new String[0]))).isEqualTo(RowKind.BLANK);
        assertThat(layout.classify(row(8, "3", "", "", "", "-", "", "-"))).isEqualTo(RowKind.BLANK);
        assertThat(layout.classify(row(9, "1", "2", "3", "4", "5", "6", "7"))).isEqualTo(RowKind.DATA);
        assertThat(layout.classify(row(10, "", "JUMLAH", "", "", "", "", "2"))).isEqualTo(RowKind.TOTAL);
        assertThat(layout.classify(row(11, "Total Korban: 2"))).isEqualTo(RowKind.TOTAL);
        assertThat(layout.classify(row(12, "", "", "", "", "", "", "", "", "", "", "", "", "", "",
                "Samarinda, 5 Juli 2024"))).isEqualTo(RowKind.SIGNATURE);
        assertThat(layout.classify(row(13, DATA))).isEqualTo(RowKind.SIGNATURE);
    }

    @Test
    void readsColumnNumbersInBracketsAndAsNumbers() {
        HeaderLayout layout = layout();
        assertThat(layout.classify(SheetRows.cellRow(5, CellValue.number(1, "1"), CellValue.number(2, "2"), CellValue.text("(3)"))))
                .isEqualTo(RowKind.COLUMN_NUMBERS);
        assertThat(layout().classify(row(5, "1", "3", "2"))).isEqualTo(RowKind.DATA);
    }

    @Test
    void startsTheSignatureBlockAtItsWords() {
        for (String text : List.of("Mengetahui,", "Kepala Dinas PPPA Kota Samarinda", "NIP. 19700101 199503 2 001",
                "a.n. Kepala UPTD PPA", "Plt. Kepala Dinas", "Ttd")) {
            HeaderLayout layout = layout();
            layout.classify(row(5, DATA));
            assertThat(layout.classify(row(20, "", "", text))).as(text).isEqualTo(RowKind.SIGNATURE);
            assertThat(layout.classify(row(21, "", "", "Dra. Hj. SITI RAHMAH, M.Si"))).isEqualTo(RowKind.SIGNATURE);
        }
    }

    @Test
    void readsAPlaceAndDateAloneAsTheSignatureBlock() {
        for (String text : List.of("Samarinda, 5 Juli 2024", "Tenggarong, 05/07/2024", "Bontang, Juli 2024",
                "Samarinda 5 Juli 2024", "Penajam Paser Utara, 1 Agt 2024")) {
            HeaderLayout layout = layout();
            layout.classify(row(5, DATA));
            assertThat(layout.classify(row(20, text))).as(text).isEqualTo(RowKind.SIGNATURE);
        }
    }

    @Test
    void keepsDataRowsThatMentionSignatureWords() {
        HeaderLayout layout = layout();
        String[] data = DATA.clone();
        data[18] = "Mengetahui keluarga, NIP ayah 1970";
        assertThat(layout.classify(row(5, data))).isEqualTo(RowKind.DATA);
        assertThat(layout.classify(row(6, DATA))).isEqualTo(RowKind.DATA);
    }

    @Test
    void givesAFreshClassifierForAnotherPass() {
        HeaderLayout layout = layout();
        layout.classify(row(5, "Mengetahui"));
        assertThat(layout.classify(row(6, DATA))).isEqualTo(RowKind.SIGNATURE);
        assertThat(layout.rowClassifier().classify(row(6, DATA))).isEqualTo(RowKind.DATA);
        assertThat(layout.isData(row(7, DATA))).isFalse();
    }

    @Test
    void neverThrowsOnRandomRows() {
        Random random = new Random(64_72);
        String[] fragments = { "", "-", "1", "2", "Jumlah", "Mengetahui", "Samarinda, 5 Juli 2024", "(3)", "NIP",
                "Nama", "JK", "\n", "\u00A0", "é", "2024", ",", "Total", "a.n.", "Juli 2024" };
        for (int i = 0; i < 2_000; i++) {
            List<SheetRow> rows = new ArrayList<>();
            for (int number = 1; number <= 35; number++) {
                String[] cells = new String[random.nextInt(25)];
                for (int column = 0; column < cells.length; column++) {
                    cells[column] = random.nextInt(10) == 0 ? HEADER[random.nextInt(HEADER.length)]
                            : fragments[random.nextInt(fragments.length)];
                }
                rows.add(row(number, cells));
            }
            HeaderSearch search = detector.detect(rows);
            HeaderLayout layout = search instanceof HeaderSearch.Found found ? found.layout() : layout();
            for (SheetRow row : rows) {
                assertThat(layout.classify(row)).isNotNull();
                assertThat(layout.map(row).original()).isNotNull();
            }
        }
    }

    private HeaderLayout layout() {
        return ((HeaderSearch.Found) detector.detect(underTitles(HEADER))).layout();
    }
}

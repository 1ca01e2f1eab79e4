package org.gugus.intake.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gugus.intake.mapping.SheetRows.HEADER;
import static org.gugus.intake.mapping.SheetRows.row;
import static org.gugus.intake.mapping.SheetRows.underTitles;

import java.util.ArrayList;
import java.util.List;
import org.gugus.workbook.SheetRow;
import org.junit.jupiter.api.Test;

class HeaderDetectorTests {

    private final HeaderDetector detector = new HeaderDetector(TemplateTests.TEMPLATE);

    @Test
    void findsTheHeaderUnderTitleRowsWithAliasesWrittenOddly() {
        List<SheetRow> rows = underTitles(HEADER);
        rows.add(row(5, "1", "2", "3"));

        HeaderSearch search = detector.detect(rows);

        assertThat(search).isInstanceOf(HeaderSearch.Found.class);
        HeaderLayout layout = ((HeaderSearch.Found) search).layout();
        assertThat(layout.sheet()).isEqualTo("Januari");
        assertThat(layout.headerRowNumber()).isEqualTo(4);
        assertThat(layout.column(Field.ROW_NUMBER)).contains(0);
        assertThat(layout.column(Field.CASE_NUMBER)).contains(1);
        assertThat(layout.column(Field.REPORT_DATE)).contains(2);
        assertThat(layout.column(Field.SEX)).contains(6);
        assertThat(layout.column(Field.AGE)).contains(8);
        assertThat(layout.column(Field.ORIGIN_VILLAGE)).contains(11);
        assertThat(layout.column(Field.EXPLOITATION)).contains(13);
        assertThat(layout.column(Field.NOTES)).contains(18);
        assertThat(layout.has(Field.ADDRESS)).isFalse();
        assertThat(layout.headersByColumn()).containsEntry(12, "Pekerjaan").containsEntry(3, "Tanggal Kejadian");
        assertThat(layout.fieldsByColumn()).doesNotContainKey(12);
    }

    @Test
    void findsAHeaderWithAgeButNoBirthDate() {
        HeaderSearch search = detector.detect(List.of(row(1, "Nomor Kasus", "Tanggal Pengaduan", "Nama", "JK", "Usia",
                "Daerah Asal", "Jenis TPPO")));
        assertThat(search).isInstanceOf(HeaderSearch.Found.class);
        assertThat(((HeaderSearch.Found) search).layout().headerRowNumber()).isEqualTo(1);
    }

    @Test
    void reportsMissingColumnsWithTheHeaderRowFound() {
        List<SheetRow> rows = underTitles("No", "No. Registrasi", "Tanggal Lapor", "Nama Korban", "Umur", "Alamat",
                "Keterangan");

        HeaderSearch search = detector.detect(rows);

        assertThat(search).isInstanceOf(HeaderSearch.MissingColumns.class);
        HeaderSearch.MissingColumns missing = (HeaderSearch.MissingColumns) search;
        assertThat(missing.sheet()).isEqualTo("Januari");
        assertThat(missing.rowNumber()).isEqualTo(4);
        assertThat(missing.missing()).containsExactly(Field.SEX, Field.ORIGIN_REGENCY, Field.EXPLOITATION);
        assertThat(missing.found()).contains(Field.CASE_NUMBER, Field.AGE);
        assertThat(missing.messageId()).contains("baris 4", "Jenis Kelamin", "Kabupaten/Kota Asal", "Bentuk Eksploitasi");
        assertThat(missing.messageEn()).contains("row 4", "Jenis Kelamin");
    }

    @Test
    void reportsMissingBirthDateAndAgeTogether() {
        HeaderSearch search = detector.detect(List.of(row(1, "No. Registrasi", "Tanggal Lapor", "Nama Korban", "JK",
                "Kab/Kota Asal", "Bentuk Eksploitasi")));
        assertThat(search).isInstanceOf(HeaderSearch.MissingColumns.class);
        HeaderSearch.MissingColumns missing = (HeaderSearch.MissingColumns) search;
        assertThat(missing.missing()).containsExactly(Field.BIRTH_DATE, Field.AGE);
        assertThat(missing.messageId()).contains("Tanggal Lahir", "atau", "Umur");
    }

    @Test
    void reportsNoHeaderForASheetWithoutOne() {
        List<SheetRow> rows = List.of(row(1, "REKAP KORBAN TPPO 2024"), row(2, "Bulan", "Jumlah"), row(3, "Januari", "4"),
                row(4, "Nama", "Umur"));

        HeaderSearch search = detector.detect(rows);

        assertThat(search).isInstanceOf(HeaderSearch.NotFound.class);
        HeaderSearch.NotFound notFound = (HeaderSearch.NotFound) search;
        assertThat(notFound.rowsSearched()).isEqualTo(4);
        assertThat(notFound.messageId()).contains("Januari", "tidak ada baris judul kolom");
        assertThat(detector.detect(List.of())).isInstanceOf(HeaderSearch.NotFound.class);
    }

    @Test
    void searchesOnlyTheFirstThirtyRows() {
        List<SheetRow> rows = new ArrayList<>();
        for (int number = 1; number <= 30; number++) {
            rows.add(row(number, "catatan " + number));
        }
        rows.add(row(31, HEADER));
        assertThat(detector.detect(rows)).isInstanceOf(HeaderSearch.NotFound.class);

        rows.set(29, row(30, HEADER));
        assertThat(detector.detect(rows)).isInstanceOf(HeaderSearch.Found.class);
    }

    @Test
    void findsAHeaderWrittenOnTwoRows() {
        List<SheetRow> rows = List.of(
                row(1, "DATA KORBAN TPPO"),
                row(2, "No", "No. Registrasi", "Tanggal", "", "Identitas Korban", "", "", "Kab/Kota Asal",
                        "Bentuk Eksploitasi"),
                row(3, "No", "No. Registrasi", "Lapor", "Kejadian", "Nama", "JK", "Umur", "Kab/Kota Asal",
                        "Bentuk Eksploitasi"));

        HeaderSearch search = detector.detect(rows);

        assertThat(search).isInstanceOf(HeaderSearch.Found.class);
        HeaderLayout layout = ((HeaderSearch.Found) search).layout();
        assertThat(layout.headerRowNumber()).isEqualTo(3);
        assertThat(layout.column(Field.REPORT_DATE)).contains(2);
        assertThat(layout.column(Field.INCIDENT_DATE)).contains(3);
        assertThat(layout.column(Field.VICTIM_NAME)).contains(4);
        assertThat(layout.headersByColumn()).containsEntry(2, "Tanggal Lapor");
    }

    @Test
    void keepsTheFirstColumnOfAFieldNamedTwice() {
        HeaderSearch search = detector.detect(List.of(row(1, "No. Registrasi", "Tanggal Lapor", "Nama Korban", "JK",
                "Umur", "Kab/Kota Asal", "Bentuk Eksploitasi", "Desa", "Kelurahan")));
        HeaderLayout layout = ((HeaderSearch.Found) search).layout();
        assertThat(layout.column(Field.ORIGIN_VILLAGE)).contains(7);
        assertThat(layout.fieldsByColumn()).doesNotContainKey(8);
        assertThat(layout.headersByColumn()).containsEntry(8, "Kelurahan");
    }
}

package org.gugus.intake.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.gugus.intake.FileError;
import org.gugus.intake.mapping.Field;
import org.gugus.intake.mapping.HeaderSearch;
import org.gugus.workbook.TooLargeFileException;
import org.gugus.workbook.UnreadableFileException;
import org.junit.jupiter.api.Test;

class FileErrorsTests {

    @Test
    void namesAFileWithAQuoteAsWritten() {
        FileError error = FileErrors.empty("data jum'at {1}.xlsx");

        assertThat(error.code()).isEqualTo("F_EMPTY");
        assertThat(error.messageId()).isEqualTo("Berkas 'data jum'at {1}.xlsx' kosong (0 byte). Periksa bahwa berkas "
                + "tersimpan lengkap, lalu kirim ulang.");
        assertThat(error.messageEn()).isEqualTo("File 'data jum'at {1}.xlsx' is empty (0 bytes). Check that it was "
                + "saved completely and send it again.");
    }

    @Test
    void writesLimitsAndRowNumbersUngrouped() {
        FileError tooMany = FileErrors.tooManyRows("a.csv", 2_000_000);
        FileError missing = FileErrors.missingColumns("a.csv", new HeaderSearch.MissingColumns("Januari", 1234,
                Set.of(Field.NIK), List.of(Field.REPORT_DATE, Field.SEX), "-", "-"));

        assertThat(tooMany.code()).isEqualTo("F_TOO_LARGE");
        assertThat(tooMany.messageEn()).isEqualTo("File 'a.csv' has more than 2000000 rows. Split it by month or year "
                + "and send it again.");
        assertThat(missing.code()).isEqualTo("F_MISSING_COLUMN");
        assertThat(missing.messageId()).isEqualTo("Lembar 'Januari' berkas 'a.csv': baris judul kolom ditemukan di "
                + "baris 1234 tetapi kolom wajib tidak ada: report_date, sex. Tambahkan kolom tersebut (lihat template "
                + "provinsi), lalu kirim ulang.");
    }

    @Test
    void givesWhatTheReaderSaidInEachLanguage() {
        FileError bomb = FileErrors.of("a.xlsx", new TooLargeFileException("isi terlalu besar", "content too large",
                null));
        FileError broken = FileErrors.of("a.xlsx", new UnreadableFileException("rusak", "broken"));

        assertThat(bomb.code()).isEqualTo("F_TOO_LARGE");
        assertThat(bomb.message()).isEqualTo("Berkas 'a.xlsx' ditolak: isi terlalu besar / File 'a.xlsx' was refused: "
                + "content too large");
        assertThat(broken.code()).isEqualTo("F_UNREADABLE");
        assertThat(broken.message()).isEqualTo("Berkas 'a.xlsx' tidak dapat dibaca: rusak / File 'a.xlsx' cannot be "
                + "read: broken");
    }
}

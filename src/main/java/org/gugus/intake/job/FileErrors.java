package org.gugus.intake.job;

import org.gugus.intake.FileError;

import java.util.stream.Collectors;
import org.gugus.intake.mapping.Field;
import org.gugus.intake.mapping.HeaderSearch;
import org.gugus.workbook.TooLargeFileException;
import org.gugus.workbook.UnreadableFileException;

/** The file-level errors of the template, each saying what is wrong and what the office should do. */
final class FileErrors {

    private FileErrors() {
    }

    /** F_TOO_LARGE for a decompression bomb, F_UNREADABLE for anything else the readers refuse. */
    static FileError of(String fileName, UnreadableFileException e) {
        if (e instanceof TooLargeFileException) {
            return new FileError("F_TOO_LARGE", "Berkas '" + fileName + "' ditolak: " + e.messageId(),
                    "File '" + fileName + "' was refused: " + e.messageEn());
        }
        return unreadable(fileName, e);
    }

    static FileError unreadable(String fileName, UnreadableFileException e) {
        return new FileError("F_UNREADABLE", "Berkas '" + fileName + "' tidak dapat dibaca: " + e.messageId(),
                "File '" + fileName + "' cannot be read: " + e.messageEn());
    }

    static FileError empty(String fileName) {
        return new FileError("F_EMPTY",
                "Berkas '" + fileName + "' kosong (0 byte). Periksa bahwa berkas tersimpan lengkap, lalu kirim ulang.",
                "File '" + fileName + "' is empty (0 bytes). Check that it was saved completely and send it again.");
    }

    static FileError noDataRows(String fileName) {
        return new FileError("F_EMPTY",
                "Berkas '" + fileName + "' memiliki baris judul kolom tetapi tidak ada baris data korban. Isi data di bawah judul kolom, lalu kirim ulang.",
                "File '" + fileName + "' has a header row but no victim rows. Fill in the rows under the header and send it again.");
    }

    static FileError noHeader(String fileName, int searchedRows) {
        return new FileError("F_NO_HEADER",
                "Tidak ada lembar di berkas '" + fileName + "' yang memiliki baris judul kolom template Data Korban TPPO dalam "
                        + searchedRows + " baris pertama. Gunakan template provinsi (kolom No. Registrasi, Tanggal Lapor, Nama Korban, Jenis Kelamin, Kabupaten/Kota Asal, Bentuk Eksploitasi, Tanggal Lahir atau Umur).",
                "No sheet of file '" + fileName + "' has the header row of the Data Korban TPPO template in its first "
                        + searchedRows + " rows. Use the provincial template (columns No. Registrasi, Tanggal Lapor, Nama Korban, Jenis Kelamin, Kabupaten/Kota Asal, Bentuk Eksploitasi, Tanggal Lahir or Umur).");
    }

    static FileError missingColumns(String fileName, HeaderSearch.MissingColumns missing) {
        String fields = missing.missing().stream().map(Field::key).collect(Collectors.joining(", "));
        return new FileError("F_MISSING_COLUMN",
                "Lembar '" + missing.sheet() + "' berkas '" + fileName + "': baris judul kolom ditemukan di baris "
                        + missing.rowNumber() + " tetapi kolom wajib tidak ada: " + fields
                        + ". Tambahkan kolom tersebut (lihat template provinsi), lalu kirim ulang.",
                "Sheet '" + missing.sheet() + "' of file '" + fileName + "': a header row was found at row "
                        + missing.rowNumber() + " but required columns are missing: " + fields
                        + ". Add those columns (see the provincial template) and send the file again.");
    }

    static FileError tooManyRows(String fileName, long maxRows) {
        return new FileError("F_TOO_LARGE",
                "Berkas '" + fileName + "' memiliki lebih dari " + maxRows + " baris. Bagi berkas per bulan atau per tahun, lalu kirim ulang.",
                "File '" + fileName + "' has more than " + maxRows + " rows. Split it by month or year and send it again.");
    }
}

package org.gugus.intake.mapping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gugus.workbook.CellValue;
import org.gugus.workbook.SheetRow;

/** Rows of a sheet written as text, as tests need them. */
final class SheetRows {

    static final String SHEET = "Januari";

    private SheetRows() {
    }

    static SheetRow row(int rowNumber, String... cells) {
        return new SheetRow(SHEET, rowNumber, Arrays.stream(cells).map(CellValue::text).toList());
    }

    static SheetRow cellRow(int rowNumber, CellValue... cells) {
        return new SheetRow(SHEET, rowNumber, List.of(cells));
    }

    /** Title rows, then the given header, as a sheet begins. */
    static List<SheetRow> underTitles(String... header) {
        List<SheetRow> rows = new ArrayList<>();
        rows.add(row(1, "DATA KORBAN TPPO KOTA SAMARINDA TAHUN 2024"));
        rows.add(row(2, "UPTD PPA Kota Samarinda"));
        rows.add(row(3, new String[0]));
        rows.add(row(4, header));
        return rows;
    }

    static final String[] HEADER = { "NO.", "No Reg", "tgl. lapor", "Tanggal  Kejadian", "NAMA KORBAN", "NIK", "L/P",
            "Tgl Lahir", "Umur (thn)", "Kab/Kota Asal", "Kecamatan", "Desa / Kelurahan", "Pekerjaan",
            "Bentuk_Eksploitasi", "Modus", "Negara Tujuan", "Proses Hukum", "Layanan", "Ket." };
}

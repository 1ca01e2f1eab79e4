package org.gugus.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * {@code gugus export victims}: one row per victim record, with its person id, office, case number,
 * the file (its name as it arrived), sheet and row it came from, then coded values only (sex, birth
 * year, age at report, origin regency code, exploitation codes, destination country, case stage,
 * report date). No name, no NIK. CSV or XLSX (streamed, so a million rows fit).
 */
@Component
class VictimExport {

    static final List<String> COLUMNS = List.of("person_id", "office_code", "case_number", "source_file", "source_sheet",
            "source_row", "sex", "birth_year", "age_at_report", "origin_regency_code", "exploitation",
            "destination_country", "case_stage", "report_date");

    private final WarehouseSource warehouse;

    VictimExport(WarehouseSource warehouse) {
        this.warehouse = warehouse;
    }

    /** Writes CSV; returns the rows written. */
    long csv(String office, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL);
        csv.printRecord(COLUMNS);
        long[] rows = {0};
        warehouse.victimRecords(office, record -> {
            try {
                for (Object value : values(record)) {
                    csv.print(value instanceof String text ? FormulaGuard.csv(text) : value);
                }
                csv.println();
                rows[0]++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        csv.flush();
        return rows[0];
    }

    /** Writes XLSX (sheet "Korban"); returns the rows written. */
    long xlsx(String office, OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(500)) {
            CellStyle guarded = workbook.createCellStyle();
            guarded.setQuotePrefixed(true);
            Sheet sheet = workbook.createSheet("Korban");
            Row header = sheet.createRow(0);
            for (int c = 0; c < COLUMNS.size(); c++) {
                header.createCell(c).setCellValue(COLUMNS.get(c));
            }
            long[] rows = {0};
            warehouse.victimRecords(office, record -> {
                Row row = sheet.createRow((int) ++rows[0]);
                List<Object> values = values(record);
                for (int c = 0; c < values.size(); c++) {
                    Object value = values.get(c);
                    if (value instanceof Number number) {
                        row.createCell(c).setCellValue(number.doubleValue());
                    } else if (value != null) {
                        Cell cell = row.createCell(c);
                        cell.setCellValue(value.toString());
                        if (FormulaGuard.risky(value.toString())) {
                            cell.setCellStyle(guarded);
                        }
                    }
                }
            });
            workbook.write(out);
            workbook.dispose();
            return rows[0];
        }
    }

    private static List<Object> values(VictimRecord record) {
        List<Object> values = new ArrayList<>();
        values.add(record.personId());
        values.add(record.officeCode());
        values.add(record.caseNumber());
        values.add(record.sourceFile());
        values.add(record.sourceSheet());
        values.add(record.sourceRow());
        values.add(record.sex());
        values.add(record.birthYear());
        values.add(record.ageAtReport());
        values.add(record.originRegencyCode());
        values.add(String.join(";", record.exploitation()));
        values.add(record.destinationCountry());
        values.add(record.caseStage());
        values.add(record.reportDate() == null ? null : record.reportDate().toString());
        return values;
    }
}

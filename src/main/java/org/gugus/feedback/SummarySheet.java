package org.gugus.feedback;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.gugus.intake.AnswerWorkbook;
import org.gugus.intake.FileOutcome;
import org.gugus.intake.LoadStatus;
import org.gugus.ingest.ReceivedFile;
import org.gugus.system.Message;
import org.gugus.system.Messages;
import org.gugus.warehouse.AnswerSettlement;
import org.gugus.warehouse.RowStatus;

/**
 * The {@code Ringkasan} sheet: which file this answers and when it came, its counts, its findings
 * per code with what each means and what to do, what the statuses mean, and what the office should
 * do next; for a quarantined file, its file-level error. Labels are in Indonesian and English; its
 * first cell and the file-number row are the marks that make a workbook sent back read as one
 * ({@link AnswerWorkbook}).
 */
final class SummarySheet {

    private static final DateTimeFormatter RECEIVED = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final SXSSFSheet sheet;
    private final AnswerStyles styles;
    private final ReceivedFile file;
    private final String officeName;
    private final Optional<AnswerSettlement> settlement;
    private final ZoneId zone;
    private int next;

    SummarySheet(SXSSFSheet sheet, AnswerStyles styles, ReceivedFile file, String officeName,
            Optional<AnswerSettlement> settlement, ZoneId zone) {
        this.sheet = sheet;
        this.styles = styles;
        this.file = file;
        this.officeName = officeName;
        this.settlement = settlement;
        this.zone = zone;
    }

    /** @param readable whether the office's sheets could be read and follow this one */
    void write(boolean readable) {
        sheet.setColumnWidth(0, 42 * 256);
        sheet.setColumnWidth(1, 14 * 256);
        sheet.setColumnWidth(2, 80 * 256);
        sheet.setColumnWidth(3, 80 * 256);
        FileOutcome outcome = file.outcome();
        Cell title = row().createCell(0);
        title.setCellValue(AnswerWorkbook.TITLE);
        title.setCellStyle(styles.title());
        Row number = row();
        number.createCell(0).setCellValue(AnswerWorkbook.FILE_LABEL);
        number.createCell(1).setCellValue(file.id());
        field("feedback.summary.file", file.originalName());
        field("feedback.summary.office", file.officeCode() == null ? "-" : file.officeCode() + " " + officeName);
        field("feedback.summary.received", file.receivedAt().atZoneSameInstant(zone).format(RECEIVED) + " (" + zone + ")");
        field("feedback.summary.status", Messages.get("feedback.status." + outcome.status()).both());
        next++;
        if (outcome.status() == LoadStatus.QUARANTINED) {
            quarantined(outcome, readable);
        } else {
            loaded(outcome);
        }
    }

    private void loaded(FileOutcome outcome) {
        heading("feedback.summary.counts");
        count("feedback.count.read", outcome.rowsRead());
        count("feedback.count.inserted", outcome.inserted());
        count("feedback.count.updated", outcome.updated());
        count("feedback.count.unchanged", outcome.unchanged());
        count("feedback.count.duplicates", outcome.duplicates());
        count("feedback.count.rejected", outcome.rejected());
        count("feedback.count.skipped", outcome.skipped());
        count("feedback.count.warnings", outcome.warnings());
        settlement.ifPresent(answer -> {
            next++;
            text(Messages.get("feedback.summary.answers", answer.answersFileId(), answer.corrected(), answer.stillOpen()));
        });
        next++;
        Map<String, Long> byCode = new TreeMap<>(outcome.rejectionsByCode());
        byCode.putAll(outcome.warningsByCode());
        heading("feedback.summary.findings");
        if (byCode.isEmpty()) {
            text(Messages.get("feedback.summary.no-findings"));
        } else {
            Row columns = row();
            label(columns, 0, "feedback.summary.code");
            label(columns, 1, "feedback.summary.rows");
            label(columns, 2, "feedback.summary.meaning.id");
            label(columns, 3, "feedback.summary.meaning.en");
            byCode.forEach((code, rows) -> {
                Row row = row();
                row.createCell(0).setCellValue(code);
                row.createCell(1).setCellValue(rows);
                Message meaning = FindingText.ofCode(code);
                wrapped(row.createCell(2), meaning.id());
                wrapped(row.createCell(3), meaning.en());
            });
        }
        if (!outcome.skippedSheets().isEmpty()) {
            next++;
            text(Messages.get("feedback.summary.skipped-sheets", String.join(", ", outcome.skippedSheets())));
        }
        next++;
        heading("feedback.summary.statuses");
        for (RowStatus status : RowStatus.values()) {
            Row row = row();
            Cell cell = row.createCell(0);
            cell.setCellValue(status.name());
            cell.setCellStyle(styles.status(status));
            Message meaning = Messages.get("feedback.row-status." + status);
            wrapped(row.createCell(2), meaning.id());
            wrapped(row.createCell(3), meaning.en());
        }
        next++;
        heading("feedback.summary.what-to-do");
        text(Messages.get(outcome.rejected() + outcome.warnings() == 0 ? "feedback.summary.do.nothing"
                : "feedback.summary.do.fix"));
        text(Messages.get("feedback.summary.do.send-back"));
    }

    private void quarantined(FileOutcome outcome, boolean readable) {
        heading("feedback.summary.file-error");
        Row code = row();
        code.createCell(0).setCellValue(outcome.error().code());
        wrapped(code.createCell(2), outcome.error().messageId());
        wrapped(code.createCell(3), outcome.error().messageEn());
        next++;
        heading("feedback.summary.what-to-do");
        text(Messages.get("feedback.summary.do.quarantined"));
        text(Messages.get(readable ? "feedback.summary.sheets-as-sent" : "feedback.summary.unreadable"));
    }

    private Row row() {
        return sheet.createRow(next++);
    }

    private void field(String key, String value) {
        Row row = row();
        label(row, 0, key);
        row.createCell(1).setCellValue(value);
    }

    private void count(String key, long value) {
        Row row = row();
        row.createCell(0).setCellValue(Messages.get(key).both());
        row.createCell(1).setCellValue(value);
    }

    private void heading(String key) {
        label(row(), 0, key);
    }

    private void label(Row row, int column, String key) {
        Cell cell = row.createCell(column);
        cell.setCellValue(Messages.get(key).both());
        cell.setCellStyle(styles.heading());
    }

    /** A sentence in Indonesian, and under it in English. */
    private void text(Message message) {
        row().createCell(0).setCellValue(message.id());
        row().createCell(0).setCellValue(message.en());
    }

    private static void wrapped(Cell cell, String text) {
        cell.setCellValue(text);
    }
}

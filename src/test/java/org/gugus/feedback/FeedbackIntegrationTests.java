package org.gugus.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gugus.IntegrationTest;
import org.gugus.TestWorkbooks;
import org.gugus.intake.AnswerWorkbook;
import org.gugus.intake.FileOutcome;
import org.gugus.intake.LoadStatus;
import org.gugus.ingest.FileReception;
import org.gugus.ingest.FileSource;
import org.gugus.system.GugusCommands;
import org.gugus.intake.IntakeTemplate;
import org.gugus.ingest.ReceivedFiles;
import org.gugus.warehouse.OutcomesBeforeCommit;
import org.gugus.warehouse.OutcomesWorkedOutAhead;
import org.gugus.warehouse.RowOutcome;
import org.gugus.warehouse.RowOutcomes;
import org.gugus.warehouse.RowStatus;
import org.gugus.warehouse.VictimsPublished;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest(properties = "gugus.ingest.resume-on-start=false")
class FeedbackIntegrationTests {

    private static final int NIK = 4;
    private static final int SEX = 5;
    private static final int REGENCY = 8;

    private static Path home;

    @DynamicPropertySource
    static void isolate(DynamicPropertyRegistry registry) {
        home = IntegrationTest.isolate(registry);
    }

    @Autowired
    FileReception reception;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    GugusCommands gugus;

    @Autowired
    ReceivedFiles receivedFiles;

    @Autowired
    RowOutcomes rowOutcomes;

    @Autowired
    IntakeTemplate template;

    @Autowired
    Feedback feedback;

    @Autowired
    AnswersOnPublish onPublish;

    @Autowired
    KeptRows keptRows;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher events;

    @TempDir
    Path files;

    @Test
    void marksExactlyTheCellsWithFindingsAndGivesEveryRowUnderTheHeaderItsStatus() throws IOException {
        List<List<String>> rows = TestWorkbooks.victims(5);
        rows.get(1).set(NIK, "64720112");            // row 6: rejected, E_NIK_FORMAT
        rows.get(2).set(SEX, "P");                   // row 7: a man's NIK, W_NIK_SEX on the sex column
        rows.set(3, new ArrayList<>(rows.get(4)));   // row 8: the same victim as row 9, which wins
        FileOutcome outcome = reception.receive(TestWorkbooks.xlsx(files.resolve("samarinda-juni.xlsx"), rows), "64.72",
                "samarinda-juni.xlsx", FileSource.COMMAND_LINE);
        assertThat(outcome.status()).isEqualTo(LoadStatus.LOADED);

        Path answer = outboxFile("64.72", outcome.fileId());
        try (XSSFWorkbook book = open(answer)) {
            assertThat(sheetNames(book)).containsExactly(AnswerWorkbook.SUMMARY_SHEET, "Juni");
            Sheet sheet = book.getSheet("Juni");
            int status = TestWorkbooks.HEADER.size();
            assertThat(sheet.getRow(2).getCell(status).getStringCellValue()).isEqualTo(AnswerWorkbook.STATUS_HEADER);
            assertThat(statuses(sheet, status)).containsExactly(Map.entry(4, "DILEWATI"), Map.entry(5, "DITERIMA"),
                    Map.entry(6, "DITOLAK"), Map.entry(7, "PERINGATAN"), Map.entry(8, "DUPLIKAT"),
                    Map.entry(9, "DITERIMA"), Map.entry(10, "DILEWATI"));
            assertThat(fills(sheet, status)).containsExactly(Map.entry("6:" + NIK, "RED"), Map.entry("7:" + SEX, "AMBER"));
            assertThat(comments(sheet, status)).containsOnlyKeys("6:" + NIK, "7:" + SEX);
            assertThat(comments(sheet, status).get("6:" + NIK)).contains("E_NIK_FORMAT", "64720112", "16 angka",
                    "16 digits");
            assertThat(comments(sheet, status).get("7:" + SEX)).contains("W_NIK_SEX", "(EN)");
            assertThat(sheet.getRow(4).getCell(3).getStringCellValue()).isEqualTo("Korban Nomor 1");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).startsWith("DATA KORBAN TPPO");
            assertThat(sheet.getRow(4).getCell(status + 1)).isNull();
            assertThat(sheet.getRow(5).getCell(status + 1).getStringCellValue()).contains("E_NIK_FORMAT [NIK]");
            // rows without findings are written straight, not as SXSSF rows: the dimension still spans them all
            assertThat(((XSSFSheet) sheet).getCTWorksheet().getDimension().getRef())
                    .isEqualTo("A1:" + CellReference.convertNumToColString(status + 1) + "10");

            Map<String, String> summary = summary(book);
            assertThat(summary).containsEntry(AnswerWorkbook.FILE_LABEL, String.valueOf(outcome.fileId()))
                    .containsEntry("Berkas / File", "samarinda-juni.xlsx")
                    .containsEntry("Baris data dibaca / Data rows read", "5")
                    .containsEntry("Baru dimasukkan / Inserted", "3")
                    .containsEntry("Duplikat dalam berkas / Duplicates within the file", "1")
                    .containsEntry("Ditolak / Rejected", "1")
                    .containsEntry("Dilewati (bukan baris korban) / Skipped (not victim rows)", "2")
                    .containsEntry("E_NIK_FORMAT", "1").containsEntry("W_NIK_SEX", "1");
        }
        assertThat(Files.getPosixFilePermissions(answer)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(answer.getParent())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void opensInLibreOffice() throws Exception {
        List<List<String>> rows = TestWorkbooks.victims(3);
        rows.get(0).set(NIK, "64720112");
        FileOutcome outcome = reception.receive(TestWorkbooks.xlsx(files.resolve("kukar.xlsx"), rows), "64.02",
                "kukar.xlsx", FileSource.COMMAND_LINE);
        Path answer = outboxFile("64.02", outcome.fileId());
        Path out = Files.createDirectories(files.resolve("converted"));

        Process soffice = new ProcessBuilder("soffice", "-env:UserInstallation=file://" + files.resolve("lo-profile"),
                "--headless", "--convert-to", "csv", "--outdir", out.toString(), answer.toString())
                .redirectErrorStream(true).start();
        String said = new String(soffice.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(soffice.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(soffice.exitValue()).as(said).isZero();
        Path csv = out.resolve(answer.getFileName().toString().replace(".xlsx", ".csv"));
        assertThat(Files.readString(csv)).contains(AnswerWorkbook.TITLE, "kukar.xlsx", "E_NIK_FORMAT");
    }

    @Test
    void keepsTheSheetNamesOfAMultiSheetWorkbook() throws IOException {
        Path file = files.resolve("berau-semester.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            sheet(book.createSheet("Januari"), List.of(TestWorkbooks.victim(1), TestWorkbooks.victim(2)));
            List<String> wrong = TestWorkbooks.victim(3);
            wrong.set(REGENCY, "Atlantis");
            sheet(book.createSheet("Februari 2024"), List.of(wrong));
            book.createSheet("Rekap").createRow(0).createCell(0).setCellValue("Jumlah korban: 3");
            try (OutputStream out = Files.newOutputStream(file)) {
                book.write(out);
            }
        }
        FileOutcome outcome = reception.receive(file, "64.03", "berau-semester.xlsx", FileSource.COMMAND_LINE);

        try (XSSFWorkbook book = open(outboxFile("64.03", outcome.fileId()))) {
            assertThat(sheetNames(book)).containsExactly("Ringkasan", "Januari", "Februari 2024", "Rekap");
            int status = TestWorkbooks.HEADER.size();
            assertThat(statuses(book.getSheet("Januari"), status)).containsExactly(Map.entry(2, "DITERIMA"),
                    Map.entry(3, "DITERIMA"));
            assertThat(statuses(book.getSheet("Februari 2024"), status)).containsExactly(Map.entry(2, "DITOLAK"));
            assertThat(fills(book.getSheet("Februari 2024"), status)).containsExactly(Map.entry("2:" + REGENCY, "RED"));
            assertThat(book.getSheet("Rekap").getRow(0).getCell(0).getStringCellValue()).isEqualTo("Jumlah korban: 3");
            assertThat(book.getSheet("Rekap").getRow(0).getLastCellNum()).isEqualTo((short) 1);
        }
    }

    @Test
    void namesTheFileErrorOfAQuarantinedFileAndKeepsItsSheetsAsSent() throws IOException {
        FileOutcome outcome = quarantined("64.01", "paser-tanpa-nik.csv");

        try (XSSFWorkbook book = open(outboxFile("64.01", outcome.fileId()))) {
            assertThat(sheetNames(book)).containsExactly("Ringkasan", "paser-tanpa-nik");
            Map<String, String> summary = summary(book);
            assertThat(summary).containsKey(outcome.error().code())
                    .containsEntry("Status / Status", "DIKARANTINA (tidak dimuat) / QUARANTINED (not loaded)");
            assertThat(summaryText(book)).contains(outcome.error().messageId(), outcome.error().messageEn());
            Sheet sent = book.getSheet("paser-tanpa-nik");
            assertThat(sent.getRow(1).getCell(1).getStringCellValue()).isEqualTo("Korban Satu");
            assertThat(sent.getRow(0).getLastCellNum()).isEqualTo((short) 3);
        }
    }

    @Test
    void aFixedAnswerSentBackCorrectsTheRowsItFixesAndDuplicatesNothing() throws IOException {
        List<List<String>> rows = TestWorkbooks.victims(5);
        rows.get(1).set(NIK, "64720112");
        rows.get(3).set(REGENCY, "Atlantis");
        FileOutcome first = reception.receive(TestWorkbooks.csv(files.resolve("kubar-06.csv"), rows), "64.07",
                "kubar-06.csv", FileSource.COMMAND_LINE);
        assertThat(first.rejected()).isEqualTo(2);

        Path fixed = files.resolve("kubar-06-diperbaiki.xlsx");
        try (XSSFWorkbook book = open(outboxFile("64.07", first.fileId()))) {
            // the office fixes the NIK of row 3 and leaves row 5's regency wrong
            // (as Excel saves an edited cell: POI alone would keep the old inline string beside the new value)
            Cell nik = book.getSheet("kubar-06").getRow(2).getCell(NIK);
            nik.setBlank();
            nik.setCellValue(TestWorkbooks.victim(2).get(NIK));
            try (OutputStream out = Files.newOutputStream(fixed)) {
                book.write(out);
            }
        }
        FileOutcome answer = reception.receive(fixed, "64.07", "kubar-06-diperbaiki.xlsx", FileSource.DROP_FOLDER);

        assertThat(answer.status()).isEqualTo(LoadStatus.LOADED);
        assertThat(answer.rowsRead()).isEqualTo(5);
        assertThat(answer.inserted()).isEqualTo(1);
        assertThat(answer.unchanged()).isEqualTo(3);
        assertThat(answer.updated()).isZero();
        assertThat(answer.rejected()).isEqualTo(1);
        assertThat(answer.skippedSheets()).isEmpty();
        assertThat(jdbc.sql("select count(*) from warehouse.victim where office_code = '64.07'").query(Long.class).single())
                .isEqualTo(4);
        List<Map<String, Object>> rejections = jdbc.sql("""
                select file_id, row_number, status, corrected_by_file_id from warehouse.rejected_row
                 where office_code = '64.07' order by row_number
                """).query().listOfRows();
        assertThat(rejections).hasSize(2);
        assertThat(rejections.get(0)).containsEntry("file_id", first.fileId()).containsEntry("row_number", 3)
                .containsEntry("status", "CORRECTED").containsEntry("corrected_by_file_id", answer.fileId());
        assertThat(rejections.get(1)).containsEntry("file_id", first.fileId()).containsEntry("row_number", 5)
                .containsEntry("status", "OPEN").containsEntry("corrected_by_file_id", null);

        try (XSSFWorkbook book = open(outboxFile("64.07", answer.fileId()))) {
            assertThat(sheetNames(book)).containsExactly("Ringkasan", "kubar-06");
            assertThat(statuses(book.getSheet("kubar-06"), TestWorkbooks.HEADER.size()).values())
                    .containsExactly("DITERIMA", "DITERIMA", "DITERIMA", "DITOLAK", "DITERIMA");
            assertThat(book.getSheet("kubar-06").getRow(0).getLastCellNum())
                    .isEqualTo((short) (TestWorkbooks.HEADER.size() + 2));
            assertThat(summaryText(book)).contains("#" + first.fileId() + ": 1", "1 rows");
        }
    }

    @Test
    void finishesALoadedFilesAnswerFromSheetsCopiedBeforeOrOnItsPublishAsTheWholeAnswerWouldBe() throws IOException {
        List<List<String>> rows = TestWorkbooks.victims(6);
        rows.get(1).set(NIK, "64720112");            // rejected
        rows.get(2).set(SEX, "P");                   // flagged
        rows.set(3, new ArrayList<>(rows.get(4)));   // a duplicate
        long taken = onPublish.taken();
        long copiedBeforeCommit = onPublish.copiedBeforeCommit();
        long keptTaken = keptRows.taken();

        FileOutcome first = reception.receive(TestWorkbooks.xlsx(files.resolve("paser-juli.xlsx"), rows), "64.01",
                "paser-juli.xlsx", FileSource.COMMAND_LINE);

        assertThat(first.status()).isEqualTo(LoadStatus.LOADED);
        assertThat(onPublish.taken()).as("answers finished from sheets copied on their publish").isEqualTo(taken + 1);
        assertThat(onPublish.copiedBeforeCommit()).as("the office's first delivery, copied before its commit")
                .isEqualTo(copiedBeforeCommit + 1);
        assertThat(keptRows.taken()).as("sheets copied from the rows the stage read").isEqualTo(keptTaken + 1);
        assertDeliveredAsWritten("64.01", first.fileId());

        rows.get(5).set(TestWorkbooks.HEADER.size() - 1, "diperbarui");   // a note changed in the office's next file
        FileOutcome next = reception.receive(TestWorkbooks.xlsx(files.resolve("paser-agustus.xlsx"), rows), "64.01",
                "paser-agustus.xlsx", FileSource.COMMAND_LINE);

        assertThat(next.status()).isEqualTo(LoadStatus.LOADED);
        assertThat(onPublish.taken()).isEqualTo(taken + 2);
        assertThat(onPublish.copiedBeforeCommit()).as("a later delivery, copied on its commit")
                .isEqualTo(copiedBeforeCommit + 1);
        assertDeliveredAsWritten("64.01", next.fileId());
    }

    @Test
    void copiesALoadedFilesSheetsFromTheRowsItsStageReadAsFromItsOriginal() throws IOException {
        List<List<String>> rows = TestWorkbooks.victims(6);
        rows.get(1).set(NIK, "64720112");            // rejected
        rows.get(2).set(SEX, "P");                   // flagged
        Path file = TestWorkbooks.xlsx(files.resolve("berau-agustus.xlsx"), rows);
        // a second sheet of every kind of cell, and a date, a number and a blank among the data rows
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(file))) {
            Sheet data = book.getSheetAt(0);
            var dates = book.createCellStyle();
            dates.setDataFormat(book.createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
            Cell date = data.getRow(5).getCell(1);
            date.setCellValue(LocalDateTime.of(2024, 8, 3, 14, 30));
            date.setCellStyle(dates);
            data.getRow(6).getCell(2).setCellValue(1234.5);
            data.getRow(7).getCell(2).setBlank();
            Sheet notes = book.createSheet("Catatan Ünïcode");
            Row first = notes.createRow(1);
            first.createCell(0).setCellValue("Diperiksa oleh Déwi 😀 <&> _x0041_");
            first.createCell(2).setCellValue(true);
            first.createCell(3).setCellValue(-0.125);
            first.createCell(4).setCellFormula("1+1");
            Row second = notes.createRow(4);
            Cell when = second.createCell(1);
            when.setCellValue(LocalDate.of(2024, 8, 31));
            when.setCellStyle(dates);
            second.createCell(5).setCellValue("  spasi  ");
            try (OutputStream out = Files.newOutputStream(file)) {
                book.write(out);
            }
        }
        long keptTaken = keptRows.taken();

        FileOutcome outcome = reception.receive(file, "64.03", "berau-agustus.xlsx", FileSource.COMMAND_LINE);

        assertThat(outcome.status()).isEqualTo(LoadStatus.LOADED);
        assertThat(keptRows.taken()).as("sheets copied from the rows the stage read").isEqualTo(keptTaken + 1);
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        feedback.write(receivedFiles.find(outcome.fileId()).orElseThrow(), whole);
        Map<String, String> expected = entries(new ByteArrayInputStream(whole.toByteArray()));
        assertThat(expected).containsKeys("xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml");
        assertThat(expected.get("xl/worksheets/sheet3.xml")).contains("Déwi 😀", "<v>-0.125</v>", "t=\"b\"");
        try (InputStream delivered = Files.newInputStream(outboxFile("64.03", outcome.fileId()))) {
            assertThat(entries(delivered)).isEqualTo(expected);
        }
    }

    @Test
    void anAnswerToAQuarantinedFileCopiedBeforeItsCommitIsFinishedWithItsSettlement() throws IOException {
        FileOutcome quarantined = quarantined("64.11", "mahulu-tanpa-nik.csv");
        Path fixed = files.resolve("mahulu-diperbaiki.xlsx");
        try (XSSFWorkbook book = open(outboxFile("64.11", quarantined.fileId()))) {
            // the office writes its rows again under the template's header, in the answer it was sent
            book.removeSheetAt(book.getSheetIndex("mahulu-tanpa-nik"));
            sheet(book.createSheet("mahulu-tanpa-nik"), TestWorkbooks.victims(2));
            try (OutputStream out = Files.newOutputStream(fixed)) {
                book.write(out);
            }
        }
        long copiedBeforeCommit = onPublish.copiedBeforeCommit();

        FileOutcome answer = reception.receive(fixed, "64.11", "mahulu-diperbaiki.xlsx", FileSource.DROP_FOLDER);

        assertThat(answer.status()).isEqualTo(LoadStatus.LOADED);
        assertThat(answer.inserted()).isEqualTo(2);
        assertThat(onPublish.copiedBeforeCommit()).as("the office's first delivery, copied before its commit")
                .isEqualTo(copiedBeforeCommit + 1);
        assertDeliveredAsWritten("64.11", answer.fileId());
        try (XSSFWorkbook book = open(outboxFile("64.11", answer.fileId()))) {
            assertThat(summaryText(book)).contains("#" + quarantined.fileId() + ": 0");
        }
    }

    @Test
    void aCopyBegunBeforeAPublishThatRolledBackIsNotTheAnswerOfItsNextCommit() throws Exception {
        Path file = TestWorkbooks.xlsx(files.resolve("bontang.xlsx"), TestWorkbooks.victims(3));
        FileOutcome outcome = reception.receive(file, "64.74", "bontang.xlsx", FileSource.COMMAND_LINE);
        assertThat(outcome.status()).isEqualTo(LoadStatus.LOADED);
        long fileId = outcome.fileId();
        // outcomes no publish kept: every row rejected
        List<RowOutcome> rejectedRows = rowOutcomes.page(fileId, 0, 100).stream()
                .map(row -> new RowOutcome(row.ordinal(), row.sheet(), row.rowNumber(), RowStatus.DITOLAK, List.of()))
                .toList();
        OutcomesBeforeCommit neverKept = new OutcomesBeforeCommit(rejectedRows, List.of());
        CompletableFuture<Optional<OutcomesBeforeCommit>> worked = new CompletableFuture<>();
        transactions.executeWithoutResult(status -> {
            events.publishEvent(new OutcomesWorkedOutAhead(fileId, worked));
            status.setRollbackOnly();
        });
        worked.complete(Optional.of(neverKept));
        long copiedBeforeCommit = onPublish.copiedBeforeCommit();

        onPublish.start(VictimsPublished.ofFile(fileId, "64.74"));
        Optional<AnswerBook> copied = onPublish.take(fileId);

        assertThat(copied).isPresent();
        assertThat(onPublish.copiedBeforeCommit()).isEqualTo(copiedBeforeCommit);
        ByteArrayOutputStream finished = new ByteArrayOutputStream();
        try (AnswerBook book = copied.get()) {
            book.finish(receivedFiles.find(fileId).orElseThrow(), finished);
        }
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        feedback.write(receivedFiles.find(fileId).orElseThrow(), whole);
        assertThat(entries(new ByteArrayInputStream(finished.toByteArray())))
                .isEqualTo(entries(new ByteArrayInputStream(whole.toByteArray())));
    }

    /** A CSV without the template's columns, received and quarantined. */
    private FileOutcome quarantined(String office, String name) throws IOException {
        Path file = files.resolve(name);
        Files.writeString(file, "Nomor;Nama Korban;Keterangan\n1;Korban Satu;-\n");
        FileOutcome outcome = reception.receive(file, office, name, FileSource.COMMAND_LINE);
        assertThat(outcome.status()).isEqualTo(LoadStatus.QUARANTINED);
        return outcome;
    }

    /** The answer delivered to the office's outbox is the one written whole from what the load kept. */
    private void assertDeliveredAsWritten(String office, long fileId) throws IOException {
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        feedback.write(receivedFiles.find(fileId).orElseThrow(), whole);
        Map<String, String> expected = entries(new ByteArrayInputStream(whole.toByteArray()));
        try (InputStream delivered = Files.newInputStream(outboxFile(office, fileId))) {
            assertThat(entries(delivered)).isEqualTo(expected);
        }
    }

    /** A workbook's entries and their contents, but its creation time ({@code docProps/core.xml}). */
    private static Map<String, String> entries(InputStream workbook) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (var zip = new ZipInputStream(workbook)) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (!entry.getName().equals("docProps/core.xml")) {
                    entries.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return entries;
    }

    @Test
    void writesTheAnswerOnRequestAndSaysWhenAFileHasNone() throws IOException {
        FileOutcome outcome = reception.receive(TestWorkbooks.csv(files.resolve("ppu.csv"), TestWorkbooks.victims(2)),
                "64.09", "ppu.csv", FileSource.COMMAND_LINE);
        Path target = files.resolve("out/ppu-hasil.xlsx");

        Command written = run("feedback", String.valueOf(outcome.fileId()), "--out", target.toString());
        Command unknown = run("feedback", "999999");

        assertThat(written.status).as(written.err).isZero();
        try (XSSFWorkbook book = open(target)) {
            assertThat(sheetNames(book)).containsExactly("Ringkasan", "ppu");
        }
        assertThat(jdbc.sql("select count(*) from access.audit_event where action = 'READ' and target = ?")
                .param("gugus feedback " + outcome.fileId()).query(Long.class).single()).isEqualTo(1);
        assertThat(unknown.status).isEqualTo(1);
        assertThat(unknown.err).contains("Tidak ada berkas #999999");
    }

    @Test
    void goesOnInANewSheetWithTheHeaderRepeatedWhereASheetIsFull() throws IOException {
        List<List<String>> rows = TestWorkbooks.victims(8);
        rows.get(4).set(NIK, "64720112");            // row 9: rejected, row 4 of the second part
        FileOutcome outcome = reception.receive(TestWorkbooks.xlsx(files.resolve("samarinda-panjang.xlsx"), rows),
                "64.72", "samarinda-panjang.xlsx", FileSource.COMMAND_LINE);
        assertThat(outcome.status()).isEqualTo(LoadStatus.LOADED);
        long id = outcome.fileId();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new AnswerBook(receivedFiles.find(id).orElseThrow(), "Samarinda", () -> rowOutcomes.answer(id), template,
                (after, limit) -> rowOutcomes.kept(id, after, limit), ZoneId.of("Asia/Makassar"), 1000, 6).write(bytes);

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(sheetNames(book)).containsExactly(AnswerWorkbook.SUMMARY_SHEET, "Juni", "Juni (2)", "Juni (3)");
            int status = TestWorkbooks.HEADER.size();
            assertThat(statuses(book.getSheet("Juni"), status)).containsExactly(Map.entry(4, "DILEWATI"),
                    Map.entry(5, "DITERIMA"), Map.entry(6, "DITERIMA"));
            XSSFSheet second = book.getSheet("Juni (2)");
            assertThat(second.getRow(0).getCell(0).getStringCellValue()).isEqualTo(TestWorkbooks.HEADER.get(0));
            assertThat(second.getRow(0).getCell(status).getStringCellValue()).isEqualTo(AnswerWorkbook.STATUS_HEADER);
            assertThat(statuses(second, status)).containsExactly(Map.entry(2, "DITERIMA"), Map.entry(3, "DITERIMA"),
                    Map.entry(4, "DITOLAK"), Map.entry(5, "DITERIMA"), Map.entry(6, "DITERIMA"));
            assertThat(fills(second, status)).containsExactly(Map.entry("4:" + NIK, "RED"));
            assertThat(comments(second, status)).containsOnlyKeys("4:" + NIK);
            assertThat(second.getRow(3).getCell(3).getStringCellValue()).isEqualTo(rows.get(4).get(3));
            assertThat(second.getCTWorksheet().getAutoFilter().getRef()).startsWith("A1:");
            Sheet third = book.getSheet("Juni (3)");
            assertThat(statuses(third, status)).containsExactly(Map.entry(2, "DITERIMA"), Map.entry(3, "DILEWATI"));
        }
    }

    private static void sheet(Sheet sheet, List<List<String>> rows) {
        write(sheet.createRow(0), TestWorkbooks.HEADER);
        for (int i = 0; i < rows.size(); i++) {
            write(sheet.createRow(i + 1), rows.get(i));
        }
    }

    private static void write(Row row, List<String> values) {
        for (int c = 0; c < values.size(); c++) {
            if (!values.get(c).isEmpty()) {
                row.createCell(c).setCellValue(values.get(c));
            }
        }
    }

    static Path outboxFile(String office, long fileId) throws IOException {
        try (var listed = Files.list(home.resolve("outbox").resolve(office))) {
            return listed.filter(file -> file.getFileName().toString().startsWith(fileId + "-")).findFirst()
                    .orElseThrow(() -> new AssertionError("no answer of file #" + fileId + " in the outbox of " + office));
        }
    }

    static XSSFWorkbook open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    static List<String> sheetNames(XSSFWorkbook book) {
        List<String> names = new ArrayList<>();
        book.forEach(sheet -> names.add(sheet.getSheetName()));
        return names;
    }

    /** Status by 1-based row number, for the rows that have one. */
    static Map<Integer, String> statuses(Sheet sheet, int column) {
        Map<Integer, String> statuses = new TreeMap<>();
        for (Row row : sheet) {
            Cell cell = row.getCell(column);
            if (cell != null && !cell.getStringCellValue().equals(AnswerWorkbook.STATUS_HEADER)) {
                statuses.put(row.getRowNum() + 1, cell.getStringCellValue());
            }
        }
        return statuses;
    }

    /** RED or AMBER by "row:column" (1-based row, 0-based column), for the office's cells that are filled. */
    static Map<String, String> fills(Sheet sheet, int statusColumn) {
        Map<String, String> fills = new TreeMap<>();
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getColumnIndex() >= statusColumn) {
                    continue;
                }
                XSSFCellStyle style = (XSSFCellStyle) cell.getCellStyle();
                XSSFColor color = style.getFillForegroundXSSFColor();
                if (style.getFillPattern() == FillPatternType.SOLID_FOREGROUND && color != null) {
                    String name = Arrays.equals(color.getRGB(), AnswerStyles.RED) ? "RED"
                            : Arrays.equals(color.getRGB(), AnswerStyles.AMBER) ? "AMBER" : "OTHER";
                    fills.put((row.getRowNum() + 1) + ":" + cell.getColumnIndex(), name);
                }
            }
        }
        return fills;
    }

    static Map<String, String> comments(Sheet sheet, int statusColumn) {
        Map<String, String> comments = new TreeMap<>();
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getColumnIndex() < statusColumn && cell.getCellComment() != null) {
                    comments.put((row.getRowNum() + 1) + ":" + cell.getColumnIndex(),
                            cell.getCellComment().getString().getString());
                }
            }
        }
        return comments;
    }

    /** Every text of the summary sheet, row by row. */
    static String summaryText(XSSFWorkbook book) {
        StringBuilder text = new StringBuilder();
        for (Row row : book.getSheet(AnswerWorkbook.SUMMARY_SHEET)) {
            for (Cell cell : row) {
                text.append(cell.getCellType() == CellType.NUMERIC
                        ? String.valueOf((long) cell.getNumericCellValue()) : cell.getStringCellValue()).append('\t');
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** The summary sheet as first cell to second cell (numbers as whole numbers). */
    static Map<String, String> summary(XSSFWorkbook book) {
        Map<String, String> summary = new LinkedHashMap<>();
        for (Row row : book.getSheet(AnswerWorkbook.SUMMARY_SHEET)) {
            Cell first = row.getCell(0);
            if (first == null) {
                continue;
            }
            Cell second = row.getCell(1);
            String value = second == null ? "" : switch (second.getCellType()) {
                case NUMERIC -> String.valueOf((long) second.getNumericCellValue());
                default -> second.getStringCellValue();
            };
            summary.put(first.getStringCellValue(), value);
        }
        return summary;
    }

    private Command run(String... arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = gugus.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), arguments);
        return new Command(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Command(int status, String out, String err) {
    }
}

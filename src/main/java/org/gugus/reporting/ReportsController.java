package org.gugus.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gugus.system.Messages;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The national indicators over REST, as {@code gugus report} gives them:
 * {@code GET /api/reports/indicators?from=2024-01-01&to=2024-12-31&office=64.72&suppression=false}
 * as JSON, and the same as {@code /api/reports/indicators.xlsx} or {@code .csv} (or {@code ?format=}).
 * Suppression is on unless a provincial role turns it off; for a COORDINATOR it is always on.
 * {@code GET /api/reports/indicators/persons?indicator=by_exploitation&code=SEKSUAL&from=...} lists
 * the person ids behind a cell, for provincial roles (the security configuration says which).
 */
@RestController
@RequestMapping("/api/reports")
class ReportsController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final NationalReports reports;

    ReportsController(NationalReports reports) {
        this.reports = reports;
    }

    @GetMapping("/indicators")
    ResponseEntity<?> indicators(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String office, @RequestParam(defaultValue = "true") boolean suppression,
            @RequestParam(defaultValue = "json") String format) throws IOException {
        NationalReport report = reports.report(ReportQuery.of(from, to, office), !suppression);
        return switch (format.strip().toLowerCase(Locale.ROOT)) {
            case "json" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report.json());
            case "xlsx" -> xlsx(report);
            case "csv" -> csv(report);
            default -> throw new IllegalArgumentException(Messages.get("reporting.format.unknown", format).both());
        };
    }

    @GetMapping("/indicators.xlsx")
    ResponseEntity<?> workbook(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String office, @RequestParam(defaultValue = "true") boolean suppression)
            throws IOException {
        return xlsx(reports.report(ReportQuery.of(from, to, office), !suppression));
    }

    @GetMapping("/indicators.csv")
    ResponseEntity<?> table(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String office, @RequestParam(defaultValue = "true") boolean suppression)
            throws IOException {
        return csv(reports.report(ReportQuery.of(from, to, office), !suppression));
    }

    @GetMapping("/indicators/persons")
    Map<String, Object> persons(@RequestParam(required = false) String indicator, @RequestParam(required = false) String code,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String office) {
        List<Long> persons = reports.persons(ReportQuery.of(from, to, office), indicator, code);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("indicator", indicator);
        body.put("code", code);
        body.put("from", from);
        body.put("to", to);
        body.put("office", office);
        body.put("count", persons.size());
        body.put("person_ids", persons);
        return body;
    }

    private static ResponseEntity<byte[]> xlsx(NationalReport report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportWorkbook.write(report, out);
        return file(out.toByteArray(), XLSX, "laporan-tppo.xlsx");
    }

    private static ResponseEntity<byte[]> csv(NationalReport report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportCsv.write(report, out);
        return file(out.toByteArray(), new MediaType("text", "csv", StandardCharsets.UTF_8), "laporan-tppo.csv");
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }
}

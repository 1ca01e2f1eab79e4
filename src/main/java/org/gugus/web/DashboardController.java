package org.gugus.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.gugus.access.CurrentUser;
import org.gugus.reference.RegencyOffice;
import org.gugus.reference.RegencyOffices;
import org.gugus.reporting.Dashboard;
import org.gugus.reporting.DashboardReports;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * Dasbor: the national indicators for coordinators (and the other roles the report API allows),
 * for a period and an office, as charts drawn in the browser from the data in the page, each with
 * its table, and as the XLSX and CSV of the API. Small cells are always suppressed; the page holds
 * counts and labels only, never a name or a NIK.
 */
@Controller
@RequestMapping("/dasbor")
class DashboardController {

    /** The charts, in the order of the page: the indicator and how it is drawn. */
    static final Map<String, String> CHARTS = chartTypes();

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final DashboardReports reports;
    private final CurrentUser user;
    private final JsonMapper json;

    DashboardController(DashboardReports reports, CurrentUser user, JsonMapper json) {
        this.reports = reports;
        this.user = user;
        this.json = json;
    }

    @GetMapping
    String dashboard(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String office, Locale locale, Model model) {
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("office", user.officeScope().orElse(office == null || office.isBlank() ? null : office));
        model.addAttribute("offices", user.officeScope().map(scope -> RegencyOffices.byCode(scope).map(List::of)
                .orElse(List.<RegencyOffice>of())).orElse(RegencyOffices.all()));
        model.addAttribute("officeFixed", user.officeScope().isPresent());
        Dashboard dashboard;
        try {
            dashboard = reports.dashboard(from, to, office);
        } catch (IllegalArgumentException e) {
            model.addAttribute("problem", e.getMessage());
            return "dasbor";
        }
        boolean english = "en".equals(locale.getLanguage());
        List<DashboardChart> charts = CHARTS.entrySet().stream()
                .map(chart -> DashboardChart.of(dashboard.breakdown(chart.getKey()), chart.getValue(), english)).toList();
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("charts", charts);
        model.addAttribute("chartData", safeJson(Map.of("charts", charts)));
        return "dasbor";
    }

    @GetMapping("/unduh.xlsx")
    ResponseEntity<byte[]> workbook(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String office) {
        return file(reports.workbook(from, to, office), XLSX, "laporan-tppo.xlsx");
    }

    @GetMapping("/unduh.csv")
    ResponseEntity<byte[]> table(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String office) {
        return file(reports.table(from, to, office), new MediaType("text", "csv", StandardCharsets.UTF_8),
                "laporan-tppo.csv");
    }

    @ExceptionHandler(NoSuchElementException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(NoSuchElementException e, Model model) {
        model.addAttribute("problem", e.getMessage());
        return "tidak-ditemukan";
    }

    /** A download's error (a date that cannot be read) as a page in the user's words, not a stack. */
    @ExceptionHandler(IllegalArgumentException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badRequest(IllegalArgumentException e, Model model) {
        model.addAttribute("problem", e.getMessage());
        return "tidak-ditemukan";
    }

    /** JSON to sit in a {@code <script type="application/json">}: nothing in it can end the element. */
    private String safeJson(Object value) {
        return json.writeValueAsString(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }

    private static Map<String, String> chartTypes() {
        Map<String, String> charts = new LinkedHashMap<>();
        charts.put("by_month", "line");
        charts.put("by_exploitation", "bar");
        charts.put("by_destination_country", "bar");
        charts.put("by_origin_regency", "bar");
        charts.put("by_sex", "bar");
        charts.put("by_age_group", "bar");
        return charts;
    }
}

package org.gugus.reporting;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.gugus.system.GugusCommand;
import org.gugus.system.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code gugus report [--json | --format json|csv|xlsx --out FILE] [--from] [--to] [--office]
 * [--no-suppression]}: the national indicators of a period. JSON goes to standard output unless
 * {@code --out} names a file; CSV and XLSX need {@code --out}. Exit 0, 1 when the query is wrong or
 * the file cannot be written, 64 for a format without a file.
 */
@Command(name = "report", mixinStandardHelpOptions = true)
class ReportCommand implements GugusCommand {

    @Option(names = "--json", descriptionKey = "reporting.json")
    private boolean json;

    @Option(names = "--format", paramLabel = "FORMAT", descriptionKey = "reporting.format")
    private String format;

    @Option(names = "--out", paramLabel = "FILE", descriptionKey = "reporting.out")
    private Path out;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", descriptionKey = "reporting.from")
    private String from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", descriptionKey = "reporting.to")
    private String to;

    @Option(names = {"--office", "--regency"}, paramLabel = "CODE", descriptionKey = "reporting.office")
    private String office;

    @Option(names = "--no-suppression", descriptionKey = "reporting.no-suppression")
    private boolean noSuppression;

    @Option(names = "--indicator", paramLabel = "KEY", descriptionKey = "reporting.indicator")
    private String indicator;

    @Option(names = "--rebuild", descriptionKey = "reporting.rebuild")
    private boolean rebuild;

    private final NationalReports reports;
    private final ReportingRefresh refresh;
    private final JsonMapper mapper;

    ReportCommand(NationalReports reports, ReportingRefresh refresh, JsonMapper mapper) {
        this.reports = reports;
        this.refresh = refresh;
        this.mapper = mapper;
    }

    @Override
    public int run(PrintStream stdout, PrintStream err) throws Exception {
        String chosen = format != null ? format.strip().toLowerCase(Locale.ROOT) : "json";
        if (!chosen.equals("json") && !chosen.equals("csv") && !chosen.equals("xlsx")) {
            err.println(Messages.get("reporting.format.unknown", format).both());
            return 64;
        }
        if (!chosen.equals("json") && out == null) {
            err.println(Messages.get("reporting.out.missing", chosen).both());
            return 64;
        }
        if (rebuild) {
            ReportingRefresh.Counts counts = refresh.rebuild();
            err.println(Messages.get("reporting.refreshed", counts.reports(), counts.persons()).both());
        }
        if (indicator != null) {
            return oneIndicator(stdout, err);
        }
        NationalReport report;
        try {
            report = reports.report(ReportQuery.of(from, to, office), noSuppression);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 1;
        }
        if (out == null) {
            stdout.println(mapper.writeValueAsString(report.json()));
            return 0;
        }
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path partial = Files.createTempFile(parent, ".report-", ".part");
        try (OutputStream file = Files.newOutputStream(partial)) {
            switch (chosen) {
                case "csv" -> ReportCsv.write(report, file);
                case "xlsx" -> ReportWorkbook.write(report, file);
                default -> file.write(mapper.writeValueAsBytes(report.json()));
            }
        } catch (Exception e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        err.println(Messages.get("reporting.written", out).both());
        return 0;
    }

    /** {@code --indicator KEY}: that indicator's cells only, as JSON (suppressed as in the whole report). */
    private int oneIndicator(PrintStream stdout, PrintStream err) throws Exception {
        try {
            Indicator chosen = Indicator.of(indicator).orElseThrow(() -> new IllegalArgumentException(
                    Messages.get("reporting.indicator.unknown", indicator, Arrays.stream(Indicator.values())
                            .map(Indicator::key).collect(Collectors.joining(", "))).both()));
            ReportQuery query = ReportQuery.of(from, to, office);
            Map<String, Object> cells = reports.cells(query, chosen, noSuppression);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("from", query.from() == null ? null : query.from().toString());
            json.put("to", query.to() == null ? null : query.to().toString());
            json.put("office", query.office());
            json.put(chosen.key(), chosen.shape() == Indicator.Shape.TOTAL ? cells.getOrDefault("", 0L) : cells);
            stdout.println(mapper.writeValueAsString(json));
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 1;
        }
    }
}

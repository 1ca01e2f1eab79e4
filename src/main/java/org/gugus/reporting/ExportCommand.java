package org.gugus.reporting;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.gugus.system.GugusCommand;
import org.gugus.system.Messages;
import org.springframework.beans.factory.annotation.Value;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gugus export victims|ctdc}: record-level files without names or NIKs. {@code victims}: one
 * row per victim record with its person id and lineage (CSV or XLSX, of one office or all);
 * {@code ctdc}: one anonymised row per person, k-anonymous on the quasi-identifiers. Files are
 * written whole or not at all.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        subcommands = {ExportCommand.Victims.class, ExportCommand.Ctdc.class})
class ExportCommand {

    @Command(name = "victims", mixinStandardHelpOptions = true)
    static class Victims implements GugusCommand {

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv", descriptionKey = "reporting.export.format")
        private String format;

        @Option(names = "--out", paramLabel = "FILE", required = true, descriptionKey = "reporting.out")
        private Path out;

        @Option(names = {"--office", "--regency"}, paramLabel = "CODE", descriptionKey = "reporting.export.office")
        private String office;

        private final VictimExport export;

        Victims(VictimExport export) {
            this.export = export;
        }

        @Override
        public int run(PrintStream stdout, PrintStream err) throws Exception {
            String chosen = format.strip().toLowerCase(Locale.ROOT);
            if (!chosen.equals("csv") && !chosen.equals("xlsx")) {
                err.println(Messages.get("reporting.format.unknown", format).both());
                return 64;
            }
            String code;
            try {
                code = office == null ? null : new ReportQuery(null, null, office).office();
            } catch (IllegalArgumentException e) {
                err.println(e.getMessage());
                return 1;
            }
            long[] rows = {0};
            write(out, file -> rows[0] = chosen.equals("csv") ? export.csv(code, file) : export.xlsx(code, file));
            err.println(Messages.get("reporting.export.written", rows[0], out).both());
            return 0;
        }
    }

    @Command(name = "ctdc", mixinStandardHelpOptions = true)
    static class Ctdc implements GugusCommand {

        @Option(names = "--out", paramLabel = "FILE", required = true, descriptionKey = "reporting.out")
        private Path out;

        private final CtdcExport export;
        private final int k;

        Ctdc(CtdcExport export, @Value("${gugus.reporting.ctdc-k:11}") int k) {
            this.export = export;
            this.k = k;
        }

        @Override
        public int run(PrintStream stdout, PrintStream err) throws Exception {
            CtdcExport.Outcome[] outcome = new CtdcExport.Outcome[1];
            write(out, file -> outcome[0] = export.csv(k, file));
            err.println(Messages.get("reporting.export.ctdc.written", outcome[0].written(), out, outcome[0].suppressed(), k)
                    .both());
            return 0;
        }
    }

    interface Body {
        void write(OutputStream out) throws Exception;
    }

    /** Writes beside the target and moves it in place once whole. */
    static void write(Path target, Body body) throws Exception {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path partial = Files.createTempFile(parent, ".export-", ".part");
        try (OutputStream file = Files.newOutputStream(partial)) {
            body.write(file);
        } catch (Exception e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}

package org.gugus.ingest;

import java.io.PrintStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.gugus.intake.FileOutcome;
import org.gugus.reference.RegencyOffice;
import org.gugus.reference.RegencyOffices;
import org.gugus.system.GugusCommand;
import org.gugus.system.Messages;
import org.springframework.beans.factory.annotation.Value;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code gugus files list|show ...}: the files Gugus received, from the file registry, with what
 * became of each and where its original is kept. Exit status 0, 1 when a file does not exist or an
 * option is wrong.
 */
@Command(name = "files", mixinStandardHelpOptions = true, subcommands = {FilesCommand.ListFiles.class,
        FilesCommand.Show.class})
class FilesCommand {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** {@code gugus files list [--office CODE] [--status S] [--limit N] [--json]}: latest first, one line (or JSON object) each. */
    @Command(name = "list", mixinStandardHelpOptions = true)
    static class ListFiles implements GugusCommand {

        @Option(names = {"--office", "--regency"}, paramLabel = "KODE")
        private String office;

        @Option(names = "--status", paramLabel = "STATUS")
        private FileStatus status;

        @Option(names = "--limit", paramLabel = "N")
        private int limit = ReceivedFiles.DEFAULT_LIMIT;

        @Option(names = "--json")
        private boolean asJson;

        private final ReceivedFiles files;
        private final JsonMapper json;
        private final ZoneId zone;

        ListFiles(ReceivedFiles files, JsonMapper json, @Value("${gugus.time-zone:Asia/Makassar}") ZoneId zone) {
            this.files = files;
            this.json = json;
            this.zone = zone;
        }

        @Override
        public int run(PrintStream out, PrintStream err) {
            List<ReceivedFile> listed;
            try {
                listed = files.list(office, status, limit);
            } catch (IllegalArgumentException e) {
                err.println(e.getMessage());
                return 1;
            }
            for (ReceivedFile file : listed) {
                out.println(asJson ? json.writeValueAsString(file) : line(file));
            }
            err.println(Messages.get("ingest.files.count", listed.size()).both());
            return 0;
        }

        private String line(ReceivedFile file) {
            return String.format("#%-6d %-5s  %s  %-16s %s%s", file.id(), file.officeCode() == null ? "-" : file.officeCode(),
                    file.receivedAt().atZoneSameInstant(zone).format(MINUTE), file.status(), file.originalName(),
                    detail(file));
        }

        private static String detail(ReceivedFile file) {
            FileOutcome outcome = file.outcome();
            if (outcome == null) {
                return "";
            }
            return switch (outcome.status()) {
                case LOADED -> "  " + Messages.get("ingest.files.rows", outcome.rowsRead(), outcome.rejected()).both();
                case ALREADY_RECEIVED -> "  = #" + outcome.alreadyReceivedAs();
                case QUARANTINED, FAILED -> "  [" + outcome.error().code() + "]";
            };
        }
    }

    /** {@code gugus files show ID [--json]}: everything the registry holds of one file. */
    @Command(name = "show", mixinStandardHelpOptions = true)
    static class Show implements GugusCommand {

        @Parameters(paramLabel = "ID", descriptionKey = "files.id")
        private String id;

        @Option(names = "--json")
        private boolean asJson;

        private final ReceivedFiles files;
        private final JsonMapper json;
        private final ZoneId zone;

        Show(ReceivedFiles files, JsonMapper json, @Value("${gugus.time-zone:Asia/Makassar}") ZoneId zone) {
            this.files = files;
            this.json = json;
            this.zone = zone;
        }

        @Override
        public int run(PrintStream out, PrintStream err) {
            Optional<ReceivedFile> found;
            try {
                found = files.find(Long.parseLong(id.replace("#", "")));
            } catch (NumberFormatException e) {
                err.println(Messages.get("ingest.files.not-a-number", id).both());
                return 1;
            }
            if (found.isEmpty()) {
                err.println(ReceivedFiles.noSuchFile(Long.parseLong(id.replace("#", ""))));
                return 1;
            }
            ReceivedFile file = found.get();
            if (asJson) {
                out.println(json.writeValueAsString(file));
            } else {
                print(file, out);
            }
            return 0;
        }

        private void print(ReceivedFile file, PrintStream out) {
            String office = file.officeCode() == null ? "-" : file.officeCode() + " "
                    + RegencyOffices.byCode(file.officeCode()).map(RegencyOffice::name).orElse("");
            field(out, "ingest.files.show.file", "#" + file.id() + " " + file.originalName());
            field(out, "ingest.files.show.office", office);
            field(out, "ingest.files.show.received",
                    file.receivedAt().atZoneSameInstant(zone).format(MINUTE) + " (" + zone + "), "
                    + file.source());
            field(out, "ingest.files.show.size", Messages.get("ingest.files.bytes", file.size()).both());
            field(out, "ingest.files.show.sha256", file.sha256());
            field(out, "ingest.files.show.status", file.status() + (file.loadAttempts() > 1
                    ? ", " + Messages.get("ingest.files.attempts", file.loadAttempts()).both() : ""));
            if (file.outcome() != null) {
                field(out, "ingest.files.show.outcome", OutcomeLine.of(file.outcome()));
            }
            field(out, "ingest.files.show.kept-at", file.keptAt().toString());
        }

        private static void field(PrintStream out, String key, String value) {
            var name = Messages.get(key);
            out.println((name.id().equals(name.en()) ? name.id() : name.both()) + ": " + value);
        }
    }
}

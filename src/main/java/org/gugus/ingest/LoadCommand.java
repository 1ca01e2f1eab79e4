package org.gugus.ingest;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.gugus.intake.FileOutcome;
import org.gugus.intake.LoadProgress;
import org.gugus.intake.LoadStatus;
import org.gugus.reference.RegencyOffices;
import org.gugus.system.GugusCommand;
import org.gugus.system.Messages;
import org.springframework.core.env.Environment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code gugus load --office 64.72 [--json] FILE...}: loads files synchronously, for scripts and
 * re-loads. Exit status 0 when every file was loaded or already received, 2 when any was
 * quarantined, 1 on an internal failure or an unknown office. On a terminal, standard error shows
 * how far a long load has read.
 */
@Command(name = "load", mixinStandardHelpOptions = true)
class LoadCommand implements GugusCommand {

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);
    /** Where received files land ({@link IngestProperties#landing()}). */
    private static final String LANDING = "gugus.ingest.landing";

    @Option(names = {"--office", "--regency"}, required = true, paramLabel = "KODE")
    private String office;

    @Option(names = "--json")
    private boolean asJson;

    @Parameters(arity = "1..*", paramLabel = "BERKAS")
    private List<Path> files = new ArrayList<>();

    private final FileReception reception;
    private final LoadProgress progress;
    private final JsonMapper json;

    LoadCommand(FileReception reception, LoadProgress progress, JsonMapper json) {
        this.reception = reception;
        this.progress = progress;
        this.json = json;
    }

    /**
     * The files' bytes copied and hashed into the landing area while Gugus starts ({@link LandingAhead}); not when the
     * landing area is not configured (it then has no copy to take).
     */
    @Override
    public void beforeStart(Environment environment) {
        String landing = environment.getProperty(LANDING);
        if (landing != null && !landing.isBlank()) {
            LandingAhead.start(files, Path.of(landing));
        }
    }

    @Override
    public int run(PrintStream out, PrintStream err) {
        if (RegencyOffices.byCode(office).isEmpty()) {
            err.println(Messages.get("ingest.load.unknown-office", office, ReceivedFiles.offices()).both());
            return 1;
        }
        // a progress line only where a person watches: not in a pipe, a log or a script's capture
        boolean terminal = System.console() != null;
        boolean failed = false;
        boolean quarantined = false;
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                err.println(Messages.get("ingest.load.file-not-found", file).both());
                failed = true;
                continue;
            }
            FileOutcome outcome = terminal ? loadShowingProgress(file, err) : load(file);
            out.println(asJson ? json.writeValueAsString(outcome) : OutcomeLine.of(outcome));
            failed |= outcome.status() == LoadStatus.FAILED;
            quarantined |= outcome.status() == LoadStatus.QUARANTINED;
        }
        return failed ? 1 : quarantined ? 2 : 0;
    }

    private FileOutcome loadShowingProgress(Path file, PrintStream err) {
        try (var line = LoadProgressLine.start(err, file.getFileName().toString(), progress::rowsRead, PROGRESS_EVERY)) {
            return load(file);
        }
    }

    private FileOutcome load(Path file) {
        return reception.receive(file, office, file.getFileName().toString(), FileSource.COMMAND_LINE);
    }
}

package org.gugus.ingest.sftp;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gugus.intake.FileOutcome;
import org.gugus.ingest.OutcomeLine;
import org.gugus.reference.RegencyOffices;
import org.gugus.intake.LoadStatus;
import org.gugus.system.GugusCommand;
import org.gugus.system.Messages;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code gugus pull --regency 64.72 [--json]} (or {@code --all}): pulls an office's SFTP source now
 * and prints what it pulled and loaded, one line per file like {@code gugus load}, as each file
 * comes. Each failed attempt and the wait before the next one go to standard error as they happen
 * ({@code --help} says how to shorten the retries). Exit status 0 when every file was loaded or
 * already received, 2 when any was quarantined, 1 when the pull failed (the reason goes to
 * standard error) or a load failed.
 */
@Command(name = "pull", mixinStandardHelpOptions = true)
class PullCommand implements GugusCommand {

    @ArgGroup(multiplicity = "1")
    private Target target;

    @Option(names = "--json")
    private boolean asJson;

    static final class Target {
        @Option(names = {"--office", "--regency"}, paramLabel = "KODE")
        private List<String> offices = new ArrayList<>();

        @Option(names = "--all")
        private boolean all;
    }

    private final SftpSources sources;
    private final JsonMapper json;

    PullCommand(SftpSources sources, JsonMapper json) {
        this.sources = sources;
        this.json = json;
    }

    @Override
    public int run(PrintStream out, PrintStream err) {
        List<String> regencies = new ArrayList<>(target.offices);
        if (target.all) {
            regencies.addAll(sources.offices());
        }
        int exit = 0;
        for (String regency : regencies) {
            exit = Math.max(exit, pull(regency, asJson, out, err));
        }
        return exit == 3 ? 1 : exit;
    }

    /** Returns 0, 2 (quarantined) or 3 (failed: reported as 1, yet it outranks a quarantine). */
    private int pull(String regency, boolean asJson, PrintStream out, PrintStream err) {
        if (RegencyOffices.byCode(regency).isEmpty()) {
            err.println(Messages.get("sftp.pull.unknown-office", regency).both());
            return 3;
        }
        Optional<OfficePoll> poll = sources.poll(regency);
        if (poll.isEmpty()) {
            err.println(Messages.get("sftp.pull.no-source", regency).both());
            return 3;
        }
        PullReport report = sources.pull(poll.get(), new PullListener() {
            @Override
            public void delivered(FileOutcome delivery) {
                out.println(asJson ? json.writeValueAsString(delivery) : OutcomeLine.of(delivery));
            }

            @Override
            public void attemptFailed(int attempt, int attempts, SftpFailure failure, Duration nextWait) {
                err.println(attemptLine(poll.get().source().officeCode(), attempt, attempts, failure, nextWait));
            }
        });
        int exit = 0;
        for (FileOutcome delivery : report.deliveries()) {
            if (delivery.status() == LoadStatus.FAILED) {
                exit = 3;
            } else if (delivery.status() == LoadStatus.QUARANTINED) {
                exit = Math.max(exit, 2);
            }
        }
        if (report.failure() != null) {
            String prefix = report.officeCode() + ": [" + report.failure().code() + "] ";
            err.println(prefix + report.failure().messageId());
            err.println(prefix + report.failure().messageEn());
            return 3;
        }
        if (report.deliveries().isEmpty()) {
            err.println(report.officeCode() + ": " + Messages.get("sftp.pull.no-new-files").both());
        }
        return exit;
    }

    /** One line per failed attempt, Indonesian then English, with the wait before the next one if any. */
    static String attemptLine(String office, int attempt, int attempts, SftpFailure failure, Duration nextWait) {
        String key = nextWait == null ? "sftp.pull.attempt-failed" : "sftp.pull.next-attempt";
        String wait = nextWait == null ? "" : Waits.format(nextWait);
        return Messages.text(Messages.INDONESIAN, key, office, attempt, attempts, failure.code(), failure.messageId(), wait)
                + " / " + Messages.text(Locale.ENGLISH, key, office, attempt, attempts, failure.code(), failure.messageEn(),
                wait);
    }
}

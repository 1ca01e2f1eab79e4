package org.gugus.ingest;

import org.gugus.reference.RegencyOffices;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gugus.intake.LoadStatus;
import org.gugus.system.GugusCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code gugus load --office 64.72 [--json] FILE...}: loads files synchronously, for scripts and
 * re-loads. Exit status 0 when every file was loaded or already received, 2 when any was
 * quarantined, 1 on an internal failure or an unknown office.
 */
@Command(name = "load", mixinStandardHelpOptions = true)
class LoadCommand implements GugusCommand {

    @Option(names = {"--office", "--regency"}, required = true, paramLabel = "KODE")
    private String office;

    @Option(names = "--json")
    private boolean asJson;

    @Parameters(arity = "1..*", paramLabel = "BERKAS")
    private List<Path> files = new ArrayList<>();

    private final FileReception reception;
    private final JsonMapper json;

    LoadCommand(FileReception reception, JsonMapper json) {
        this.reception = reception;
        this.json = json;
    }

    @Override
    public int run(PrintStream out, PrintStream err) {
        String regency = office;
        if (RegencyOffices.byCode(regency).isEmpty()) {
            err.println("Kode kantor tidak dikenal / unknown office code: " + regency + ". Kantor / offices: "
                    + RegencyOffices.all().stream().map(o -> o.code() + " " + o.name()).toList());
            return 1;
        }
        boolean failed = false;
        boolean quarantined = false;
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                err.println("Berkas tidak ditemukan / file not found: " + file);
                failed = true;
                continue;
            }
            Delivery delivery = reception.receive(file, regency, file.getFileName().toString(), FileSource.COMMAND_LINE);
            out.println(asJson ? json.writeValueAsString(DeliverySummary.of(delivery)) : DeliverySummary.line(delivery));
            failed |= delivery.status() == LoadStatus.FAILED;
            quarantined |= delivery.status() == LoadStatus.QUARANTINED;
        }
        return failed ? 1 : quarantined ? 2 : 0;
    }
}

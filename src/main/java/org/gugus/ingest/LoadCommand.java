package org.gugus.ingest;

import org.gugus.reference.RegencyOffices;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gugus.intake.FileOutcome;
import org.gugus.intake.LoadStatus;
import org.gugus.system.GugusCommand;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code gugus load --regency 64.72 [--json] FILE...}: loads files synchronously, for scripts and
 * re-loads. Exit status 0 when every file was loaded or already received, 2 when any was
 * quarantined, 1 on an internal failure.
 */
@Component
class LoadCommand implements GugusCommand {

    static final String USAGE = """
            Pemakaian / usage: gugus load --regency <kode Kemendagri, mis. 64.72> [--json] BERKAS...
            """;

    private final FileReception reception;
    private final JsonMapper json;

    LoadCommand(FileReception reception, JsonMapper json) {
        this.reception = reception;
        this.json = json;
    }

    @Override
    public String name() {
        return "load";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        String regency = null;
        boolean asJson = false;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            switch (argument) {
                case "--regency" -> regency = i + 1 < arguments.size() ? arguments.get(++i) : null;
                case "--json" -> asJson = true;
                default -> {
                    if (argument.startsWith("--regency=")) {
                        regency = argument.substring("--regency=".length());
                    } else if (argument.startsWith("--")) {
                        err.println("Opsi tidak dikenal / unknown option: " + argument);
                        err.print(USAGE);
                        return 1;
                    } else {
                        files.add(Path.of(argument));
                    }
                }
            }
        }
        if (regency == null || files.isEmpty()) {
            err.print(USAGE);
            return 1;
        }
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
            FileOutcome outcome = reception.receive(file, regency, file.getFileName().toString(), FileSource.COMMAND_LINE);
            out.println(asJson ? json.writeValueAsString(outcome) : OutcomeLine.of(outcome));
            failed |= outcome.status() == LoadStatus.FAILED;
            quarantined |= outcome.status() == LoadStatus.QUARANTINED;
        }
        return failed ? 1 : quarantined ? 2 : 0;
    }
}

package org.gugus.ingest;

import java.io.PrintStream;
import org.gugus.system.GugusCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code gugus purge [--json]}: deletes received files older than {@code gugus.ingest.retention}
 * now, as the server does every night; the registry keeps their hash and metadata.
 */
@Command(name = "purge", mixinStandardHelpOptions = true)
class PurgeCommand implements GugusCommand {

    @Option(names = "--json")
    private boolean asJson;

    private final ReceivedFilePurge purge;
    private final JsonMapper json;

    PurgeCommand(ReceivedFilePurge purge, JsonMapper json) {
        this.purge = purge;
        this.json = json;
    }

    @Override
    public int run(PrintStream out, PrintStream err) {
        ReceivedFilePurge.Purged purged = purge.purge();
        if (asJson) {
            out.println(json.writeValueAsString(purged));
        } else {
            out.printf("%d berkas / files, %d landing, %d arsip+karantina / archive+quarantine, < %s%n", purged.files(),
                    purged.landed(), purged.kept(), purged.before().toLocalDate());
        }
        return 0;
    }
}

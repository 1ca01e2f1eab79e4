package org.gugus.access;

import java.io.PrintStream;
import org.gugus.system.GugusCommand;
import org.gugus.system.Messages;
import picocli.CommandLine.Command;

/**
 * {@code gugus keys rotate}: a new pseudonym key, every identity and person key recomputed with it
 * (docs/privacy.md, "Key rotation"). Run it with the server stopped. Exit status 0, 1 when the key
 * is not Gugus's to replace (given by an environment variable or secret file).
 */
@Command(name = "keys", mixinStandardHelpOptions = true, subcommands = KeysCommand.Rotate.class)
class KeysCommand {

    @Command(name = "rotate", mixinStandardHelpOptions = true)
    static class Rotate implements GugusCommand {

        private final PseudonymRekeying rekeying;

        Rotate(PseudonymRekeying rekeying) {
            this.rekeying = rekeying;
        }

        @Override
        public int run(PrintStream out, PrintStream err) {
            try {
                long rows = rekeying.rotate();
                err.println(Messages.get("access.keys.rotated", rows).both());
                return 0;
            } catch (IllegalStateException e) {
                err.println(e.getMessage());
                return 1;
            }
        }
    }
}

package org.gugus.access;

import java.io.PrintStream;
import java.time.ZoneId;
import java.util.List;
import org.gugus.system.GugusCommand;
import org.gugus.system.Messages;
import org.springframework.beans.factory.annotation.Value;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code gugus audit list [--user NAME] [--since DATE] [--json]}: the audit log, oldest first; with
 * {@code --json} one object per line ({@code at}, {@code user}, {@code channel}, {@code address},
 * {@code action}, {@code target}, {@code rows}, {@code row_ids}).
 */
@Command(name = "audit", mixinStandardHelpOptions = true, subcommands = AuditCommand.ListEvents.class)
class AuditCommand {

    @Command(name = "list", mixinStandardHelpOptions = true)
    static class ListEvents implements GugusCommand {

        @Option(names = "--user", paramLabel = "NAMA")
        private String user;

        @Option(names = "--since", paramLabel = "TANGGAL")
        private String since;

        @Option(names = "--limit", paramLabel = "N")
        private int limit = Audit.DEFAULT_LIMIT;

        @Option(names = "--json")
        private boolean asJson;

        private final Audit audit;
        private final JsonMapper json;
        private final ZoneId zone;

        ListEvents(Audit audit, JsonMapper json, @Value("${gugus.time-zone:Asia/Makassar}") ZoneId zone) {
            this.audit = audit;
            this.json = json;
            this.zone = zone;
        }

        @Override
        public int run(PrintStream out, PrintStream err) {
            List<AuditEvent> events;
            try {
                events = audit.list(user, AuditController.since(since, zone), limit);
            } catch (IllegalArgumentException e) {
                err.println(e.getMessage());
                return 1;
            }
            for (AuditEvent event : events) {
                if (asJson) {
                    out.println(json.writeValueAsString(event));
                } else {
                    out.printf("%s  %-20s %-4s %-15s %-18s %s  (%d)%n", event.at().atZoneSameInstant(zone).toOffsetDateTime(),
                            event.user(), event.channel(), event.address() == null ? "-" : event.address(), event.action(),
                            event.target() == null ? "" : event.target(), event.rows());
                }
            }
            err.println(Messages.get("access.audit.count", events.size()).both());
            return 0;
        }
    }
}

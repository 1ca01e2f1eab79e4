package org.gugus.system;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The command line: {@code java -jar gugus.jar COMMAND ...}. It starts Gugus without its web
 * server, with no route started and no schedule running, against the same database as the server (joining the embedded PostgreSQL
 * if the server runs), runs the command and returns its exit status. Logs go to
 * {@code $GUGUS_HOME/logs/gugus-cli.log}, so standard output carries only results.
 */
public final class GugusCommandLine {

    private static final Set<String> COMMANDS = Set.of("load", "pull", "rejections", "flags");

    private GugusCommandLine() {
    }

    public static boolean isCommand(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
        List<String> springArguments = new ArrayList<>();
        List<String> commandArguments = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--gugus.") || args[i].startsWith("--spring.") || args[i].startsWith("--logging.")) {
                springArguments.add(args[i]);
            } else {
                commandArguments.add(args[i]);
            }
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .properties(Map.of(
                        // Camel runs (gugus pull needs its SFTP routes) but starts no route by itself
                        // and polls on no schedule: the drop folder and the SFTP crons belong to the server
                        "camel.main.auto-startup", "false",
                        "gugus.sftp.poll-on-schedule", "false",
                        "gugus.ingest.resume-on-start", "false",
                        "logging.threshold.console", "OFF",
                        "logging.file.name", "${gugus.home}/logs/gugus-cli.log"))
                .run(springArguments.toArray(String[]::new))) {
            GugusCommand command = context.getBeansOfType(GugusCommand.class).values().stream()
                    .filter(candidate -> candidate.name().equals(args[0])).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No command '" + args[0] + "' in this build"));
            return command.run(commandArguments, out, err);
        } catch (RuntimeException e) {
            err.println("Gugus gagal / failed: " + e.getMessage());
            return 1;
        }
    }
}

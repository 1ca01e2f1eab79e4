package org.gugus.system;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.gugus.system.database.DatabaseWatch;
import org.gugus.system.database.EarlyEmbeddedPostgres;
import org.springframework.aot.AotDetector;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.SpringProperties;
import picocli.CommandLine;

/**
 * The command line: {@code java -jar gugus.jar COMMAND ...}. The arguments are parsed before Gugus
 * starts: {@code --help}, {@code help}, {@code --version}, {@code generate-completion} and usage
 * errors answer at once (usage errors with exit status 64). Otherwise Gugus starts without its web
 * server, without Camel (but for {@code pull}, whose routes do not start until it asks) and with no
 * schedule running, against the same database as the server
 * (joining the embedded PostgreSQL if the server runs), runs the command and returns its exit status.
 * Options for Gugus itself ({@code --gugus.…}, {@code --spring.…}, {@code --logging.…}) may stand
 * anywhere. Logs go to {@code $GUGUS_HOME/logs/gugus-cli.log}, so standard output carries only results.
 */
public final class GugusCommandLine {

    /** How long the database may not answer before a running command gives up. */
    private static final Duration DATABASE_OUTAGE = Duration.ofSeconds(15);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);
    private static final Set<String> WITHOUT_GUGUS = Set.of("-h", "--help", "-V", "--version");
    private static final Set<String> ANSWERED_WITHOUT_GUGUS = Set.of("help", "generate-completion");
    /** The commands that run a Camel route: the others start without Camel ({@link CommandsWithoutCamel}). */
    private static final Set<String> WITH_ROUTES = Set.of("pull");

    /** The commands that load files, and so answer them. */
    private static final Set<String> LOADING = Set.of("load", "pull");

    private GugusCommandLine() {
    }

    /**
     * Whether the arguments ask for a command (a first word, or help/version), else they configure
     * the server ({@code --server.port=8081}). An unknown word is a usage error, never a server start.
     */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && (WITHOUT_GUGUS.contains(args[0]) || !args[0].startsWith("-"));
    }

    /**
     * Whether the arguments may start Gugus: a server, or a command that is not only a question for
     * help or the version (those are answered before Gugus starts, as are usage errors).
     */
    public static boolean mayStartGugus(String[] args) {
        if (args.length > 0 && ANSWERED_WITHOUT_GUGUS.contains(args[0])) {
            return false;
        }
        return Arrays.stream(args).noneMatch(WITHOUT_GUGUS::contains);
    }

    /** Whether the command runs a Camel route ({@code pull}); every other command starts without Camel. */
    static boolean runsRoutes(String[] command) {
        return command.length > 0 && WITH_ROUTES.contains(command[0]);
    }

    /** Whether the command loads files ({@code load}, {@code pull}), each answered with a workbook. */
    static boolean loadsFiles(String[] command) {
        return command.length > 0 && LOADING.contains(command[0]);
    }

    public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
        List<String> springArguments = new ArrayList<>();
        List<String> commandArguments = new ArrayList<>();
        for (String argument : args) {
            if (argument.startsWith("--gugus.") || argument.startsWith("--spring.") || argument.startsWith("--logging.")) {
                springArguments.add(argument);
            } else {
                commandArguments.add(argument);
            }
        }
        String[] command = commandArguments.toArray(String[]::new);
        GugusCommand[] parsed = new GugusCommand[1];
        Integer answered = answerWithoutGugus(command, out, err, parsed);
        if (answered != null) {
            return answered;
        }
        boolean routes = runsRoutes(command);
        if (routes) {
            // the context the build prepared ahead of time (files list) has no Camel: pull starts as the server does
            SpringProperties.setProperty(AotDetector.AOT_ENABLED, "false");
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                // the embedded PostgreSQL starts (or is joined) beside the context, not inside it
                .listeners(new EarlyEmbeddedPostgres(), new BeforeStart(parsed[0]))
                .properties(Map.of(
                        CommandsWithoutCamel.ENABLED, Boolean.toString(routes),
                        // no endpoints, health, metrics export, page templates nor web security
                        CommandsWithoutServerParts.ENABLED, Boolean.toString(routes),
                        // where Camel runs (gugus pull needs its SFTP routes) it starts no route by itself
                        // and polls on no schedule: the drop folder and the SFTP crons belong to the server
                        "camel.main.auto-startup", "false",
                        "gugus.sftp.poll-on-schedule", "false",
                        "gugus.ingest.resume-on-start", "false",
                        // the month cells and usual periods are counted ahead by the server, at its first count
                        // after this command's load, rather than by a command that would wait for them to exit
                        "gugus.reporting.warm-kept-counts", "false",
                        // a command that loads files has the answer workbooks made ready while it starts
                        "gugus.feedback.prepare-on-start", Boolean.toString(loadsFiles(command)),
                        // Flyway's validation only when the database is not as these migrations last left it
                        "gugus.database.skip-unchanged-migrations", "true",
                        "logging.threshold.console", "OFF",
                        "logging.file.name", "${gugus.home}/logs/gugus-cli.log"))
                .run(springArguments.toArray(String[]::new));
                DatabaseWatch watch = DatabaseWatch.start(context.getBean(DataSource.class), DATABASE_OUTAGE,
                        reason -> exitOnLostDatabase(err, reason))) {
            return context.getBean(GugusCommands.class).execute(out, err, command);
        } catch (SpringApplication.AbandonedRunException e) {
            // the build's ahead-of-time processing stops here, once it has the command's context
            throw e;
        } catch (RuntimeException e) {
            err.println(Messages.get("system.command.failed", e.getMessage()).both());
            return 1;
        }
    }

    /**
     * The database died under a running command: Spring Batch and the pool would retry it without
     * end, so the command line says so and exits with 1; an interrupted load resumes from its last
     * committed chunk at the next start. Should closing Gugus hang on the dead server, it is halted.
     */
    private static void exitOnLostDatabase(PrintStream err, String reason) {
        err.println(Messages.get("system.database.lost", DATABASE_OUTAGE.toSeconds(), reason).both());
        err.flush();
        Thread halt = new Thread(() -> {
            try {
                Thread.sleep(SHUTDOWN_GRACE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(1);
        }, "gugus-exit");
        halt.setDaemon(true);
        halt.start();
        System.exit(1);
    }

    /**
     * Parses the arguments without starting Gugus. Returns the exit status when that is all the
     * command line asked (help, version, completion) or when they are wrong; {@code null} when the
     * command is to run, with the instance that parsed it in {@code parsedCommand[0]}.
     */
    private static Integer answerWithoutGugus(String[] command, PrintStream out, PrintStream err,
            GugusCommand[] parsedCommand) {
        CommandLine commandLine = CommandCatalog.forParsing(command);
        PrintWriter outWriter = new PrintWriter(out, true, StandardCharsets.UTF_8);
        PrintWriter errWriter = new PrintWriter(err, true, StandardCharsets.UTF_8);
        commandLine.setOut(outWriter);
        commandLine.setErr(errWriter);
        CommandLine.ParseResult parsed;
        try {
            parsed = commandLine.parseArgs(command);
        } catch (CommandLine.ParameterException e) {
            errWriter.println(e.getMessage());
            e.getCommandLine().usage(errWriter);
            return CommandCatalog.USAGE;
        }
        Integer help = CommandLine.executeHelpRequest(parsed);
        if (help != null) {
            return help;
        }
        List<CommandLine> chain = parsed.asCommandLineList();
        CommandLine leaf = chain.get(chain.size() - 1);
        if (leaf.getCommand() instanceof GugusCommand toRun) {
            parsedCommand[0] = toRun;
            return null;
        }
        if (leaf.getCommand() instanceof Runnable) {
            return commandLine.execute(command);
        }
        leaf.usage(errWriter);
        return CommandCatalog.USAGE;
    }

    /** The parsed command's own work beside the start ({@link GugusCommand#beforeStart}), once its configuration is read. */
    private record BeforeStart(GugusCommand command)
            implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

        @Override
        public void onApplicationEvent(ApplicationEnvironmentPreparedEvent prepared) {
            command.beforeStart(prepared.getEnvironment());
        }
    }
}

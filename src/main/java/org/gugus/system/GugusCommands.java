package org.gugus.system;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.stereotype.Component;
import picocli.CommandLine;

/**
 * Runs a command line ({@code load --office 64.72 FILE}) in this application: parsed by picocli,
 * the command built with its beans, its exit status returned. The command-line entry point uses it
 * once Gugus has started; tests use it to run commands as a user would.
 */
@Component
public class GugusCommands {

    private final AutowireCapableBeanFactory beans;

    GugusCommands(AutowireCapableBeanFactory beans) {
        this.beans = beans;
    }

    /** Runs the command; its results go to {@code out}, messages for people to {@code err}. */
    public int execute(PrintStream out, PrintStream err, String... arguments) {
        CommandLine commandLine = CommandCatalog.forRunning(beans, arguments);
        PrintWriter errWriter = new PrintWriter(err, true, StandardCharsets.UTF_8);
        commandLine.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        commandLine.setErr(errWriter);
        commandLine.setExecutionExceptionHandler(new Failure(errWriter));
        commandLine.setExecutionStrategy(new RunGugusCommand(out, err));
        return commandLine.execute(arguments);
    }

    /** A command that failed: its message for people, exit status 1. (Classes, not lambdas: see {@code CommandCatalog.UsageError}.) */
    private record Failure(PrintWriter err) implements CommandLine.IExecutionExceptionHandler {

        @Override
        public int handleExecutionException(Exception e, CommandLine failed, CommandLine.ParseResult parsed) {
            err.println(Messages.get("system.command.failed", e.getMessage()).both());
            return 1;
        }
    }

    /** Runs the {@link GugusCommand} the arguments name with the output streams; a grouping command as picocli does. */
    private record RunGugusCommand(PrintStream out, PrintStream err) implements CommandLine.IExecutionStrategy {

        @Override
        public int execute(CommandLine.ParseResult parsed) {
            CommandLine leaf = parsed.asCommandLineList().get(parsed.asCommandLineList().size() - 1);
            if (leaf.getCommand() instanceof GugusCommand command) {
                try {
                    return command.run(out, err);
                } catch (Exception e) {
                    throw new CommandLine.ExecutionException(leaf, e.getMessage() == null ? e.toString() : e.getMessage(), e);
                }
            }
            return new CommandLine.RunLast().execute(parsed);
        }
    }
}

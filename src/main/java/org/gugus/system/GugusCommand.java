package org.gugus.system;

import java.io.PrintStream;
import org.springframework.core.env.Environment;

/**
 * One command of the command line ({@code gugus NAME ...}), contributed by the module that owns it:
 * a class annotated with picocli's {@code @Command} that implements this interface. Top-level
 * commands are listed in {@code META-INF/gugus/commands.txt} (a test fails when one under
 * {@code org.gugus} is not); sub-commands are nested classes named in their parent's {@code subcommands}.
 * <p>
 * A command is created twice: once before Gugus starts, only to parse and check its arguments
 * (usage errors and {@code --help} answer at once), with {@code null} for every constructor
 * argument; then in the started application, with its constructor's beans injected. So a
 * constructor only keeps its arguments. Standard output carries only results; messages for people
 * go to standard error.
 */
public interface GugusCommand {

    /**
     * Called on the instance that parsed the arguments, once they are known to run and Gugus's
     * configuration is read ({@code environment}: its properties, e.g. its folders), before any bean is
     * made: work that needs no bean can begin here on a thread of its own, beside the start, for
     * {@link #run} to take up. Nothing by default.
     */
    default void beforeStart(Environment environment) {
    }

    /** Runs the parsed command in the started application; returns the process exit status. */
    int run(PrintStream out, PrintStream err) throws Exception;
}

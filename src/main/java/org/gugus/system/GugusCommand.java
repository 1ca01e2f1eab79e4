package org.gugus.system;

import java.io.PrintStream;
import java.util.List;

/**
 * One command of the command line ({@code gugus NAME ...}), contributed as a bean by the module that
 * owns it. Standard output carries only results; messages for people go to standard error.
 */
public interface GugusCommand {

    /** The word that selects the command, e.g. {@code load}. */
    String name();

    /** Runs the command with the arguments after its name; returns the process exit status. */
    int run(List<String> arguments, PrintStream out, PrintStream err);
}

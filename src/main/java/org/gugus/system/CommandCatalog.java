package org.gugus.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.util.ClassUtils;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The commands of every module, assembled under {@code gugus}: the top-level {@code @Command} classes
 * listed in {@value #COMMANDS} (a command that runs implements {@link GugusCommand}, a command that
 * only groups sub-commands need not), with their help texts from the
 * bundle {@code messages/cli}, {@code --help} on each, {@code help COMMAND} and
 * {@code generate-completion} (a bash/zsh completion script).
 */
final class CommandCatalog {

    /** A parse error or a missing sub-command (sysexits EX_USAGE); 1 and 2 belong to the commands. */
    static final int USAGE = 64;

    /** The top-level command classes, listed in the build rather than found by scanning every class at each start. */
    static final String COMMANDS = "META-INF/gugus/commands.txt";
    private static volatile List<Class<?>> commands;

    private CommandCatalog() {
    }

    /** The names of the top-level commands, e.g. {@code load}. */
    static List<String> names() {
        return commands().stream().map(type -> type.getAnnotation(Command.class).name()).toList();
    }

    /**
     * The command line to parse {@code arguments} before Gugus starts: commands built with null
     * collaborators; only the command they name when they name one (see {@link #toBuild}).
     */
    static CommandLine forParsing(String... arguments) {
        return build(new ParsingFactory(), arguments);
    }

    /** The command line to run {@code arguments}, its commands' beans injected by a started application. */
    static CommandLine forRunning(AutowireCapableBeanFactory beans, String... arguments) {
        return build(new SpringFactory(beans), arguments);
    }

    private static CommandLine build(CommandLine.IFactory factory, String[] arguments) {
        CommandLine root = new CommandLine(new Root(), factory);
        for (Class<?> type : toBuild(arguments)) {
            root.addSubcommand(type.getAnnotation(Command.class).name(), new CommandLine(type, factory));
        }
        root.addSubcommand("help", new CommandLine.HelpCommand());
        root.addSubcommand("generate-completion", new AutoComplete.GenerateCompletion());
        root.setResourceBundle(ResourceBundle.getBundle("messages/cli", Locale.ROOT,
                CommandCatalog.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
        root.setParameterExceptionHandler(new UsageError());
        root.setExecutionStrategy(new CommandLine.RunLast());
        return root;
    }

    /**
     * The top-level commands whose picocli model {@code arguments} need: the one their first word
     * names, else all (no command, an option of the root, a misspelt command answered with the list
     * of commands). Building the model of all 13 took a command about a quarter of a second of CPU
     * before Spring started and as much again to run it (issue 13).
     */
    static List<Class<?>> toBuild(String... arguments) {
        if (arguments.length > 0) {
            for (Class<?> type : commands()) {
                if (type.getAnnotation(Command.class).name().equals(arguments[0])) {
                    return List.of(type);
                }
            }
        }
        return commands();
    }

    private static List<Class<?>> commands() {
        if (commands == null) {
            commands = listed().stream()
                    .<Class<?>>map(name -> ClassUtils.resolveClassName(name, CommandCatalog.class.getClassLoader()))
                    .sorted(Comparator.comparing(type -> type.getAnnotation(Command.class).name()))
                    .toList();
        }
        return commands;
    }

    /** The class names in {@value #COMMANDS}: one a line, {@code #} comments and blank lines skipped. */
    static List<String> listed() {
        try (InputStream in = CommandCatalog.class.getClassLoader().getResourceAsStream(COMMANDS)) {
            if (in == null) {
                throw new IllegalStateException(COMMANDS + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + COMMANDS, e);
        }
    }

    /** {@code gugus}: the root; without a command it runs the server (see {@code GugusApplication}). */
    @Command(name = "gugus", mixinStandardHelpOptions = true, versionProvider = Root.Version.class,
            synopsisSubcommandLabel = "COMMAND")
    static final class Root {

        static final class Version implements CommandLine.IVersionProvider {
            @Override
            public String[] getVersion() {
                String version = Root.class.getPackage().getImplementationVersion();
                return new String[] {"Gugus " + (version == null ? "(development)" : version)};
            }
        }
    }

    /**
     * A parse error: its message, the command's usage, {@link #USAGE}. A class rather than a lambda, as
     * are the command line's other picocli callbacks: a lambda of one of picocli's interfaces (compiled
     * for Java 5) made the class archive's dump link that interface, which it then leaves out, and
     * each command loaded it and the classes built on it from the jars instead (issue 13).
     */
    private static final class UsageError implements CommandLine.IParameterExceptionHandler {

        @Override
        public int handleParseException(CommandLine.ParameterException e, String[] args) {
            e.getCommandLine().getErr().println(e.getMessage());
            e.getCommandLine().usage(e.getCommandLine().getErr());
            return USAGE;
        }
    }

    /** Builds a command for parsing only: {@code null} (or zero) for every constructor argument. */
    private static final class ParsingFactory implements CommandLine.IFactory {

        private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (!GugusCommand.class.isAssignableFrom(type)) {
                return fallback.create(type);
            }
            Constructor<?> constructor = type.getDeclaredConstructors()[0];
            constructor.setAccessible(true);
            Object[] arguments = new Object[constructor.getParameterCount()];
            Class<?>[] parameters = constructor.getParameterTypes();
            for (int i = 0; i < parameters.length; i++) {
                arguments[i] = parameters[i].isPrimitive() ? (parameters[i] == boolean.class ? false : 0) : null;
            }
            return type.cast(constructor.newInstance(arguments));
        }
    }

    /** Builds a command with its constructor's beans injected. */
    private record SpringFactory(AutowireCapableBeanFactory beans) implements CommandLine.IFactory {

        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (!GugusCommand.class.isAssignableFrom(type)) {
                return CommandLine.defaultFactory().create(type);
            }
            return beans.createBean(type);
        }
    }
}

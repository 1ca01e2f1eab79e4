package org.gugus.access;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.NoSuchElementException;
import org.gugus.system.GugusCommand;
import org.gugus.system.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gugus users add|list|disable|reset-password}: the accounts, for the administrator on the
 * server. A generated password is printed once on standard output; every change is in the audit
 * log under the OS user. Exit status 0, 1 when the account or an option is wrong.
 */
@Command(name = "users", mixinStandardHelpOptions = true,
        subcommands = {UsersCommand.Add.class, UsersCommand.ListAccounts.class, UsersCommand.Disable.class,
                UsersCommand.ResetPassword.class})
class UsersCommand {

    @Command(name = "add", mixinStandardHelpOptions = true)
    static class Add implements GugusCommand {

        @Parameters(paramLabel = "NAMA")
        private String name;

        @Option(names = "--role", required = true, paramLabel = "PERAN")
        private String role;

        @Option(names = "--office", paramLabel = "KODE")
        private String office;

        @Option(names = "--password-stdin")
        private boolean passwordStdin;

        private final Accounts accounts;

        Add(Accounts accounts) {
            this.accounts = accounts;
        }

        @Override
        public int run(PrintStream out, PrintStream err) throws IOException {
            try {
                String given = passwordStdin ? firstLine() : null;
                String password = accounts.add(name, Role.of(role), office, given);
                if (given == null) {
                    out.println(password);
                }
                err.println(Messages.get("access.account.added", name, Role.of(role)).both());
                return 0;
            } catch (IllegalArgumentException e) {
                err.println(e.getMessage());
                return 1;
            }
        }

        private static String firstLine() throws IOException {
            // the password never on the command line, where every local user can read it from the process list
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line == null ? "" : line.strip();
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true)
    static class ListAccounts implements GugusCommand {

        private final Accounts accounts;

        ListAccounts(Accounts accounts) {
            this.accounts = accounts;
        }

        @Override
        public int run(PrintStream out, PrintStream err) {
            accounts.list().forEach(account -> out.printf("%-24s %-12s %-6s %s  %s%n", account.name(), account.role(),
                    account.officeCode() == null ? "-" : account.officeCode(),
                    account.enabled() ? "aktif/enabled" : "nonaktif/disabled", account.createdAt().toLocalDate()));
            return 0;
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true)
    static class Disable implements GugusCommand {

        @Parameters(paramLabel = "NAMA")
        private String name;

        private final Accounts accounts;

        Disable(Accounts accounts) {
            this.accounts = accounts;
        }

        @Override
        public int run(PrintStream out, PrintStream err) {
            try {
                accounts.disable(name);
                err.println(Messages.get("access.account.disabled", name).both());
                return 0;
            } catch (NoSuchElementException e) {
                err.println(e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "reset-password", mixinStandardHelpOptions = true)
    static class ResetPassword implements GugusCommand {

        @Parameters(paramLabel = "NAMA")
        private String name;

        private final Accounts accounts;

        ResetPassword(Accounts accounts) {
            this.accounts = accounts;
        }

        @Override
        public int run(PrintStream out, PrintStream err) {
            try {
                out.println(accounts.resetPassword(name));
                err.println(Messages.get("access.account.password-reset", name).both());
                return 0;
            } catch (NoSuchElementException e) {
                err.println(e.getMessage());
                return 1;
            }
        }
    }
}

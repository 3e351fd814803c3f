package dev.mailtrail.app.api.cli;

import dev.mailtrail.app.api.access.AccessFile;
import dev.mailtrail.app.api.access.AccessList;
import dev.mailtrail.app.api.access.Account;
import dev.mailtrail.app.api.access.PasswordHash;
import dev.mailtrail.app.files.FileFailure;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mt account add|list|remove}: local accounts of the HTTPS API and console. */
@Command(
        name = "account",
        mixinStandardHelpOptions = true,
        description = {
            "Manages the accounts that sign in to the HTTPS API and console (README, The HTTPS API):"
                    + " their role groups and the mailboxes they may see. Kept in api-access.json in the"
                    + " data directory (0600); a running mt serve sees a change at once."
        },
        subcommands = {AccountCommand.Add.class, AccountCommand.ListAccounts.class, AccountCommand.Remove.class})
public final class AccountCommand {

    /** Where {@code add} reads the password when there is no terminal: the first line. */
    static InputStream stdin() {
        return System.in;
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = "Adds an account, or replaces its password, roles and scope. The password is asked on the"
                    + " terminal (twice), or read as the first line of standard input; never from the command line.")
    static final class Add implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "The account's user name.")
        String name;

        @Mixin
        AccessOptions options = new AccessOptions();

        @Override
        public Integer call() throws IOException {
            var roles = options.roles(spec.commandLine());
            PrintWriter err = spec.commandLine().getErr();
            char[] password = password(err);
            if (password == null) {
                return 1;
            }
            try {
                String hash = new PasswordHash(new SecureRandom()).hash(password);
                AccessFile file = new AccessFile(options.directory());
                AccessList list = file.current();
                file.write(list.with(new Account(name, hash, roles, options.scope())));
                spec.commandLine()
                        .getOut()
                        .println("account " + name + ": " + AccessOptions.describe(roles, options.scope()));
                return 0;
            } catch (IOException e) {
                err.println("mt account add: " + FileFailure.describe(e));
                return 1;
            } finally {
                Arrays.fill(password, '\0');
            }
        }

        private static char[] password(PrintWriter err) throws IOException {
            Console console = System.console();
            char[] password;
            if (interactive(console)) {
                password = console.readPassword("Password: ");
                char[] again = console.readPassword("Password again: ");
                if (password == null || again == null || !Arrays.equals(password, again)) {
                    err.println("mt account add: the two passwords differ; nothing changed");
                    return null;
                }
            } else {
                String line = new BufferedReader(new InputStreamReader(stdin(), StandardCharsets.UTF_8)).readLine();
                password = line == null ? new char[0] : line.toCharArray();
            }
            if (password.length < 12) {
                err.println("mt account add: a password needs at least 12 characters; nothing changed");
                return null;
            }
            return password;
        }
    }

    /** Whether a person types at the console (Java 22+ gives a console for a pipe too, and says so). */
    private static boolean interactive(Console console) {
        if (console == null) {
            return false;
        }
        try {
            return (boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true; // Java 21: a console exists only for a terminal
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the accounts, roles and scopes.")
    static final class ListAccounts implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        DataOption options = new DataOption();

        @Override
        public Integer call() {
            try {
                for (Account a : new AccessFile(options.directory()).current().accounts()) {
                    spec.commandLine().getOut().println(a.name() + "  " + AccessOptions.describe(a.roles(), a.scope()));
                }
                return 0;
            } catch (IOException e) {
                spec.commandLine().getErr().println("mt account list: " + FileFailure.describe(e));
                return 1;
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Removes an account; its sessions end.")
    static final class Remove implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "NAME")
        String name;

        @Mixin
        DataOption options = new DataOption();

        @Override
        public Integer call() {
            return AccessRemoval.remove(
                    spec,
                    options,
                    "account",
                    name,
                    (list, n) -> list.account(n).isPresent(),
                    AccessList::withoutAccount);
        }
    }
}

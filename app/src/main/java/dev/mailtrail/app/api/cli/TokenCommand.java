package dev.mailtrail.app.api.cli;

import dev.mailtrail.app.api.access.AccessFile;
import dev.mailtrail.app.api.access.AccessList;
import dev.mailtrail.app.api.access.ApiToken;
import dev.mailtrail.app.files.FileFailure;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mt token add|list|remove}: bearer tokens of sensors, scrapers and scripts. */
@Command(
        name = "token",
        mixinStandardHelpOptions = true,
        description = {
            "Manages the API tokens sensors, metrics scrapers and scripts send as \"Authorization: Bearer TOKEN\"."
                    + " A token is shown once, when made; the data directory keeps only its SHA-256."
        },
        subcommands = {TokenCommand.Add.class, TokenCommand.ListTokens.class, TokenCommand.Remove.class})
public final class TokenCommand {

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = "Makes a token (or a new one in place of that name's) and prints it, once.")
    static final class Add implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "What the token is for (recorded as UserId of its actions).")
        String name;

        @Mixin
        AccessOptions options = new AccessOptions();

        @Override
        public Integer call() {
            var roles = options.roles(spec.commandLine());
            try {
                ApiToken.Issued issued = ApiToken.issue(name, roles, options.scope(), new SecureRandom());
                AccessFile file = new AccessFile(options.directory());
                file.write(file.current().with(issued.token()));
                spec.commandLine()
                        .getErr()
                        .println("token " + name + ": " + AccessOptions.describe(roles, options.scope())
                                + " (shown once; keep it like a password)");
                spec.commandLine().getOut().println(issued.bearer());
                return 0;
            } catch (IOException e) {
                spec.commandLine().getErr().println("mt token add: " + FileFailure.describe(e));
                return 1;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the tokens (never their secrets).")
    static final class ListTokens implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        DataOption options = new DataOption();

        @Override
        public Integer call() {
            try {
                for (ApiToken t : new AccessFile(options.directory()).current().tokens()) {
                    spec.commandLine()
                            .getOut()
                            .println(t.name() + "  mt_" + t.id() + "_…  "
                                    + AccessOptions.describe(t.roles(), t.scope()));
                }
                return 0;
            } catch (IOException e) {
                spec.commandLine().getErr().println("mt token list: " + FileFailure.describe(e));
                return 1;
            }
        }
    }

    @Command(
            name = "remove",
            mixinStandardHelpOptions = true,
            description = "Removes a token; it stops working at once.")
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
                    "token",
                    name,
                    (list, n) -> list.tokenNamed(n).isPresent(),
                    AccessList::withoutToken);
        }
    }
}

package dev.mailtrail.app.api.cli;

import dev.mailtrail.app.api.access.ManagementScope;
import dev.mailtrail.app.api.access.Role;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The options {@code mt account add} and {@code mt token add} share: data directory, role groups, scope. */
final class AccessOptions {
    @picocli.CommandLine.Mixin
    DataOption data = new DataOption();

    @Option(
            names = "--role",
            paramLabel = "ROLE",
            description = "A role group, repeatable: \"Audit Logs\" (search and export), \"View-Only Audit Logs\""
                    + " (search), \"Audit Configuration\" (change audit settings), \"Sensor\" (post events),"
                    + " \"Monitoring\" (read /metrics).")
    List<String> roles = new ArrayList<>();

    @Option(
            names = "--scope",
            paramLabel = "MAILBOX,…",
            split = ",",
            description = "Limit to these mailboxes (a management scope); default: every mailbox.")
    List<String> scope = new ArrayList<>();

    Path directory() {
        return data.directory();
    }

    Set<Role> roles(picocli.CommandLine commandLine) {
        if (roles.isEmpty()) {
            throw new ParameterException(commandLine, "give at least one --role; known: " + Role.known());
        }
        Set<Role> parsed = EnumSet.noneOf(Role.class);
        for (String role : roles) {
            try {
                parsed.add(Role.named(role));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(commandLine, e.getMessage());
            }
        }
        return parsed;
    }

    ManagementScope scope() {
        return new ManagementScope(Set.copyOf(scope));
    }

    static String describe(Set<Role> roles, ManagementScope scope) {
        return roles.stream().sorted().map(Role::displayName).collect(Collectors.joining(", ")) + "  scope: " + scope;
    }
}

package dev.mailtrail.app.api.search;

import dev.mailtrail.app.admin.AdminDate;
import dev.mailtrail.app.investigate.ScopeCommand;
import dev.mailtrail.investigate.report.ScopeJson;
import dev.mailtrail.investigate.scope.AttackerHints;
import dev.mailtrail.investigate.scope.MessageCatalogue;
import dev.mailtrail.investigate.scope.Scope;
import dev.mailtrail.investigate.scope.ScopeQuery;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code mt scope} as an endpoint: the scope of a compromise of one mailbox, as {@code mt scope --format json}
 * writes it, from the data directory's stores. The parameters are the command's options without their dashes:
 * {@code mailbox}, {@code from}, {@code to}, {@code attacker-ip}, {@code attacker-session}, {@code attacker-user}
 * (each repeated or comma-separated).
 */
public final class ScopeApi {
    public static final Set<String> PARAMETERS =
            Set.of("mailbox", "from", "to", "attacker-ip", "attacker-session", "attacker-user");

    private final Path dataDirectory;

    public ScopeApi(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    /** Writes the scope's JSON to {@code out}; or, having written nothing, says which parameter is wrong. */
    public Optional<ApiError> scope(Map<String, List<String>> parameters, MailboxScope scope, Writer out)
            throws IOException {
        for (String name : parameters.keySet()) {
            if (!PARAMETERS.contains(name)) {
                return Optional.of(new ApiError(
                        name, "Unknown option '" + name + "': give " + String.join(", ", PARAMETERS) + "."));
            }
        }
        List<String> mailboxes = values(parameters, "mailbox");
        if (mailboxes.size() != 1) {
            return Optional.of(new ApiError("mailbox", "Missing required option: give one mailbox (its UPN)."));
        }
        String mailbox = mailboxes.getFirst();
        if (!scope.allows(mailbox)) {
            return Optional.of(new ApiError("mailbox", scope.refusal(mailbox)));
        }
        ScopeQuery query;
        try {
            Instant from = date(parameters, "from");
            Instant to = date(parameters, "to");
            AttackerHints hints = new AttackerHints(
                    Set.copyOf(values(parameters, "attacker-ip")),
                    Set.copyOf(values(parameters, "attacker-session")),
                    Set.copyOf(values(parameters, "attacker-user")));
            query = new ScopeQuery(mailbox, from, to, hints);
        } catch (BadDate bad) {
            return Optional.of(new ApiError(bad.option, bad.getMessage()));
        } catch (IllegalArgumentException bad) {
            return Optional.of(new ApiError("to", bad.getMessage()));
        }
        Scope found = ScopeCommand.analyse(dataDirectory, query, new MessageCatalogue());
        new ScopeJson().write(found, out);
        out.flush();
        return Optional.empty();
    }

    private static List<String> values(Map<String, List<String>> parameters, String name) {
        Set<String> values = new LinkedHashSet<>();
        for (String value : parameters.getOrDefault(name, List.of())) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    values.add(part.strip());
                }
            }
        }
        return List.copyOf(values);
    }

    private static Instant date(Map<String, List<String>> parameters, String option) throws BadDate {
        List<String> given = parameters.getOrDefault(option, List.of());
        if (given.isEmpty() || given.getFirst().isBlank()) {
            return null;
        }
        String text = given.getFirst();
        return AdminDate.parse(text)
                .orElseThrow(() -> new BadDate(
                        option,
                        "'" + text + "' is not a date (use 2026-03-01,"
                                + " 2026-03-01 09:00, 3/1/2026 9:00 PM or 2026-03-01T09:00:00+01:00)"));
    }

    private static final class BadDate extends Exception {
        private final String option;

        BadDate(String option, String message) {
            super(message);
            this.option = option;
        }
    }
}

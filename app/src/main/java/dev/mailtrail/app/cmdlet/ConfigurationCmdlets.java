package dev.mailtrail.app.cmdlet;

import dev.mailtrail.app.admin.MailboxAuditView;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.cmdlet.CmdletArguments;
import dev.mailtrail.core.cmdlet.CmdletException;
import dev.mailtrail.core.cmdlet.CmdletLine;
import dev.mailtrail.core.cmdlet.CmdletParser;
import dev.mailtrail.core.cmdlet.CmdletSyntax;
import dev.mailtrail.core.cmdlet.CmdletSyntaxException;
import dev.mailtrail.core.config.AuditConfiguration;
import dev.mailtrail.core.config.MailboxAuditConfig;
import dev.mailtrail.core.config.OrganizationConfig;
import dev.mailtrail.core.event.CmdletInvocation;
import dev.mailtrail.core.event.Session;
import dev.mailtrail.core.generate.Acceptance;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * The configuration cmdlets. {@code Set-*} lines go through the journal into the audit core like any event, so the
 * change is durable, replayed on every start and recorded as an admin record; {@code Get-*} read the configuration
 * the journal rebuilt.
 */
final class ConfigurationCmdlets {
    static final Session COMMAND_LINE = new Session(null, "127.0.0.1", "Client=mt", null);

    private ConfigurationCmdlets() {}

    /** Runs a changing cmdlet line; prints Exchange's error and returns 1 when it is refused. */
    static int set(String line, CmdletContext context) throws IOException {
        Acceptance acceptance = context.pipelines()
                .use(
                        name(line),
                        pipeline -> await(pipeline.apply(new CmdletInvocation(
                                context.clock().instant(), context.actor(), line, context.session()))));
        if (!acceptance.cmdlet().succeeded()) {
            context.err().println(acceptance.cmdlet().error());
            return 1;
        }
        return 0;
    }

    static int getMailbox(String line, CmdletContext context) throws IOException {
        CmdletArguments arguments = arguments(line, ReadingCmdletSyntax.GET_MAILBOX, context);
        if (arguments == null) {
            return 1;
        }
        String identity = arguments.textOf("Identity");
        String shown = inspect(context, "Get-Mailbox", configuration -> {
            OrganizationConfig organization = configuration.organization();
            if (!identity.isEmpty()) {
                return configuration.knows(identity)
                        ? MailboxAuditView.formatList(configuration.mailbox(identity), organization.baseline())
                        : null;
            }
            List<MailboxAuditConfig> all = new ArrayList<>(configuration.mailboxes());
            all.sort(Comparator.comparing(MailboxAuditConfig::identity));
            return all.stream()
                    .map(mailbox -> MailboxAuditView.formatList(mailbox, organization.baseline()))
                    .collect(Collectors.joining(System.lineSeparator()));
        });
        if (shown == null) {
            context.err()
                    .println("The operation couldn't be performed because object '" + identity
                            + "' couldn't be found on '" + OrganizationConfig.DEFAULT_NAME + "'.");
            return 1;
        }
        context.out().print(shown);
        return 0;
    }

    static int getOrganizationConfig(String line, CmdletContext context) throws IOException {
        if (arguments(line, ReadingCmdletSyntax.GET_ORGANIZATION_CONFIG, context) == null) {
            return 1;
        }
        OrganizationConfig organization = inspect(context, "Get-OrganizationConfig", AuditConfiguration::organization);
        context.out()
                .print(property("Name", organization.organizationName())
                        + property("AuditDisabled", organization.auditDisabled() ? "True" : "False")
                        + property("AuditBaseline", organization.baseline().label())
                        + property(
                                "MailItemsAccessedThrottling",
                                organization.throttling().label())
                        + property(
                                "UnifiedAuditLogExcludedActions",
                                organization.keptOutOfUnifiedLog().stream()
                                        .map(MailboxAction::exchangeName)
                                        .sorted()
                                        .collect(Collectors.joining(", ", "{", "}"))));
        return 0;
    }

    static int getMailboxAuditBypassAssociation(String line, CmdletContext context) throws IOException {
        CmdletArguments arguments = arguments(line, ReadingCmdletSyntax.GET_MAILBOX_AUDIT_BYPASS_ASSOCIATION, context);
        if (arguments == null) {
            return 1;
        }
        String identity = arguments.textOf("Identity");
        String shown = inspect(context, "Get-MailboxAuditBypassAssociation", configuration -> {
            List<String> accounts = identity.isEmpty()
                    ? configuration.bypassedAccounts().stream().sorted().toList()
                    : List.of(identity);
            return accounts.stream()
                    .map(account -> property("Identity", account)
                            + property("AuditBypassEnabled", configuration.bypassed(account) ? "True" : "False"))
                    .collect(Collectors.joining(System.lineSeparator()));
        });
        context.out().print(shown);
        return 0;
    }

    private static CmdletArguments arguments(String line, CmdletSyntax syntax, CmdletContext context) {
        try {
            CmdletLine parsed = CmdletParser.parse(line);
            return new CmdletArguments(parsed, syntax);
        } catch (CmdletSyntaxException | CmdletException e) {
            context.err().println(e.getMessage());
            return null;
        }
    }

    private static <T> T inspect(
            CmdletContext context, String purpose, java.util.function.Function<AuditConfiguration, T> question)
            throws IOException {
        return context.pipelines()
                .use(purpose, pipeline -> await(pipeline.inspect(core -> question.apply(core.configuration()))));
    }

    private static String name(String line) {
        return line.contains(" ") ? line.substring(0, line.indexOf(' ')) : line;
    }

    static String property(String name, String value) {
        return "%-30s : %s%n".formatted(name, value);
    }

    private static <T> T await(java.util.concurrent.CompletableFuture<T> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        }
    }
}

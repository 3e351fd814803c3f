package dev.mailtrail.app.cmdlet;

import dev.mailtrail.app.data.DataDirectory;
import dev.mailtrail.app.pipeline.AuditPipeline;
import dev.mailtrail.app.pipeline.DataDirectoryInUseException;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The cmdlets {@code mt} takes as subcommands, by Exchange's names (any case, as PowerShell matches them). Their
 * parameters are PowerShell's, so they bypass the option parser: the words after the name are joined back into
 * the cmdlet line.
 */
public final class CmdletCommands {
    @FunctionalInterface
    private interface Cmdlet {
        int run(String line, CmdletContext context) throws IOException;
    }

    private static final Map<String, Cmdlet> TABLE = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    static {
        for (String changing : List.of(
                "Set-Mailbox", "Set-OrganizationConfig", "Set-MailboxAuditBypassAssociation", "New-UnifiedGroup")) {
            TABLE.put(changing, ConfigurationCmdlets::set);
        }
        TABLE.put("Get-Mailbox", ConfigurationCmdlets::getMailbox);
        TABLE.put("Get-OrganizationConfig", ConfigurationCmdlets::getOrganizationConfig);
        TABLE.put("Get-MailboxAuditBypassAssociation", ConfigurationCmdlets::getMailboxAuditBypassAssociation);
        TABLE.put("Search-UnifiedAuditLog", SearchCmdlets::searchUnifiedAuditLog);
        TABLE.put("Search-MailboxAuditLog", SearchCmdlets::searchMailboxAuditLog);
    }

    private CmdletCommands() {}

    /** Runs a cmdlet line on a pipeline this process holds (a cmdlet sent by another process, or through the API). */
    public static int runOn(
            AuditPipeline pipeline,
            String name,
            String line,
            String actor,
            Clock clock,
            PrintStream out,
            PrintStream err) {
        return runOn(pipeline, name, line, actor, ConfigurationCmdlets.COMMAND_LINE, clock, out, err);
    }

    /**
     * As {@link #runOn(AuditPipeline, String, String, String, Clock, PrintStream, PrintStream)}, for a cmdlet that
     * came from {@code session} (the API's caller): its admin record names that ClientIP and client.
     */
    public static int runOn(
            AuditPipeline pipeline,
            String name,
            String line,
            String actor,
            dev.mailtrail.core.event.Session session,
            Clock clock,
            PrintStream out,
            PrintStream err) {
        Cmdlet cmdlet = TABLE.get(name);
        if (cmdlet == null) {
            err.println("mt: unknown cmdlet " + name);
            return 2;
        }
        CmdletContext context = new CmdletContext(
                pipeline.directory(), clock, actor, out, err, PipelineAccess.running(pipeline), session);
        try {
            return cmdlet.run(line, context);
        } catch (IOException | RuntimeException e) {
            err.println("mt " + name + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        }
    }

    /** The cmdlet names, as Exchange spells them. */
    public static List<String> names() {
        return List.copyOf(TABLE.keySet());
    }

    /** Runs {@code args} if its first word names a cmdlet; empty otherwise. */
    public static Optional<Integer> run(
            String[] args, Map<String, String> environment, Clock clock, PrintStream out, PrintStream err) {
        if (args.length == 0 || !TABLE.containsKey(args[0])) {
            return Optional.empty();
        }
        String name = TABLE.keySet().stream()
                .filter(known -> known.equalsIgnoreCase(args[0]))
                .findFirst()
                .orElseThrow();
        DataDirectory data;
        try {
            data = DataDirectory.from(Arrays.copyOfRange(args, 1, args.length), environment);
        } catch (IllegalArgumentException e) {
            err.println("mt " + name + ": " + e.getMessage());
            return Optional.of(2);
        }
        String line = CmdletCommandLine.join(name, data.remaining());
        String actor = CmdletContext.operatingSystemUser();
        CmdletContext context =
                new CmdletContext(data.path(), clock, actor, out, err, PipelineAccess.opening(data.path(), clock));
        try {
            return Optional.of(TABLE.get(name).run(line, context));
        } catch (DataDirectoryInUseException e) {
            Optional<Integer> forwarded = CmdletChannel.forward(data.path(), name, line, actor, out, err);
            if (forwarded.isPresent()) {
                return forwarded;
            }
            err.println("mt " + name + ": " + e.getMessage());
            return Optional.of(1);
        } catch (IOException | RuntimeException e) {
            err.println("mt " + name + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return Optional.of(1);
        }
    }
}

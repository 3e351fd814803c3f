package dev.mailtrail.app.cmdlet;

import dev.mailtrail.app.cluster.ClusterPointer;
import dev.mailtrail.app.data.DataDirectory;
import dev.mailtrail.app.pipeline.AuditBackend;
import dev.mailtrail.app.pipeline.DataDirectoryInUseException;
import dev.mailtrail.core.cmdlet.AuditCmdlets;
import dev.mailtrail.core.cmdlet.CmdletSyntax;
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
        TABLE.put(OpenAggregations.NAME, OpenAggregations::getMailTrailAggregationWindow);
    }

    private CmdletCommands() {}

    /** The parameter table of a cmdlet {@code mt} runs: the one its lines are bound against. */
    static CmdletSyntax syntax(String name) {
        return switch (name) {
            case "Get-Mailbox" -> ReadingCmdletSyntax.GET_MAILBOX;
            case "Get-OrganizationConfig" -> ReadingCmdletSyntax.GET_ORGANIZATION_CONFIG;
            case "Get-MailboxAuditBypassAssociation" -> ReadingCmdletSyntax.GET_MAILBOX_AUDIT_BYPASS_ASSOCIATION;
            case "Search-UnifiedAuditLog" -> ReadingCmdletSyntax.SEARCH_UNIFIED_AUDIT_LOG;
            case "Search-MailboxAuditLog" -> ReadingCmdletSyntax.SEARCH_MAILBOX_AUDIT_LOG;
            case OpenAggregations.NAME -> OpenAggregations.SYNTAX;
            default -> AuditCmdlets.syntax(name).orElseThrow(() -> new IllegalArgumentException("no cmdlet " + name));
        };
    }

    /**
     * Prints the help of the cmdlet {@code name} (any case), as Get-Help shows it; false when {@code mt} has no
     * such cmdlet.
     */
    public static boolean help(String name, PrintStream out) {
        Optional<String> known = canonical(name);
        known.ifPresent(cmdlet -> out.print(CmdletHelp.of(syntax(cmdlet))));
        out.flush();
        return known.isPresent();
    }

    /** One line per cmdlet, name and synopsis, for the list of commands. */
    public static List<String> helpList() {
        return CmdletHelp.list(
                TABLE.keySet().stream().map(CmdletCommands::syntax).toList());
    }

    private static boolean holdsOtherThings(java.nio.file.Path directory) {
        if (!java.nio.file.Files.isDirectory(directory)
                || java.nio.file.Files.isDirectory(directory.resolve(dev.mailtrail.app.pipeline.AuditPipeline.JOURNAL))
                || java.nio.file.Files.exists(directory.resolve(ClusterPointer.FILE))) {
            return false;
        }
        try (var entries = java.nio.file.Files.list(directory)) {
            return entries.findAny().isPresent();
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean pointsToCluster(java.nio.file.Path directory) {
        return java.nio.file.Files.exists(directory.resolve(ClusterPointer.FILE));
    }

    private static boolean onlyReads(String name) {
        return name.startsWith("Get-") || name.startsWith("Search-");
    }

    private static Optional<String> canonical(String name) {
        return TABLE.keySet().stream()
                .filter(known -> known.equalsIgnoreCase(name))
                .findFirst();
    }

    /** {@code --help} or {@code -?} anywhere on a cmdlet's line asks for its help, as {@code -?} does in PowerShell. */
    private static boolean asksForHelp(String[] args) {
        return Arrays.stream(args).skip(1).anyMatch(word -> word.equals("--help") || word.equals("-?"));
    }

    /** Runs a cmdlet line on a pipeline this process holds (a cmdlet sent by another process, or through the API). */
    public static int runOn(
            AuditBackend pipeline,
            String name,
            String line,
            String actor,
            Clock clock,
            PrintStream out,
            PrintStream err) {
        return runOn(pipeline, name, line, actor, ConfigurationCmdlets.COMMAND_LINE, clock, out, err);
    }

    /**
     * As {@link #runOn(AuditBackend, String, String, String, Clock, PrintStream, PrintStream)}, for a cmdlet that
     * came from {@code session} (the API's caller): its admin record names that ClientIP and client.
     */
    public static int runOn(
            AuditBackend pipeline,
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
            err.println("mt " + name + ": " + dev.mailtrail.app.files.FileFailure.describe(e));
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
        if (args.length > 0 && !TABLE.containsKey(args[0]) && args[0].matches("[A-Za-z]+-[A-Za-z]+")) {
            err.println("mt: no cmdlet '" + args[0] + "'; mt help lists the commands and cmdlets.");
            return Optional.of(2);
        }
        if (args.length == 0 || !TABLE.containsKey(args[0])) {
            return Optional.empty();
        }
        String name = canonical(args[0]).orElseThrow();
        if (asksForHelp(args)) {
            help(name, out);
            return Optional.of(0);
        }
        DataDirectory data;
        try {
            data = DataDirectory.from(Arrays.copyOfRange(args, 1, args.length), environment);
        } catch (IllegalArgumentException e) {
            err.println("mt " + name + ": " + e.getMessage());
            return Optional.of(2);
        }
        if (onlyReads(name) && !java.nio.file.Files.isDirectory(data.path())) {
            // a misspelt --data must not read as "nothing recorded", nor leave a new data directory behind
            err.println("mt " + name + ": " + data.path() + ": no such data directory");
            return Optional.of(1);
        }
        if (holdsOtherThings(data.path())) {
            // a --data pointing at some other directory (/etc, a home) must not become a data directory
            err.println("mt " + name + ": " + data.path() + ": not a MailTrail data directory (it holds other files"
                    + " and no journal/)");
            return Optional.of(1);
        }
        String line = CmdletCommandLine.join(name, data.remaining());
        String actor = CmdletContext.operatingSystemUser();
        if (!name.startsWith("Search-") && pointsToCluster(data.path())) {
            // the cluster's configuration is in its cores, reached through the process that runs on the directory
            Optional<Integer> forwarded = CmdletChannel.forward(data.path(), name, line, actor, out, err);
            if (forwarded.isEmpty()) {
                err.println("mt " + name + ": " + data.path() + " belongs to a cluster (" + ClusterPointer.FILE
                        + ") and no process runs on it: start mt serve --data " + data.path()
                        + " (or mt demo --cluster) and run the cmdlet again");
                return Optional.of(1);
            }
            return forwarded;
        }
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
            err.println("mt " + name + ": " + dev.mailtrail.app.files.FileFailure.describe(e));
            return Optional.of(1);
        }
    }
}

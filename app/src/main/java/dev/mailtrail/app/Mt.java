package dev.mailtrail.app;

import dev.mailtrail.app.cmdlet.CmdletCommands;
import dev.mailtrail.app.ingest.IngestCommand;
import dev.mailtrail.app.investigate.ImportCommand;
import dev.mailtrail.app.investigate.ScopeCommand;
import dev.mailtrail.app.replay.ReplayCommand;
import dev.mailtrail.app.verify.VerifyCommand;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code mt}: MailTrail's command line. */
@Command(
        name = "mt",
        mixinStandardHelpOptions = true,
        version = "MailTrail 0.1.0",
        description = {
            "MailTrail brings Exchange Online's mailbox auditing (MailItemsAccessed: who read which message,"
                    + " how, from where) to mail servers that are not Exchange.",
            ""
        },
        footer = {
            "",
            "Exchange's cmdlets, with their parameters as in Exchange Online PowerShell",
            "(mt help CMDLET, mt CMDLET -?, or --help shows each one's syntax and parameters):",
            "%s",
            "For example:",
            "  mt Set-Mailbox -Identity alice@contoso.com -AuditOwner '@{Add=\"MailboxLogin\"}'",
            "  mt Search-UnifiedAuditLog -StartDate 2026-03-01 -EndDate 2026-03-03",
            "",
            "The HTTPS API (mt serve with an [api] section, mt demo on https://localhost:8443):",
            "  mt account add NAME --role \"Audit Logs\" [--scope MAILBOX,…]   (password asked, not given)",
            "  mt token add NAME --role Sensor                                 (prints the token once)",
            "",
            "Every command that touches stored data takes --data DIR anywhere on its line;",
            "default: $MAILTRAIL_DATA, else $XDG_DATA_HOME/mailtrail, else",
            "~/.local/share/mailtrail."
        },
        subcommands = {
            ReplayCommand.class,
            IngestCommand.class,
            VerifyCommand.class,
            ImportCommand.class,
            ScopeCommand.class,
            dev.mailtrail.app.serve.ServeCommand.class,
            dev.mailtrail.app.demo.DemoCommand.class,
            dev.mailtrail.app.api.cli.AccountCommand.class,
            dev.mailtrail.app.api.cli.TokenCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Mt {
    static {
        // one line per log record, time first, as a service's log is read (journalctl, a file)
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tL%1$tz %4$s %5$s%6$s%n");
        }
    }

    /** Lucene says through java.util.logging that it runs without the incubating vector module: true, harmless. */
    private static final java.util.logging.Logger LUCENE_LOG = java.util.logging.Logger.getLogger("org.apache.lucene");

    private Mt() {}

    public static void main(String[] args) {
        LUCENE_LOG.setLevel(java.util.logging.Level.SEVERE);
        dev.mailtrail.app.logging.LogLineFormatter.install();
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one {@code mt} command line; returns its exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, System.getenv(), Clock.systemUTC(), out, err);
    }

    /** Runs one {@code mt} command line with the given environment and clock; returns its exit code. */
    public static int run(
            String[] args, Map<String, String> environment, Clock clock, PrintStream out, PrintStream err) {
        Optional<Integer> help = cmdletHelp(args, out, err);
        if (help.isPresent()) {
            return help.get();
        }
        Optional<Integer> cmdlet = CmdletCommands.run(args, environment, clock, out, err);
        if (cmdlet.isPresent()) {
            return cmdlet.get();
        }
        CommandLine commandLine = new CommandLine(new Mt());
        commandLine.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        commandLine.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler(new UnexpectedFailure(environment));
        var usage = commandLine.getCommandSpec().usageMessage();
        List<String> footer = new java.util.ArrayList<>(List.of(usage.footer()));
        footer.set(footer.indexOf("%s"), String.join("%n", CmdletCommands.helpList()));
        usage.footer(footer.toArray(String[]::new));
        return commandLine.execute(args);
    }

    /**
     * {@code mt help CMDLET} and {@code mt Get-Help CMDLET}: the cmdlet's help, as Get-Help shows it; {@code mt
     * Get-Help} alone lists the commands as {@code mt help} does.
     */
    private static Optional<Integer> cmdletHelp(String[] args, PrintStream out, PrintStream err) {
        boolean getHelp = args.length > 0 && args[0].equalsIgnoreCase("Get-Help");
        if (args.length == 0 || !(args[0].equals("help") || getHelp)) {
            return Optional.empty();
        }
        if (args.length == 1) {
            return getHelp ? Optional.of(run(new String[] {"help"}, out, err)) : Optional.empty();
        }
        if (CmdletCommands.help(args[1], out)) {
            return Optional.of(0);
        }
        if (getHelp) {
            err.println("mt Get-Help: no cmdlet '" + args[1] + "'; mt help lists the commands and cmdlets.");
            return Optional.of(2);
        }
        return Optional.empty();
    }
}

package dev.mailtrail.app;

import dev.mailtrail.app.replay.ReplayCommand;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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
        subcommands = {ReplayCommand.class, dev.mailtrail.app.demo.DemoCommand.class, CommandLine.HelpCommand.class})
public final class Mt {
    private Mt() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one {@code mt} command line; returns its exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine commandLine = new CommandLine(new Mt());
        commandLine.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        commandLine.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine.execute(args);
    }
}

package dev.mailtrail.app.cmdlet;

import dev.mailtrail.core.action.MailAccessType;
import dev.mailtrail.core.cmdlet.CmdletArguments;
import dev.mailtrail.core.cmdlet.CmdletException;
import dev.mailtrail.core.cmdlet.CmdletParameter;
import dev.mailtrail.core.cmdlet.CmdletParser;
import dev.mailtrail.core.cmdlet.CmdletSyntax;
import dev.mailtrail.core.cmdlet.CmdletSyntaxException;
import dev.mailtrail.core.generate.OpenAggregation;
import dev.mailtrail.core.generate.RecordGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * The MailItemsAccessed windows still open, and {@code Get-MailTrailAggregationWindow}, which lists them. They live
 * only in the audit core of the process that holds the data directory (mt serve, demo, ingest): a cmdlet in another
 * process asks it over the data directory's cmdlet socket. With no process holding the directory none is open: the
 * last one to close it flushed them all (after a crash, the next open replays the journal and rebuilds them).
 */
final class OpenAggregations {
    static final String NAME = "Get-MailTrailAggregationWindow";
    static final CmdletSyntax SYNTAX = new CmdletSyntax(
            NAME,
            "Lists the MailItemsAccessed windows still open (MailTrail's own): their accesses are in no record until"
                    + " the window closes and its record is written.",
            "Identity",
            List.of(CmdletParameter.value("Identity", "MailboxIdParameter", "Only this mailbox's windows.")));

    private OpenAggregations() {}

    static int getMailTrailAggregationWindow(String line, CmdletContext context) throws IOException {
        String identity;
        try {
            identity = new CmdletArguments(CmdletParser.parse(line), SYNTAX).textOf("Identity");
        } catch (CmdletSyntaxException | CmdletException e) {
            context.err().println(e.getMessage());
            return 1;
        }
        for (OpenAggregation open : of(context)) {
            if (identity.isEmpty() || open.mailbox().equalsIgnoreCase(identity)) {
                context.out().print(format(open));
            }
        }
        return 0;
    }

    /** The windows open in the core that holds the data directory; none when no process holds it. */
    static List<OpenAggregation> of(CmdletContext context) throws IOException {
        if (context.pipelines().holdsPipeline()) {
            return context.pipelines().use(NAME, pipeline -> {
                try {
                    return pipeline.inspect(RecordGenerator::openAggregations).get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                } catch (ExecutionException e) {
                    throw new IOException(e.getCause().getMessage(), e.getCause());
                }
            });
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream text = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            var exit = CmdletChannel.forward(context.data(), NAME, NAME, context.actor(), text, text);
            if (exit.isEmpty() || exit.get() != 0) {
                return List.of();
            }
        }
        return parse(out.toString(StandardCharsets.UTF_8));
    }

    static String format(OpenAggregation open) {
        return ConfigurationCmdlets.property("Mailbox", open.mailbox())
                + ConfigurationCmdlets.property("UserId", open.actor())
                + ConfigurationCmdlets.property(
                        "MailAccessType", open.accessType().exchangeName())
                + ConfigurationCmdlets.property("OperationCount", Integer.toString(open.operations()))
                + ConfigurationCmdlets.property("StartTime", open.start().toString())
                + ConfigurationCmdlets.property("ClosesAt", open.closesAt().toString())
                + System.lineSeparator();
    }

    /** Reads back what {@link #format} wrote, one block per window. */
    static List<OpenAggregation> parse(String text) {
        List<OpenAggregation> windows = new ArrayList<>();
        Map<String, String> block = new HashMap<>();
        for (String line : (text + "\n\n").split("\\R", -1)) {
            int colon = line.indexOf(" : ");
            if (colon > 0) {
                block.put(line.substring(0, colon).strip(), line.substring(colon + 3));
            } else if (block.containsKey("ClosesAt")) {
                windows.add(new OpenAggregation(
                        block.get("Mailbox"),
                        block.get("UserId"),
                        MailAccessType.parse(block.get("MailAccessType")).orElse(MailAccessType.BIND),
                        Integer.parseInt(block.get("OperationCount")),
                        Instant.parse(block.get("StartTime")),
                        Instant.parse(block.get("ClosesAt"))));
                block.clear();
            }
        }
        return windows;
    }
}

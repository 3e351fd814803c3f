package dev.mailtrail.app.api.scale;

import dev.mailtrail.app.pipeline.AuditPipeline;
import dev.mailtrail.app.pipeline.PipelineOptions;
import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.event.AuditEvent;
import dev.mailtrail.core.event.FolderRef;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.core.event.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

/**
 * A data directory of {@code records} records made by the real pipeline (journal, audit core, both audit logs), one
 * record per event: sends and hard deletes, which the core never folds together, spread over 50 mailboxes. Record
 * {@code i} happens at {@code start + 10 ms × i} and names the message {@code <mt-scale-i@contoso.com>} (nine
 * digits), so an export read newest first must name the messages from {@code records - 1} down to 0, each once.
 */
record ScaleFixture(Path data, int records, Instant start, long buildMillis) {
    static final String MESSAGE_PREFIX = "mt-scale-";
    static final long GAP_MILLIS = 10;
    private static final int MAILBOXES = 50;
    private static final int BATCH = 2_000;
    private static final String KEPT = "scale-fixture.properties";

    /**
     * The fixture kept under {@code keep} by an earlier run of the same size, or a new one built there: a bench at a
     * million records builds it once and serves it again (serving adds only the API's own audit records, of other
     * operations than the fixture's).
     */
    static ScaleFixture keptOrBuilt(Path keep, int records, Instant now) throws IOException, InterruptedException {
        Path data = keep.resolve("data");
        Path kept = keep.resolve(KEPT);
        if (Files.exists(kept)) {
            Properties properties = new Properties();
            try (var in = Files.newBufferedReader(kept)) {
                properties.load(in);
            }
            if (Integer.parseInt(properties.getProperty("records")) == records) {
                return new ScaleFixture(data, records, Instant.parse(properties.getProperty("start")), 0);
            }
        }
        if (Files.exists(keep)) {
            throw new IOException(
                    keep + " holds another or an unfinished fixture: remove it, or name another directory");
        }
        ScaleFixture built = build(data, records, now);
        Files.writeString(kept, "records=" + records + "\nstart=" + built.start() + "\n");
        return built;
    }

    /** Builds the directory; the records fall in the day before {@code now}, inside every retention period. */
    static ScaleFixture build(Path data, int records, Instant now) throws IOException, InterruptedException {
        Instant start = now.minusMillis(GAP_MILLIS * records).minusSeconds(3_600);
        long began = System.nanoTime();
        try (AuditPipeline pipeline =
                AuditPipeline.open(data, Clock.systemUTC(), PipelineOptions.defaults(), "fixture")) {
            CompletableFuture<Long> last = CompletableFuture.completedFuture(0L);
            List<AuditEvent> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < records; i++) {
                batch.add(event(start, i));
                if (batch.size() == BATCH) {
                    last = pipeline.submitAll(batch);
                    batch = new ArrayList<>(BATCH);
                }
            }
            if (!batch.isEmpty()) {
                last = pipeline.submitAll(batch);
            }
            last.join();
        }
        return new ScaleFixture(data, records, start, (System.nanoTime() - began) / 1_000_000);
    }

    static String messageId(int i) {
        return "<%s%09d@contoso.com>".formatted(MESSAGE_PREFIX, i);
    }

    /** Where record {@code i} happened. */
    Instant time(int i) {
        return start.plusMillis(GAP_MILLIS * i);
    }

    private static AuditEvent event(Instant start, int i) {
        String mailbox = "user%02d@contoso.com".formatted(i % MAILBOXES);
        boolean send = i % 4 != 3;
        return new MailboxAccess(
                start.plusMillis(GAP_MILLIS * i),
                mailbox,
                mailbox,
                LogonType.OWNER,
                send ? MailboxAction.SEND : MailboxAction.HARD_DELETE,
                null,
                new Session("s-" + (i / 1_000), "192.0.2." + (1 + i % 200), "Client=IMAP4", null),
                new FolderRef(mailbox + "/\\Inbox", "\\Inbox"),
                null,
                List.of(new ItemRef(messageId(i), null, 2_048L + i % 1_000, "Quarterly report " + i)),
                null,
                null);
    }
}

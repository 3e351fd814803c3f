package dev.mailtrail.app.pipeline;

import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.event.AuditEvent;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.core.event.Session;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Submits numbered Send events to a data directory's pipeline until it is killed, saying on standard output what
 * it is about to submit and what was acknowledged: {@code submitting FIRST LAST}, then {@code acked LAST}.
 */
public final class PipelineCrashWriter {
    /** Recent, so that no retention pass (which counts from the wall clock) purges what the test checks. */
    private static final Instant START = Instant.now().minus(java.time.Duration.ofDays(1));

    private PipelineCrashWriter() {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        long next = Long.parseLong(args[1]);
        SplittableRandom random = new SplittableRandom(next);
        try (AuditPipeline pipeline = AuditPipeline.open(data, Clock.systemUTC(), options(), "crash")) {
            while (true) {
                int size = 1 + random.nextInt(200);
                List<AuditEvent> group = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    group.add(send(next + i));
                }
                System.out.println("submitting " + next + " " + (next + size - 1));
                System.out.flush();
                pipeline.submitAll(group).get();
                System.out.println("acked " + (next + size - 1));
                System.out.flush();
                next += size;
            }
        }
    }

    /** A snapshot at most commits, so that kills land in snapshot writes and restarts replay from snapshots. */
    static PipelineOptions options() {
        return PipelineOptions.defaults()
                .withSnapshots(SnapshotPolicy.defaults().withEntries(200).withSegmentBytes(256 * 1024));
    }

    static MailboxAccess send(long n) {
        return new MailboxAccess(
                START.plusMillis(n * 10),
                "alice@contoso.com",
                "alice@contoso.com",
                LogonType.OWNER,
                MailboxAction.SEND,
                null,
                new Session("crash", "192.0.2.1", null, null),
                null,
                null,
                List.of(new ItemRef("<crash-" + n + "@contoso.com>", null, 100L, "n" + n)),
                null,
                List.of());
    }
}

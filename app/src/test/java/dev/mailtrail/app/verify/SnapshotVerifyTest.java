package dev.mailtrail.app.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.app.pipeline.AuditPipeline;
import dev.mailtrail.app.pipeline.PipelineOptions;
import dev.mailtrail.app.pipeline.SnapshotPolicy;
import dev.mailtrail.app.pipeline.snapshot.CoreSnapshots;
import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.action.MailAccessType;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.event.AuditEvent;
import dev.mailtrail.core.event.FolderRef;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.core.event.Session;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mt verify} on a data directory whose journal was trimmed: snapshots checked, records cross-checked. */
class SnapshotVerifyTest {
    private static final List<String> STORES = List.of("mailbox-audit-log", "unified-audit-log");
    private static final Instant START = Instant.parse("2026-03-03T08:00:00Z");

    @TempDir
    Path data;

    @Test
    void aTrimmedJournalIsCrossCheckedFromTheOldestSnapshotItFollowsOnFrom() throws Exception {
        fill();
        assertThat(Files.readString(data.resolve("journal").resolve("first-sequence"))
                        .strip())
                .isNotEqualTo("1");
        String report = run(SnapshotCheck::check, JournalCrossCheck::check, RecordCrossCheck::check);
        assertThat(report)
                .contains("snapshots: intact")
                .containsPattern("journal: intact — \\d+ events in \\d+ segments read back, sequence numbers"
                        + " contiguous from \\d+ \\(the segments before it were deleted")
                .containsPattern("unified-audit-log: records match the journal — (\\d+) made by replaying it, \\d+"
                        + " stored; replayed from snapshot snapshot-\\d+\\.json \\(the journal before it was"
                        + " deleted\\), \\d+ stored records from before it not checked")
                .doesNotContain("DIFFER")
                .doesNotContain("DAMAGED");
    }

    @Test
    void aDamagedSnapshotIsNamed() throws Exception {
        fill();
        Path newest = new CoreSnapshots(data, 1).files().getFirst();
        byte[] bytes = Files.readAllBytes(newest);
        bytes[10] ^= 1;
        Files.write(newest, bytes);
        StringWriter out = new StringWriter();
        boolean intact = SnapshotCheck.check(data, STORES, new PrintWriter(out, true));
        assertThat(intact).isFalse();
        assertThat(out.toString())
                .contains("snapshots: DAMAGED")
                .contains(newest + ": checksum mismatch")
                .contains("opening falls back to the snapshot before it");
    }

    private interface Check {
        boolean check(Path directory, List<String> stores, PrintWriter out);
    }

    private String run(Check... checks) {
        StringWriter out = new StringWriter();
        PrintWriter writer = new PrintWriter(out, true);
        boolean intact = true;
        for (Check check : checks) {
            intact &= check.check(data, STORES, writer);
        }
        assertThat(intact).as(out.toString()).isTrue();
        return out.toString();
    }

    /** A few thousand reads with a snapshot at every commit, 64 KiB segments and a tail of two. */
    private void fill() throws Exception {
        PipelineOptions options = PipelineOptions.defaults()
                .withSnapshots(SnapshotPolicy.defaults()
                        .withEntries(1)
                        .withSegmentBytes(64 * 1024)
                        .withJournalTailBytes(128 * 1024));
        Clock clock = Clock.fixed(Instant.parse("2026-03-04T00:00:00Z"), ZoneOffset.UTC);
        try (AuditPipeline pipeline = AuditPipeline.open(data, clock, options, "test")) {
            for (int group = 0; group < 10; group++) {
                List<AuditEvent> events = new ArrayList<>();
                for (int i = 0; i < 400; i++) {
                    events.add(read(group * 400 + i));
                }
                pipeline.submitAll(events).get();
                pipeline.commit();
            }
        }
    }

    private static MailboxAccess read(int n) {
        String mailbox = "user" + (n % 7) + "@contoso.com";
        return new MailboxAccess(
                START.plusSeconds(n * 5L),
                mailbox,
                mailbox,
                LogonType.OWNER,
                MailboxAction.MAIL_ITEMS_ACCESSED,
                MailAccessType.BIND,
                new Session("s" + (n % 3), "192.0.2.1", "Client=IMAP4", null),
                new FolderRef("inbox", "\\Inbox"),
                null,
                List.of(new ItemRef("<m" + (n % 97) + "@contoso.com>", null, 100L, "subject")),
                null,
                null);
    }
}

package dev.mailtrail.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.event.AccessIntent;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.core.event.ResultStatus;
import dev.mailtrail.core.event.Session;
import dev.mailtrail.store.journal.EventJournal;
import dev.mailtrail.store.log.AuditLogSearch;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal that ends with a send's intent open — the process was killed after the message's end went to the server
 * and before its reply was journaled (docs/decisions/0011) — opens into the Send the intent announced, flagged
 * {@code MailTrailIntent} and named by the intent itself (no server is asked); a send whose access was journaled
 * before the kill is recorded once, by that access.
 */
class SendIntentRecoveryTest {
    private static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");
    private static final Session SESSION = new Session("s-9", "198.51.100.7", "Client=SMTP; helo=laptop", null);

    @TempDir
    Path data;

    @Test
    void aSendIntentLeftOpenIsTheSendItAnnouncedFlaggedAndNamedByItself() throws Exception {
        AccessIntent lost = new AccessIntent(
                "s-9/1", send(NOW.minusSeconds(5), new ItemRef("<lost@mailtrail.test>", null, 2048L, "Wire today")));
        AccessIntent unnamed = new AccessIntent(
                "s-9/2", send(NOW.minusSeconds(4), new ItemRef(null, "submission;session=s-9;n=2", 512L, null)));
        AccessIntent answered = new AccessIntent(
                "s-9/3", send(NOW.minusSeconds(3), new ItemRef("<sent@mailtrail.test>", null, 100L, "Done")));
        try (EventJournal journal = EventJournal.open(data.resolve(AuditPipeline.JOURNAL))) {
            journal.appendAll(PipelineEntry.encodeAll(List.of(
                            new PipelineEntry.Event(lost),
                            new PipelineEntry.Event(unnamed),
                            new PipelineEntry.Event(answered),
                            new PipelineEntry.Event(send(
                                    NOW.minusSeconds(2),
                                    answered.access().items().getFirst())))))
                    .get();
        }
        IntentNamer noServer = items -> {
            throw new AssertionError("a send's intent names its message itself: " + items);
        };
        List<String> records;
        try (AuditPipeline pipeline = AuditPipeline.open(
                data, new MutableClock(NOW), PipelineOptions.defaults(), "test", null, false, noServer)) {
            assertThat(pipeline.inspect(g -> g.pendingIntents().size()).get()).isZero();
            records = records(pipeline.mailboxLog());
        }
        assertThat(records).hasSize(3).allSatisfy(r -> assertThat(r).contains("\"Operation\":\"Send\""));
        assertThat(records.stream().filter(r -> r.contains("<lost@mailtrail.test>")))
                .singleElement()
                .satisfies(r -> assertThat(r)
                        .contains("MailTrailIntent")
                        .contains("Wire today")
                        .contains("2048"));
        assertThat(records.stream().filter(r -> r.contains("submission;session=s-9;n=2")))
                .singleElement()
                .satisfies(r -> assertThat(r).contains("MailTrailIntent"));
        assertThat(records.stream().filter(r -> r.contains("<sent@mailtrail.test>")))
                .singleElement()
                .satisfies(r -> assertThat(r).doesNotContain("MailTrailIntent"));
    }

    private static MailboxAccess send(Instant at, ItemRef item) {
        return new MailboxAccess(
                at,
                "alice",
                "alice",
                LogonType.OWNER,
                MailboxAction.SEND,
                null,
                SESSION,
                null,
                null,
                List.of(item),
                ResultStatus.SUCCEEDED,
                List.of());
    }

    private static List<String> records(AuditLogSearch log) throws Exception {
        List<String> records = new ArrayList<>();
        log.export(found -> records.add(found.auditData()));
        return records;
    }
}

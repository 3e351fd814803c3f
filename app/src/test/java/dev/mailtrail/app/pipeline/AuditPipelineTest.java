package dev.mailtrail.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.event.AuditEvent;
import dev.mailtrail.core.event.CmdletInvocation;
import dev.mailtrail.core.event.Session;
import dev.mailtrail.core.generate.Acceptance;
import dev.mailtrail.format.event.AccessEventReader;
import dev.mailtrail.store.log.AuditLogSearch;
import dev.mailtrail.store.log.RecordQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditPipelineTest {
    private static final Instant NOW = Instant.parse("2026-03-03T12:00:00Z");
    private static final RecordQuery EVERYTHING =
            RecordQuery.between(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));

    @TempDir
    Path data;

    private final MutableClock clock = new MutableClock(NOW);

    @Test
    void theStoriesRecordsAreStoredOnceAcrossReopeningAndReplay() throws Exception {
        List<AuditEvent> story = story();
        List<String> firstIds;
        try (AuditPipeline pipeline = open()) {
            pipeline.submitAll(story).get();
            pipeline.close();
        }
        try (AuditPipeline pipeline = open()) {
            assertThat(pipeline.replayedEntries())
                    .as("a clean close leaves a snapshot: nothing to replay")
                    .isZero();
            firstIds = ids(pipeline.unifiedLog());
            assertThat(firstIds).hasSize(15).doesNotHaveDuplicates();
            assertThat(ids(pipeline.mailboxLog()))
                    .as("all but the three admin records")
                    .hasSize(12);
        }
        deleteSnapshots();
        try (AuditPipeline pipeline = open()) {
            assertThat(pipeline.replayedEntries())
                    .as("without snapshots the whole journal: the story, and a flush for each close")
                    .isEqualTo(story.size() + 2);
            assertThat(ids(pipeline.unifiedLog())).isEqualTo(firstIds);
            assertThat(pipeline.mailboxLog().verify().intact()).isTrue();
            assertThat(pipeline.unifiedLog().verify().intact()).isTrue();
        }
    }

    private void deleteSnapshots() throws java.io.IOException {
        try (var files = Files.list(data.resolve(dev.mailtrail.app.pipeline.snapshot.CoreSnapshots.DIRECTORY))) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
    }

    @Test
    void entriesReadBackFromTheJournalMakeTheSameRecordsAsEntriesHeldInMemory() throws Exception {
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            events.addAll(story());
        }
        PipelineOptions tiny = new PipelineOptions(
                Duration.ofSeconds(1), Duration.ofSeconds(10), 20_000, Duration.ofDays(180), Duration.ofDays(1), 3);
        Path held = data.resolve("held");
        Path readBack = data.resolve("read-back");
        try (AuditPipeline pipeline = AuditPipeline.open(held, clock, PipelineOptions.defaults(), "test")) {
            for (AuditEvent event : events) {
                pipeline.submit(event);
            }
        }
        try (AuditPipeline pipeline = AuditPipeline.open(readBack, clock, tiny, "test")) {
            for (int i = 0; i < events.size(); i += 7) {
                pipeline.submitAll(events.subList(i, Math.min(events.size(), i + 7)));
            }
            assertThat(pipeline.apply(
                                    cmdlet("Set-Mailbox -Identity bob@contoso.com -AuditOwner @{Add=\"MessageBind\"}"))
                            .get()
                            .cmdlet()
                            .succeeded())
                    .isFalse();
        }
        try (AuditPipeline one = AuditPipeline.open(held, clock, PipelineOptions.defaults(), "test");
                AuditPipeline other = AuditPipeline.open(readBack, clock, PipelineOptions.defaults(), "test")) {
            assertThat(auditData(other.unifiedLog()))
                    .startsWith(auditData(one.unifiedLog()).toArray(String[]::new));
            assertThat(auditData(other.mailboxLog())).isEqualTo(auditData(one.mailboxLog()));
        }
    }

    @Test
    void aJournalWhoseEventsAreJsonStillReplaysToTheSameRecords() throws Exception {
        List<AuditEvent> story = story();
        Path binary = data.resolve("binary");
        Path json = data.resolve("json");
        try (AuditPipeline pipeline = AuditPipeline.open(binary, clock, PipelineOptions.defaults(), "test")) {
            pipeline.submitAll(story).get();
        }
        // what journals held before events were journaled in binary: 'E' and the access-event JSON
        try (var journal = dev.mailtrail.store.journal.EventJournal.open(json.resolve(AuditPipeline.JOURNAL))) {
            journal.appendAll(new dev.mailtrail.format.event.AccessEventWriter()
                            .toBytes(story, new byte[] {PipelineEntry.EVENT}))
                    .get();
            journal.append(new byte[] {PipelineEntry.FLUSH, 0, 0, 0, 0, 0, 0, 0, 0})
                    .get();
        }
        try (AuditPipeline fromBinary = AuditPipeline.open(binary, clock, PipelineOptions.defaults(), "test");
                AuditPipeline fromJson = AuditPipeline.open(json, clock, PipelineOptions.defaults(), "test")) {
            assertThat(auditData(fromJson.mailboxLog())).hasSize(12).isEqualTo(auditData(fromBinary.mailboxLog()));
        }
    }

    @Test
    void configurationPersistsThroughTheJournalAndRefusedCmdletsSayWhy() throws Exception {
        try (AuditPipeline pipeline = open()) {
            Acceptance refused = pipeline.apply(
                            cmdlet("Set-Mailbox -Identity alice@contoso.com -AuditOwner @{Add=\"MessageBind\"}"))
                    .get();
            assertThat(refused.cmdlet().succeeded()).isFalse();
            assertThat(refused.cmdlet().error()).contains("MessageBind audit operation type is deprecated");
            Acceptance done = pipeline.apply(
                            cmdlet("Set-Mailbox -Identity alice@contoso.com -AuditOwner @{Add=\"MailboxLogin\"}"))
                    .get();
            assertThat(done.cmdlet().succeeded()).isTrue();
        }
        try (AuditPipeline pipeline = open()) {
            Set<MailboxAction> owner = pipeline.inspect(core -> core.configuration()
                            .mailbox("alice@contoso.com")
                            .actions(
                                    dev.mailtrail.core.action.LogonType.OWNER,
                                    core.configuration().organization().baseline()))
                    .get();
            assertThat(owner).contains(MailboxAction.MAILBOX_LOGIN);
            assertThat(pipeline.unifiedLog().count(EVERYTHING.withOperations(Set.of("Set-Mailbox"))))
                    .as("the refused change is recorded too, as failed")
                    .isEqualTo(2);
        }
    }

    @Test
    void anActionKeptOutOfTheUnifiedLogIsStillInTheMailboxLog() throws Exception {
        try (AuditPipeline pipeline = open()) {
            pipeline.apply(cmdlet("Set-OrganizationConfig -UnifiedAuditLogExcludedActions MailItemsAccessed"))
                    .get();
            pipeline.submitAll(story().subList(2, story().size())).get();
        }
        try (AuditPipeline pipeline = open()) {
            RecordQuery reads = EVERYTHING.withOperations(Set.of("MailItemsAccessed"));
            assertThat(pipeline.mailboxLog().count(reads)).isPositive();
            assertThat(pipeline.unifiedLog().count(reads)).isZero();
            assertThat(pipeline.unifiedLog().count(EVERYTHING.withOperations(Set.of("Send"))))
                    .isEqualTo(1);
        }
    }

    @Test
    void aJournalEntryThatCannotBeReadStopsTheOpenNamingItAndLeavesNoReaderBehind() throws Exception {
        List<AuditEvent> story = story();
        try (AuditPipeline pipeline = open()) {
            pipeline.submitAll(story).get();
        }
        long bad;
        try (var journal = dev.mailtrail.store.journal.EventJournal.open(data.resolve("journal"))) {
            bad = journal.append("E{\"time\": 5".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .get();
        }

        assertThatThrownBy(this::open)
                .isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("entry " + bad + " cannot be read");
        Thread.sleep(200);
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(thread -> thread.getName().equals("mailtrail-replay-decoder"));
        try (DataDirectoryLock lock = DataDirectoryLock.acquire(data, "test")) {
            assertThat(lock).as("the failed open gave the directory back").isNotNull();
        }
    }

    @Test
    void recordsAreCommittedOnTheClockWhileEntriesKeepArriving() throws Exception {
        try (AuditPipeline pipeline = open()) {
            pipeline.apply(cmdlet("Set-Mailbox -Identity alice@contoso.com -AuditOwner @{Add=\"MailboxLogin\"}"))
                    .get();
            assertThat(committedUnifiedRecords()).isZero();
            clock.advance(Duration.ofSeconds(2));
            // the next entries follow at once: the core never has an idle moment between them
            pipeline.apply(cmdlet("Set-Mailbox -Identity bob@contoso.com -AuditOwner @{Add=\"MailboxLogin\"}"));
            long committed = pipeline.inspect(core -> committedUnifiedRecords()).get();
            assertThat(committed)
                    .as("the first change, committed once the interval passed")
                    .isPositive();
        }
    }

    private long committedUnifiedRecords() {
        try (var log = dev.mailtrail.store.log.LuceneAuditLog.openForSearch(data.resolve(AuditLogs.UNIFIED_LOG))) {
            return log.count(EVERYTHING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void retentionPurgesByEachMailboxsAgeLimitOnTheInjectedClock() throws Exception {
        try (AuditPipeline pipeline = open()) {
            pipeline.submitAll(story()).get();
            pipeline.commit();
            long alice = pipeline.mailboxLog().count(EVERYTHING.withMailboxes(Set.of("alice@contoso.com")));

            clock.advance(Duration.ofDays(30));
            RetentionReport nothingYet = pipeline.runRetention();
            assertThat(nothingYet.mailboxRecords()).isZero();

            pipeline.apply(cmdlet("Set-Mailbox -Identity alice@contoso.com -AuditLogAgeLimit 00:00:00"))
                    .get();
            RetentionReport report = pipeline.runRetention();

            assertThat(report.mailboxRecords())
                    .as("also the window the clock closed since")
                    .isGreaterThanOrEqualTo(alice);
            assertThat(pipeline.mailboxLog().count(EVERYTHING.withMailboxes(Set.of("alice@contoso.com"))))
                    .isZero();
            assertThat(pipeline.mailboxLog().verify().intact()).isTrue();
            assertThat(pipeline.mailboxLog().verify().purged()).isEqualTo(1);
            assertThat(pipeline.unifiedLog().count(EVERYTHING)).isGreaterThan(alice);
        }
        java.io.StringWriter out = new java.io.StringWriter();
        int exit = new picocli.CommandLine(new dev.mailtrail.app.verify.VerifyCommand())
                .setOut(new java.io.PrintWriter(out))
                .execute("--data", data.toString());
        assertThat(out.toString())
                .as("the journal replayed tells the purge from a loss")
                .containsPattern("mailbox-audit-log: records match the journal — \\d+ made by replaying it, 0 stored,"
                        + " \\d+ purged by retention");
        assertThat(exit).as(out.toString()).isZero();
    }

    @Test
    void aSecondWriterIsToldWhoHoldsTheDirectory() throws Exception {
        try (AuditPipeline pipeline = open()) {
            assertThatThrownBy(() -> AuditPipeline.open(data, clock, PipelineOptions.defaults(), "ingest"))
                    .isInstanceOf(DataDirectoryInUseException.class)
                    .hasMessageContaining("pid " + ProcessHandle.current().pid() + ": mt test");
        }
    }

    private AuditPipeline open() throws Exception {
        return AuditPipeline.open(data, clock, PipelineOptions.defaults(), "test");
    }

    private static CmdletInvocation cmdlet(String line) {
        return new CmdletInvocation(NOW, "admin@contoso.com", line, Session.NONE);
    }

    private static List<AuditEvent> story() throws Exception {
        AccessEventReader reader = new AccessEventReader();
        List<AuditEvent> events = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("..", "examples", "bec-story.jsonl"))) {
            if (!line.isBlank()) {
                events.add(reader.read(line));
            }
        }
        return events;
    }

    /** The records without their Ids, which differ between data directories. */
    private static List<String> auditData(AuditLogSearch log) throws Exception {
        List<String> records = new ArrayList<>();
        log.export(found -> records.add(found.auditData().replace(found.id(), "")));
        return records;
    }

    private static List<String> ids(AuditLogSearch log) throws Exception {
        List<String> ids = new ArrayList<>();
        log.export(found -> ids.add(found.id()));
        return ids;
    }
}

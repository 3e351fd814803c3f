package dev.mailtrail.app.cmdlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.app.Mt;
import dev.mailtrail.app.pipeline.AuditPipeline;
import dev.mailtrail.app.pipeline.PipelineOptions;
import dev.mailtrail.app.process.MtRun;
import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.action.MailAccessType;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.event.FolderRef;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.core.event.Session;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search that finds nothing says why when it can: the mailbox's reads wait in an open aggregation window of the
 * process holding the directory, or retention purged the range asked for.
 */
class SearchNoticesTest {
    private static final Instant READ = Instant.parse("2026-03-02T09:00:00Z");
    private static final String ALICE = "alice@contoso.com";

    @TempDir
    Path data;

    @Test
    void readsInAnOpenWindowAreToldInsteadOfNoRecords() throws Exception {
        Clock clock = Clock.fixed(READ.plusSeconds(50), ZoneOffset.UTC);
        try (AuditPipeline pipeline = AuditPipeline.open(data, clock, PipelineOptions.defaults(), "mt serve");
                CmdletChannel channel = CmdletChannel.open(pipeline, clock)) {
            pipeline.submitAll(List.of(read("<a@contoso.com>"), read("<b@contoso.com>")))
                    .get();

            MtRun details = run(clock, "Search-MailboxAuditLog", "-Identity", ALICE, "-ShowDetails");
            MtRun unified = run(
                    clock,
                    "Search-UnifiedAuditLog",
                    "-StartDate",
                    "2026-03-02",
                    "-EndDate",
                    "2026-03-03",
                    "-Operations",
                    "MailItemsAccessed");
            MtRun listed = run(clock, "Get-MailTrailAggregationWindow", "-Identity", ALICE);

            String told = ALICE + " has 2 accesses in an aggregation window open until 2026-03-02T09:02:00Z (in 1 min"
                    + " 10 s); its MailItemsAccessed record is written when it closes.";
            assertThat(details.exit()).isZero();
            assertThat(details.err()).contains(told).doesNotContain("holds no records");
            assertThat(unified.err()).contains(told);
            assertThat(listed.out())
                    .contains(
                            "OperationCount                 : 2",
                            "ClosesAt                       : 2026-03-02T09:02:00Z");
        }
        MtRun afterClose = run(
                Clock.fixed(READ.plusSeconds(60), ZoneOffset.UTC),
                "Search-MailboxAuditLog",
                "-Identity",
                ALICE,
                "-ShowDetails");
        assertThat(afterClose.err()).doesNotContain("aggregation window");
        assertThat(afterClose.out()).contains("MailItemsAccessed");
    }

    @Test
    void aSearchOfTheWholeOrganisationSumsTheWindowsOfSeveralMailboxesUp() throws Exception {
        Clock clock = Clock.fixed(READ.plusSeconds(50), ZoneOffset.UTC);
        try (AuditPipeline pipeline = AuditPipeline.open(data, clock, PipelineOptions.defaults(), "mt serve");
                CmdletChannel channel = CmdletChannel.open(pipeline, clock)) {
            pipeline.submitAll(List.of(read("<a@contoso.com>"), read("bob@contoso.com", "<b@contoso.com>")))
                    .get();

            MtRun all = run(clock, "Search-UnifiedAuditLog", "-StartDate", "2026-03-02", "-EndDate", "2026-03-03");
            MtRun bob = run(
                    clock,
                    "Search-UnifiedAuditLog",
                    "-StartDate",
                    "2026-03-02",
                    "-EndDate",
                    "2026-03-03",
                    "-UserIds",
                    "bob@contoso.com");

            assertThat(all.err())
                    .contains("2 accesses of 2 mailboxes are in 2 aggregation windows open until"
                            + " 2026-03-02T09:02:00Z (in 1 min 10 s); their MailItemsAccessed records are written when they"
                            + " close (Get-MailTrailAggregationWindow lists them).");
            assertThat(bob.err())
                    .contains("bob@contoso.com has 1 access in an aggregation window")
                    .doesNotContain(ALICE);
        }
    }

    @Test
    void aWindowOutsideTheAskedRangeOrOperationsIsNotTold() throws Exception {
        Clock clock = Clock.fixed(READ.plusSeconds(5), ZoneOffset.UTC);
        try (AuditPipeline pipeline = AuditPipeline.open(data, clock, PipelineOptions.defaults(), "mt serve");
                CmdletChannel channel = CmdletChannel.open(pipeline, clock)) {
            pipeline.submit(read("<a@contoso.com>")).get();

            assertThat(run(clock, "Search-MailboxAuditLog", ALICE, "-EndDate", "2026-03-01")
                            .err())
                    .doesNotContain("aggregation window");
            assertThat(run(
                                    clock,
                                    "Search-UnifiedAuditLog",
                                    "-StartDate",
                                    "2026-03-02",
                                    "-EndDate",
                                    "2026-03-03",
                                    "-Operations",
                                    "Send")
                            .err())
                    .doesNotContain("aggregation window");
        }
    }

    @Test
    void aRangeBeforeTheRetentionHorizonIsSaidToBePurged() throws Exception {
        Clock then = Clock.fixed(READ, ZoneOffset.UTC);
        try (AuditPipeline pipeline = AuditPipeline.open(data, then, PipelineOptions.defaults(), "mt ingest")) {
            pipeline.submit(read("<a@contoso.com>")).get();
        }
        Clock later = Clock.fixed(READ.plus(Duration.ofDays(200)), ZoneOffset.UTC);
        try (AuditPipeline pipeline = AuditPipeline.open(data, later, PipelineOptions.defaults(), "mt ingest")) {
            assertThat(pipeline.recordsMade()).isPositive();
        }

        MtRun mailbox = run(
                later,
                "Search-MailboxAuditLog",
                "-Identity",
                ALICE,
                "-StartDate",
                "2026-03-01",
                "-EndDate",
                "2026-03-03",
                "-ShowDetails");
        MtRun unified = run(later, "Search-UnifiedAuditLog", "-StartDate", "2026-03-01", "-EndDate", "2026-03-03");
        MtRun recent = run(
                later,
                "Search-MailboxAuditLog",
                "-Identity",
                ALICE,
                "-StartDate",
                "2026-09-01",
                "-EndDate",
                "2026-09-03");

        assertThat(mailbox.err())
                .contains("WARNING: " + ALICE + ": records before 2026-06-20T09:00:00Z were purged by the retention"
                        + " of 90 days (AuditLogAgeLimit 90.00:00:00, applied 2026-09-18T09:00:00Z).")
                .doesNotContain("holds no records");
        assertThat(unified.err())
                .contains("WARNING: the unified audit log's records before 2026-03-22T09:00:00Z were purged by the"
                        + " retention of 180 days");
        assertThat(recent.err()).doesNotContain("purged");
    }

    @Test
    void timesAreShownToTheSecond() throws Exception {
        Clock then = Clock.fixed(READ, ZoneOffset.UTC);
        try (AuditPipeline pipeline = AuditPipeline.open(data, then, PipelineOptions.defaults(), "mt ingest")) {
            pipeline.submit(read("<a@contoso.com>")).get();
        }
        Clock later = Clock.fixed(READ.plus(Duration.ofDays(200)).plusNanos(742_679_704), ZoneOffset.UTC);
        try (AuditPipeline pipeline = AuditPipeline.open(data, later, PipelineOptions.defaults(), "mt ingest")) {
            assertThat(pipeline.recordsMade()).isPositive();
        }

        MtRun mailbox = run(later, "Search-MailboxAuditLog", "-Identity", ALICE, "-StartDate", "2026-03-01");

        assertThat(mailbox.err())
                .contains("records before 2026-06-20T09:00:00Z were purged", "applied 2026-09-18T09:00:00Z).");
    }

    private static MailboxAccess read(String messageId) {
        return read(ALICE, messageId);
    }

    private static MailboxAccess read(String mailbox, String messageId) {
        return new MailboxAccess(
                READ,
                mailbox,
                mailbox,
                LogonType.OWNER,
                MailboxAction.MAIL_ITEMS_ACCESSED,
                MailAccessType.BIND,
                new Session("s1", "192.0.2.1", "Client=IMAP4", null),
                new FolderRef(null, "\\Inbox", null),
                null,
                List.of(new ItemRef(messageId, null, 100L, "Invoice", null)),
                null,
                List.of());
    }

    private MtRun run(Clock clock, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = args[0];
        all[1] = "--data";
        all[2] = data.toString();
        System.arraycopy(args, 1, all, 3, args.length - 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Mt.run(
                all,
                Map.of(),
                clock,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new MtRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}

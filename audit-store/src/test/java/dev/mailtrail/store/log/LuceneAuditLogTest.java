package dev.mailtrail.store.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.store.chain.TamperFinding;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneAuditLogTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final RecordQuery ALL_OF_MARCH =
            RecordQuery.between(Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-04-01T00:00:00Z"));

    @TempDir
    Path dir;

    @Test
    void searchesComeNewestFirstWithEveryFilter() throws Exception {
        try (LuceneAuditLog log = LuceneAuditLog.open(dir, ChainScheme.PER_MAILBOX)) {
            log.append(List.of(
                    TestRecords.login("alice@contoso.com", T0),
                    TestRecords.bind(
                            "alice@contoso.com",
                            T0.plusSeconds(60),
                            "<a1@contoso.com>",
                            "Q3 wire transfer",
                            "203.0.113.66"),
                    TestRecords.bind(
                            "bob@contoso.com", T0.plusSeconds(120), "<b1@contoso.com>", "Lunch", "198.51.100.1"),
                    TestRecords.bind(
                            "alice@contoso.com", T0.plusSeconds(180), "<a2@contoso.com>", "Payroll", "198.51.100.1")));
            log.commit(new Checkpoint(4, 4));

            assertThat(operations(log, ALL_OF_MARCH.withMailboxes(Set.of("ALICE@contoso.com"))))
                    .containsExactly("<a2@contoso.com>", "<a1@contoso.com>", "MailboxLogin");
            assertThat(operations(log, ALL_OF_MARCH.withIpAddresses(Set.of("203.0.113.66:443"))))
                    .containsExactly("<a1@contoso.com>");
            assertThat(operations(log, ALL_OF_MARCH.withFreeText(List.of("<B1@contoso.com>"))))
                    .containsExactly("<b1@contoso.com>");
            assertThat(operations(log, ALL_OF_MARCH.withFreeText(List.of("wire transfer"))))
                    .containsExactly("<a1@contoso.com>");
            assertThat(operations(log, ALL_OF_MARCH.withOperations(Set.of("mailboxlogin"))))
                    .containsExactly("MailboxLogin");
            assertThat(operations(log, ALL_OF_MARCH.withRecordTypes(Set.of(50)).withUserIds(Set.of("bob@contoso.com"))))
                    .containsExactly("<b1@contoso.com>");
            RecordQuery firstTwoMinutes = RecordQuery.between(T0, T0.plusSeconds(120));
            assertThat(operations(log, firstTwoMinutes)).containsExactly("<a1@contoso.com>", "MailboxLogin");
            assertThat(log.count(ALL_OF_MARCH)).isEqualTo(4);
            assertThat(log.countByOperation(ALL_OF_MARCH))
                    .isEqualTo(Map.of("MailItemsAccessed", 3L, "MailboxLogin", 1L));
        }
    }

    @Test
    void aRangeFromInstantMinToInstantMaxMeansEverything() throws Exception {
        try (LuceneAuditLog log = LuceneAuditLog.open(dir, ChainScheme.PER_MAILBOX)) {
            log.append(List.of(TestRecords.login("alice@contoso.com", T0)));
            log.commit(new Checkpoint(1, 1));

            assertThat(log.count(RecordQuery.between(Instant.MIN, Instant.MAX))).isEqualTo(1);
        }
    }

    @Test
    void aSearchStreamsPastOnePageAndStopsAtItsLimit() throws Exception {
        try (LuceneAuditLog log = LuceneAuditLog.open(dir, ChainScheme.ORGANIZATION)) {
            List<AuditRecord> records = new ArrayList<>();
            for (int i = 0; i < 2_500; i++) {
                records.add(
                        TestRecords.bind("alice@contoso.com", T0.plusSeconds(i), "<m" + i + "@c>", null, "10.0.0.1"));
            }
            log.append(records);
            log.commit(new Checkpoint(1, records.size()));

            List<Instant> times = new ArrayList<>();
            long visited = log.search(ALL_OF_MARCH, Long.MAX_VALUE, found -> times.add(found.creationTime()));
            assertThat(visited).isEqualTo(2_500);
            assertThat(times.getFirst()).isEqualTo(T0.plusSeconds(2_499));
            assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
            assertThat(log.search(ALL_OF_MARCH, 1_234, found -> true)).isEqualTo(1_234);
            assertThat(log.export(found -> true)).isEqualTo(2_500);
        }
    }

    @Test
    void aCommitSurvivesReopeningAndWhatWasNotCommittedIsGone() throws Exception {
        try (LuceneAuditLog log = LuceneAuditLog.open(dir, ChainScheme.PER_MAILBOX)) {
            log.append(List.of(TestRecords.login("alice@contoso.com", T0)));
            log.commit(new Checkpoint(7, 1));
            log.append(List.of(TestRecords.login("alice@contoso.com", T0.plusSeconds(1))));
        }
        try (LuceneAuditLog log = LuceneAuditLog.open(dir, ChainScheme.PER_MAILBOX)) {
            assertThat(log.checkpoint()).isEqualTo(new Checkpoint(7, 1));
            assertThat(log.count(ALL_OF_MARCH)).isEqualTo(1);
            log.append(List.of(TestRecords.login("alice@contoso.com", T0.plusSeconds(2))));
            log.commit(new Checkpoint(8, 2));
            VerifyReport report = log.verify();
            assertThat(report.intact()).as(report.toString()).isTrue();
            assertThat(report.records()).isEqualTo(2);
        }
    }

    @Test
    void anotherProcessSearchesTheLastCommitWhileTheWriterHoldsTheStore() throws Exception {
        try (LuceneAuditLog log = LuceneAuditLog.open(dir, ChainScheme.PER_MAILBOX);
                LuceneAuditLog reader = LuceneAuditLog.openForSearch(dir)) {
            log.append(List.of(TestRecords.login("alice@contoso.com", T0)));
            assertThat(reader.count(ALL_OF_MARCH)).isZero();
            log.commit(new Checkpoint(1, 1));
            assertThat(reader.count(ALL_OF_MARCH)).isEqualTo(1);
            assertThatThrownBy(() -> reader.append(List.of())).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void retentionPurgesTheOldestRecordsAndLeavesAVerifiableMark() throws Exception {
        try (LuceneAuditLog log = LuceneAuditLog.open(dir, ChainScheme.PER_MAILBOX)) {
            List<AuditRecord> records = new ArrayList<>();
            for (int day = 0; day < 10; day++) {
                records.add(TestRecords.login("alice@contoso.com", T0.plus(Duration.ofDays(day))));
                records.add(TestRecords.login("bob@contoso.com", T0.plus(Duration.ofDays(day))));
            }
            log.append(records);
            log.commit(new Checkpoint(20, 20));

            long purged = log.purge(
                    ChainScheme.mailboxChain("alice@contoso.com"),
                    T0.plus(Duration.ofDays(7)),
                    "AuditLogAgeLimit 3.00:00:00",
                    T0.plus(Duration.ofDays(10)));
            log.commit(new Checkpoint(20, 20));

            assertThat(purged).isEqualTo(7);
            assertThat(log.count(ALL_OF_MARCH.withMailboxes(Set.of("alice@contoso.com"))))
                    .isEqualTo(3);
            assertThat(log.count(ALL_OF_MARCH.withMailboxes(Set.of("bob@contoso.com"))))
                    .isEqualTo(10);
            VerifyReport report = log.verify();
            assertThat(report.intact()).as(report.toString()).isTrue();
            assertThat(report.purged()).isEqualTo(1);
            assertThat(report.records()).isEqualTo(13);
            assertThat(log.purge(ChainScheme.mailboxChain("alice@contoso.com"), T0, "again", T0))
                    .isZero();
        }
        try (LuceneAuditLog log = LuceneAuditLog.open(dir, ChainScheme.PER_MAILBOX)) {
            log.append(List.of(TestRecords.login("alice@contoso.com", T0.plus(Duration.ofDays(11)))));
            log.commit(new Checkpoint(21, 21));
            assertThat(log.verify().intact()).isTrue();
        }
    }

    @Test
    void verifyingNamesTheChainAndPositionOfEachChange() throws Exception {
        try (LuceneAuditLog log = LuceneAuditLog.open(dir, ChainScheme.PER_MAILBOX)) {
            List<AuditRecord> records = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                records.add(TestRecords.login("alice@contoso.com", T0.plusSeconds(i)));
            }
            log.append(records);
            log.commit(new Checkpoint(5, 5));
        }
        StoreTampering.deletePosition(dir, "mailbox:alice@contoso.com", 3);

        try (LuceneAuditLog log = LuceneAuditLog.openForSearch(dir)) {
            VerifyReport report = log.verify();
            assertThat(report.findings()).singleElement().satisfies(finding -> {
                assertThat(finding.kind()).isEqualTo(TamperFinding.Kind.DELETED);
                assertThat(finding.chain()).isEqualTo("mailbox:alice@contoso.com");
                assertThat(finding.position()).isEqualTo(3);
            });
        }
    }

    @Test
    void anEditedRecordIsFoundAtItsPosition() throws Exception {
        fiveLogins();
        StoreTampering.editPosition(dir, "mailbox:alice@contoso.com", 2, "Succeeded", "Failed");

        assertThat(onlyFinding()).satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(TamperFinding.Kind.EDITED);
            assertThat(finding.position()).isEqualTo(2);
        });
    }

    @Test
    void anInsertedRecordIsFoundAtItsPosition() throws Exception {
        fiveLogins();
        StoreTampering.insertCopyOf(dir, "mailbox:alice@contoso.com", 4, "Succeeded", "Failed");

        assertThat(onlyFinding()).satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(TamperFinding.Kind.INSERTED);
            assertThat(finding.position()).isEqualTo(4);
        });
    }

    @Test
    void aChangedByteInAnIndexFileIsCaughtByTheEngineChecksums() throws Exception {
        fiveLogins();
        Path file;
        try (var files = java.nio.file.Files.list(dir)) {
            file = files.filter(path -> !path.getFileName().toString().startsWith("segments")
                            && !path.getFileName().toString().equals("write.lock"))
                    .max(java.util.Comparator.comparingLong(
                            path -> path.toFile().length()))
                    .orElseThrow();
        }
        byte[] bytes = java.nio.file.Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x20;
        java.nio.file.Files.write(file, bytes);

        VerifyReport report = LuceneAuditLog.verify(dir);
        assertThat(report.intact()).isFalse();
        assertThat(report.corruption())
                .singleElement()
                .asString()
                .contains(file.getFileName().toString());
    }

    private void fiveLogins() throws Exception {
        try (LuceneAuditLog log = LuceneAuditLog.open(dir, ChainScheme.PER_MAILBOX)) {
            List<AuditRecord> records = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                records.add(TestRecords.login("alice@contoso.com", T0.plusSeconds(i)));
            }
            log.append(records);
            log.commit(new Checkpoint(5, 5));
        }
    }

    private TamperFinding onlyFinding() throws Exception {
        try (LuceneAuditLog log = LuceneAuditLog.openForSearch(dir)) {
            VerifyReport report = log.verify();
            assertThat(report.findings()).hasSize(1);
            return report.findings().getFirst();
        }
    }

    @Test
    void theSearchActionIsFoundByItsMailboxActionNameAndByItsUnifiedLogName() throws Exception {
        try (LuceneAuditLog log = LuceneAuditLog.open(dir, ChainScheme.PER_MAILBOX)) {
            AuditRecord search = AuditRecord.builder()
                    .creationTime(T0)
                    .id(UUID.nameUUIDFromBytes("search".getBytes()).toString())
                    .operation("SearchQueryInitiatedExchange")
                    .recordType(101)
                    .resultStatus("Succeeded")
                    .userId("alice@contoso.com")
                    .logonType(0)
                    .mailboxOwnerUpn("alice@contoso.com")
                    .build();
            log.append(List.of(search, TestRecords.login("alice@contoso.com", T0.plusSeconds(1))));
            log.commit(new Checkpoint(2, 2));
            // Set-Mailbox enables "SearchQueryInitiated"; the unified log names its records
            // SearchQueryInitiatedExchange
            for (String asked : List.of("SearchQueryInitiated", "SearchQueryInitiatedExchange")) {
                assertThat(log.count(ALL_OF_MARCH.withOperations(Set.of(asked))))
                        .as(asked)
                        .isEqualTo(1);
            }
        }
    }

    private static List<String> operations(AuditLogSearch log, RecordQuery query) throws Exception {
        List<String> found = new ArrayList<>();
        log.search(
                query,
                100,
                record -> found.add(
                        record.operation().equals("MailItemsAccessed")
                                ? record.auditData().replaceAll(".*\"InternetMessageId\":\"([^\"]+)\".*", "$1")
                                : record.operation()));
        return found;
    }
}

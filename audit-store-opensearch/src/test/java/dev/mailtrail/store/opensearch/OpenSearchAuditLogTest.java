package dev.mailtrail.store.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.NameValue;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.core.record.FolderItems;
import dev.mailtrail.store.log.ChainScheme;
import dev.mailtrail.store.log.Checkpoint;
import dev.mailtrail.store.log.FoundRecord;
import dev.mailtrail.store.log.RecordQuery;
import dev.mailtrail.store.log.ResultPosition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The OpenSearch log against a real OpenSearch node: what is written is found by the product's three searches. */
class OpenSearchAuditLogTest {
    private static final Instant DAY = Instant.parse("2026-03-02T00:00:00Z");

    @Test
    void aMailboxFirstPageIsItsNewestRecordsNewestFirstAndContinuesWhereItStopped() throws Exception {
        try (OpenSearchAuditLog log = OpenSearchAuditLog.open(TestNode.url(), "first-page", ChainScheme.PER_MAILBOX)) {
            List<AuditRecord> records = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                records.add(bind("alice@contoso.com", DAY.plusSeconds(60L * i), "<m" + i + "@contoso.com>"));
                records.add(bind("bob@contoso.com", DAY.plusSeconds(60L * i), "<b" + i + "@contoso.com>"));
            }
            log.append(records);
            log.commit(new Checkpoint(7, 60));

            RecordQuery alice =
                    RecordQuery.between(DAY, DAY.plus(Duration.ofDays(1))).withMailboxes(Set.of("Alice@Contoso.com"));
            List<FoundRecord> page = new ArrayList<>();
            log.search(alice, 10, page::add);
            List<FoundRecord> next = new ArrayList<>();
            log.search(alice, ResultPosition.of(page.getLast()), 10, next::add);

            assertThat(page)
                    .extracting(FoundRecord::creationTime)
                    .containsExactly(times(29, 20).toArray(Instant[]::new));
            assertThat(page.getFirst().auditData())
                    .contains("<m29@contoso.com>")
                    .contains("alice@contoso.com");
            assertThat(next)
                    .extracting(FoundRecord::creationTime)
                    .containsExactly(times(19, 10).toArray(Instant[]::new));
            assertThat(log.count(alice)).isEqualTo(30);
        }
    }

    @Test
    void aDayIsCountedByOperation() throws Exception {
        try (OpenSearchAuditLog log = OpenSearchAuditLog.open(TestNode.url(), "day-count", ChainScheme.PER_MAILBOX)) {
            log.append(List.of(
                    bind("alice@contoso.com", DAY.plusSeconds(10), "<x1@contoso.com>"),
                    bind("bob@contoso.com", DAY.plusSeconds(20), "<x2@contoso.com>"),
                    login("alice@contoso.com", DAY.plusSeconds(30)),
                    login("alice@contoso.com", DAY.minusSeconds(30))));
            log.commit(new Checkpoint(4, 4));

            Map<String, Long> counts = log.countByOperation(RecordQuery.between(DAY, DAY.plus(Duration.ofDays(1))));

            assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of("MailItemsAccessed", 2L, "MailboxLogin", 1L));
        }
    }

    @Test
    void anInternetMessageIdFindsEveryRecordThatReadTheMessage() throws Exception {
        try (OpenSearchAuditLog log = OpenSearchAuditLog.open(TestNode.url(), "message-id", ChainScheme.PER_MAILBOX)) {
            log.append(List.of(
                    bind("alice@contoso.com", DAY.plusSeconds(10), "<Invoice.4471@Fabrikam.example>"),
                    bind("bob@contoso.com", DAY.plusSeconds(20), "<invoice.4471@fabrikam.example>"),
                    bind("carol@contoso.com", DAY.plusSeconds(30), "<other@fabrikam.example>")));
            log.commit(new Checkpoint(3, 3));

            List<FoundRecord> found = new ArrayList<>();
            log.search(
                    RecordQuery.between(DAY, DAY.plus(Duration.ofDays(1)))
                            .withFreeText(List.of("<invoice.4471@fabrikam.example>")),
                    100,
                    found::add);

            assertThat(found).extracting(FoundRecord::userId).containsExactly("bob@contoso.com", "alice@contoso.com");
        }
    }

    @Test
    void aReopenedLogContinuesItsChainsAndCheckpoint() throws Exception {
        try (OpenSearchAuditLog log = OpenSearchAuditLog.open(TestNode.url(), "reopen", ChainScheme.PER_MAILBOX)) {
            log.append(List.of(bind("alice@contoso.com", DAY, "<r1@contoso.com>")));
            log.commit(new Checkpoint(11, 1));
        }
        try (OpenSearchAuditLog log = OpenSearchAuditLog.open(TestNode.url(), "reopen", ChainScheme.PER_MAILBOX)) {
            log.append(List.of(bind("alice@contoso.com", DAY.plusSeconds(1), "<r2@contoso.com>")));
            log.commit(new Checkpoint(12, 2));

            List<FoundRecord> exported = new ArrayList<>();
            log.export(exported::add);

            assertThat(log.checkpoint()).isEqualTo(new Checkpoint(12, 2));
            assertThat(exported)
                    .extracting(FoundRecord::auditData)
                    .satisfiesExactly(
                            first -> assertThat(first).contains("<r1@contoso.com>"),
                            second -> assertThat(second).contains("<r2@contoso.com>"));
            assertThat(log.chains()).containsExactly(ChainScheme.mailboxChain("alice@contoso.com"));
            assertThat(log.verify().intact()).isTrue();
            assertThat(log.verify().records()).isEqualTo(2);
        }
    }

    @Test
    void anAuditDataChangedInTheIndexIsFoundByVerify() throws Exception {
        try (OpenSearchAuditLog log = OpenSearchAuditLog.open(TestNode.url(), "tamper", ChainScheme.PER_MAILBOX)) {
            log.append(List.of(
                    bind("alice@contoso.com", DAY, "<t1@contoso.com>"),
                    bind("alice@contoso.com", DAY.plusSeconds(1), "<t2@contoso.com>")));
            log.commit(new Checkpoint(2, 2));
            String chain = ChainScheme.mailboxChain("alice@contoso.com");
            OpenSearchHttp http = new OpenSearchHttp(TestNode.url());
            com.fasterxml.jackson.databind.node.ObjectNode change = OpenSearchHttp.JSON.createObjectNode();
            change.putObject("doc").put("audit_data", "{\"Operation\":\"Nothing to see\"}");
            http.post(
                    "tamper-2026.03/_update/" + (1L << WriterSequence.ORDINAL_BITS) + "?routing="
                            + OpenSearchHttp.encode(chain) + "&refresh=true",
                    change);

            assertThat(log.verify().findings()).singleElement().satisfies(finding -> assertThat(finding.position())
                    .isEqualTo(1));
        }
    }

    private static List<Instant> times(int from, int downTo) {
        List<Instant> times = new ArrayList<>();
        for (int i = from; i >= downTo; i--) {
            times.add(DAY.plusSeconds(60L * i));
        }
        return times;
    }

    static AuditRecord bind(String mailbox, Instant time, String messageId) {
        return AuditRecord.builder()
                .creationTime(time)
                .id(UUID.nameUUIDFromBytes((mailbox + time + messageId).getBytes())
                        .toString())
                .operation("MailItemsAccessed")
                .recordType(50)
                .resultStatus("Succeeded")
                .userId(mailbox)
                .clientIp("203.0.113.5:51234")
                .logonType(0)
                .mailboxOwnerUpn(mailbox)
                .clientIpAddress("203.0.113.5")
                .sessionId("session-1")
                .operationProperties(List.of(new NameValue("MailAccessType", "Bind")))
                .operationCount(1)
                .folders(List.of(new FolderItems(
                        "inbox-id", "\\Inbox", List.of(new ItemRef(messageId, null, 1234L, "Invoice 4471")))))
                .build();
    }

    static AuditRecord login(String mailbox, Instant time) {
        return AuditRecord.builder()
                .creationTime(time)
                .id(UUID.nameUUIDFromBytes((mailbox + time + "login").getBytes())
                        .toString())
                .operation("MailboxLogin")
                .recordType(2)
                .resultStatus("Succeeded")
                .userId(mailbox)
                .logonType(0)
                .mailboxOwnerUpn(mailbox)
                .build();
    }
}
